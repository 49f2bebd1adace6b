/** Editing a column's meaning in the preview: pure, so the dialog only renders. */
import type { ImportPreview } from '../../../core/api/contract';
import { IMPORT_FIELDS, type ImportField, type Unit } from '../../../core/import/types';

export type Mapping = ImportPreview['mapping'];

export const FIELD_UNITS: Partial<Record<ImportField, readonly Unit[]>> = {
  engineCc: ['cc', 'l'],
  powerKw: ['kw', 'hp'],
  powerHp: ['hp', 'kw'],
  electricPower30minKw: ['kw', 'hp'],
  grossMassKg: ['kg', 't'],
};

export { IMPORT_FIELDS };

/** Every column with a header, in sheet order, with its current field (null: not imported). */
export function columnsOf(mapping: Mapping): { column: number; header: string; field: ImportField | null; unit: Unit | null }[] {
  return [
    ...mapping.columns.map((c) => ({ column: c.column, header: c.header, field: c.field, unit: c.unit })),
    ...mapping.unmapped.map((c) => ({ column: c.column, header: c.header, field: null, unit: null })),
  ].sort((a, b) => a.column - b.column);
}

/**
 * The mapping with one column's meaning changed. A field can be read from one column only, so
 * a column that had the field before gives it up (as recognition does for a rival header).
 */
export function setColumnField(mapping: Mapping, column: number, field: ImportField | null, unit: Unit | null = null): Mapping {
  const all = columnsOf(mapping);
  const header = all.find((c) => c.column === column)?.header ?? '';
  const columns = mapping.columns.filter((c) => c.column !== column && (field === null || c.field !== field));
  const freed = mapping.columns.filter((c) => c.column !== column && field !== null && c.field === field).map((c) => ({ column: c.column, header: c.header }));
  const unmapped = [...mapping.unmapped.filter((c) => c.column !== column), ...freed];
  if (field === null) unmapped.push({ column, header });
  else columns.push({ column, header, field, unit: unit ?? FIELD_UNITS[field]?.[0] ?? null, confidence: 'high' });
  return { headerRow: mapping.headerRow, columns: columns.sort((a, b) => a.column - b.column), unmapped: unmapped.sort((a, b) => a.column - b.column) };
}
