/**
 * Fill down (Ctrl+D), as in Excel: the top row of the selection is copied into the rows below
 * it, column by column within the selection. With a single row selected, the row above is copied
 * into it.
 */
import type { Column } from './columns';
import type { PlanRow, VehicleRecord } from './types';

export interface CellRange {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export function planFillDown(
  rows: readonly PlanRow[],
  columns: readonly Column[],
  range: CellRange,
): { key: string; record: VehicleRecord }[] {
  const sourceIndex = range.top === range.bottom ? range.top - 1 : range.top;
  const firstTarget = range.top === range.bottom ? range.top : range.top + 1;
  const source = rows[sourceIndex];
  if (!source || sourceIndex < 0) return [];
  const fields = columns.slice(range.left, range.right + 1).map((c) => c.field);
  const updates: { key: string; record: VehicleRecord }[] = [];
  for (let i = firstTarget; i <= range.bottom; i++) {
    const row = rows[i];
    if (!row) break;
    let record: VehicleRecord | null = null;
    for (const field of fields) {
      const value = source.record[field];
      if (row.record[field] === value) continue;
      record ??= { ...row.record };
      if (value === undefined) delete record[field];
      else (record as Record<string, unknown>)[field] = value;
    }
    if (record) updates.push({ key: row.key, record });
  }
  return updates;
}
