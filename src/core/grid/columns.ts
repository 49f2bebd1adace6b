/**
 * The grid's columns: every field of the vehicle record plus make, model, colour and notes, each
 * with the editor it needs. Reading what people type reuses the import parsers
 * (src/core/import), so a cell accepts exactly what a spreadsheet import accepts: decimal commas,
 * thousands spaces, "1,6 л", dd.mm.yyyy, Cyrillic "М1", "бензин", "да"/"нет".
 */
import { formatDate, formatNumber } from '../format';
import type { Language } from '../api/contract';
import { applyMapping } from '../import/apply';
import type { MappedColumn } from '../import/types';
import { CATEGORIES, COUNTRIES, IMPORTERS, PROPULSIONS } from '../rates/schema';
import type { CellProblem, RecordField, VehicleRecord } from './types';

export type EditorKind = 'text' | 'enum' | 'boolean' | 'number' | 'date' | 'partial-date';

export interface Column {
  field: RecordField;
  editor: EditorKind;
  /** the values an `enum` column offers, in order */
  options?: readonly string[];
  /** numbers aligned right, as a spreadsheet does */
  numeric?: boolean;
  /** a width class: narrow columns for flags and codes, wide ones for VIN and text */
  width: 'xs' | 's' | 'm' | 'l';
}

/** In the order a broker reads a vehicle: what it is, what drives it, its age, who imports it. */
export const COLUMNS: readonly Column[] = [
  { field: 'id', editor: 'text', width: 's' },
  { field: 'vin', editor: 'text', width: 'l' },
  { field: 'make', editor: 'text', width: 'm' },
  { field: 'model', editor: 'text', width: 'm' },
  { field: 'category', editor: 'enum', options: CATEGORIES, width: 's' },
  { field: 'propulsion', editor: 'enum', options: PROPULSIONS, width: 'm' },
  { field: 'engineCc', editor: 'number', numeric: true, width: 's' },
  { field: 'powerHp', editor: 'number', numeric: true, width: 's' },
  { field: 'powerKw', editor: 'number', numeric: true, width: 's' },
  { field: 'electricPower30minKw', editor: 'number', numeric: true, width: 's' },
  { field: 'grossMassKg', editor: 'number', numeric: true, width: 's' },
  { field: 'productionDate', editor: 'partial-date', width: 's' },
  { field: 'importer', editor: 'enum', options: IMPORTERS, width: 'm' },
  { field: 'personalUse', editor: 'boolean', width: 'xs' },
  { field: 'offRoad', editor: 'boolean', width: 'xs' },
  { field: 'tractorUnit', editor: 'boolean', width: 'xs' },
  { field: 'internationalHaulage', editor: 'boolean', width: 'xs' },
  { field: 'dispatchCountry', editor: 'text', width: 'xs' },
  { field: 'originCountry', editor: 'text', width: 'xs' },
  { field: 'exemption', editor: 'text', width: 's' },
  { field: 'machineType', editor: 'text', width: 's' },
  { field: 'country', editor: 'enum', options: COUNTRIES, width: 'xs' },
  { field: 'date', editor: 'date', width: 's' },
  { field: 'colour', editor: 'text', width: 's' },
  { field: 'notes', editor: 'text', width: 'l' },
];

export function columnOf(field: RecordField): Column {
  const found = COLUMNS.find((c) => c.field === field);
  if (!found) throw new RangeError(`no grid column for field ${field}`);
  return found;
}

/** Words for yes and no that `parseBoolean` reads back, so a copied flag pastes as the same flag. */
const YES_NO: Record<Language, [string, string]> = {
  ru: ['да', 'нет'],
  kk: ['иә', 'жоқ'],
  en: ['yes', 'no'],
};

function partialDateText(value: string, lang: Language): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    try {
      return formatDate(value, lang);
    } catch {
      return value;
    }
  }
  const month = /^(\d{4})-(\d{2})$/.exec(value);
  if (month) return `${month[2]}.${month[1]}`;
  return value;
}

function numberText(value: number, lang: Language): string {
  try {
    return formatNumber(value, lang);
  } catch {
    return String(value);
  }
}

/**
 * The text a cell holds for editing and copying: dates as дд.мм.гггг, numbers with the
 * language's decimal separator, flags as да/нет, codes as codes. Parsing it gives the value back.
 */
export function cellText(column: Column, record: VehicleRecord, lang: Language): string {
  const value = record[column.field];
  if (value === undefined || value === null) return '';
  switch (column.editor) {
    case 'boolean':
      return YES_NO[lang][value === true ? 0 : 1];
    case 'number':
      return typeof value === 'number' ? numberText(value, lang) : String(value);
    case 'date':
    case 'partial-date':
      return typeof value === 'string' ? partialDateText(value, lang) : String(value);
    default:
      return String(value);
  }
}

export interface CellsRead {
  /** the fields the cells set; `undefined` clears a field */
  values: Partial<Record<RecordField, VehicleRecord[RecordField] | undefined>>;
  problems: Omit<CellProblem, 'row'>[];
}

/** Fields a parse can fill besides the one typed in: "M1G" sets offRoad, "150 л.с." in kW goes to hp. */
const SIDE_FIELDS = new Set<RecordField>(['offRoad', 'tractorUnit', 'powerKw', 'powerHp']);
/** The longest unreadable text kept in a cell (the contract's cap for coded and numeric cells). */
const MAX_KEPT_TEXT = 40;

/**
 * Reads typed or pasted text into fields of one row. `texts[i]` goes to `fields[i]`; an empty
 * text clears its field. The row's current record supplies context (a gross mass for "грузовой").
 * Text that cannot be read is kept as typed, so nothing the broker entered is lost and the
 * engine names the problem on the row; only a flag column, which holds yes or no, cannot keep it.
 */
export function readCells(
  fields: readonly RecordField[],
  texts: readonly string[],
  current: VehicleRecord,
  lang: Language,
): CellsRead {
  const mapping: MappedColumn[] = fields.map((field, i) => ({
    column: i + 1,
    field,
    unit: null,
    header: field,
    confidence: 'high',
  }));
  const mass = current.grossMassKg;
  const defaults = typeof mass === 'number' ? { grossMassKg: mass } : {};
  const { input, issues } = applyMapping(texts, mapping, { language: lang, defaults });
  const values: CellsRead['values'] = {};
  for (const field of fields) values[field] = undefined;
  for (const [key, value] of Object.entries(input)) {
    const field = key as RecordField;
    if (fields.includes(field) || (SIDE_FIELDS.has(field) && !(key in defaults))) {
      values[field] = value as VehicleRecord[RecordField];
    }
  }
  const problems = issues.map((issue) => {
    const column = issue.column === null ? -1 : issue.column - 1;
    const field = (column >= 0 ? fields[column] : undefined) ?? (issue.field as RecordField);
    const text = (column >= 0 ? texts[column] : undefined)?.trim() ?? '';
    if (issue.severity === 'error' && columnOf(field).editor !== 'boolean' && text.length <= MAX_KEPT_TEXT) {
      values[field] = text;
    }
    return { field, text, severity: issue.severity, message: issue.message };
  });
  return { values, problems };
}

/** A record with some fields set or cleared; an unchanged record keeps its identity. */
export function withValues(record: VehicleRecord, values: CellsRead['values']): VehicleRecord {
  let next: VehicleRecord | null = null;
  for (const [key, value] of Object.entries(values)) {
    const field = key as RecordField;
    if (record[field] === value) continue;
    next ??= { ...record };
    if (value === undefined) delete next[field];
    else (next as Record<string, unknown>)[field] = value;
  }
  return next ?? record;
}
