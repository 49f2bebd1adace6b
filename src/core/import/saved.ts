/**
 * Reusing a mapping the broker saved for a client. Columns are matched by header text, not by
 * position, so next month's file from the same carrier maps the same way even when a column was
 * added or moved; a header the saved mapping does not know keeps what recognition made of it.
 */
import { normaliseHeader } from './headers';
import type { HeaderMapping, MappedColumn, UnmappedColumn } from './types';

/** The header texts in column order, normalised: equal keys mean "the same layout". */
export function headerKey(mapping: HeaderMapping): string {
  return [...mapping.columns, ...mapping.unmapped]
    .sort((a, b) => a.column - b.column)
    .map((c) => normaliseHeader(c.header))
    .join('|');
}

const isMapped = (c: MappedColumn | UnmappedColumn): c is MappedColumn => 'field' in c;

/** The file's columns (as detected) with the saved mapping's meaning for every header it names. */
export function adaptMapping(saved: HeaderMapping, detected: HeaderMapping): HeaderMapping {
  const savedMapped = new Map(saved.columns.map((c) => [normaliseHeader(c.header), c]));
  const savedUnmapped = new Set(saved.unmapped.map((c) => normaliseHeader(c.header)));
  const columns: MappedColumn[] = [];
  const unmapped: UnmappedColumn[] = [];
  const all: (MappedColumn | UnmappedColumn)[] = [...detected.columns, ...detected.unmapped].sort((a, b) => a.column - b.column);
  for (const col of all) {
    const key = normaliseHeader(col.header);
    const known = savedMapped.get(key);
    if (known) columns.push({ column: col.column, header: col.header, field: known.field, unit: known.unit, confidence: 'high' });
    else if (savedUnmapped.has(key) || !isMapped(col)) unmapped.push({ column: col.column, header: col.header });
    else columns.push(col);
  }
  return { headerRow: detected.headerRow, columns, unmapped };
}
