/**
 * Sorting and filtering the grid's view. They change only what the broker sees: the stored order
 * (each row's position) stays, so clearing the sort brings the case back as it was entered.
 */
import { Dec } from '../money';

export type SortValue = string | number | Dec | undefined;

export interface SortSpec {
  dir: 'asc' | 'desc';
}

function compare(a: SortValue, b: SortValue): number {
  if (a === undefined || a === '') return b === undefined || b === '' ? 0 : 1;
  if (b === undefined || b === '') return -1;
  if (a instanceof Dec && b instanceof Dec) return a.comparedTo(b);
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b), undefined, { numeric: true, sensitivity: 'base' });
}

/**
 * Indexes of `items` in view order: filtered by `keep`, then stably sorted by `valueOf`. Empty
 * values go last in either direction, as spreadsheets put blanks.
 */
export function viewOrder<T>(
  items: readonly T[],
  keep: ((item: T) => boolean) | null,
  sort: { valueOf: (item: T) => SortValue; dir: 'asc' | 'desc' } | null,
): number[] {
  const indexes: number[] = [];
  for (let i = 0; i < items.length; i++) if (!keep || keep(items[i]!)) indexes.push(i);
  if (!sort) return indexes;
  const values = new Map<number, SortValue>();
  for (const i of indexes) values.set(i, sort.valueOf(items[i]!));
  const sign = sort.dir === 'asc' ? 1 : -1;
  return indexes.sort((x, y) => {
    const a = values.get(x);
    const b = values.get(y);
    const blankA = a === undefined || a === '';
    const blankB = b === undefined || b === '';
    if (blankA || blankB) return blankA === blankB ? x - y : blankA ? 1 : -1;
    return sign * compare(a, b) || x - y;
  });
}

/** Case- and spacing-insensitive "contains", so "1 598" finds "1598" and "м1" finds "M1". */
export function matchesFilter(text: string, filter: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/[\s\u00a0]/g, '').replace(/м/g, 'm').replace(/н/g, 'n');
  return norm(text).includes(norm(filter));
}
