/**
 * An import's rows made ready to insert: each read row becomes the record the case stores
 * (`recordOf`), is computed by the engine with the case's defaults, and is encoded as the
 * `vehicles` row stores it (vehicle-rows.ts). Pure: it runs on the reading thread while the main
 * thread inserts the batches before (import-worker.ts), or on the main thread when there is no
 * reading thread; the rows stored are the same either way (tests/unit/imports/import-thread.test.ts).
 */
import type { Language, VehicleRecord } from '../../core/api/contract';
import type { ComputeOptions } from '../../core/engine/index';
import { fieldLabel } from '../../core/import/messages';
import type { Issue } from '../../core/import/types';
import { plainValue } from '../../core/import/values';
import type { ComputeResult } from '../../core/vehicle';
import type { ReadRow } from '../io/types';
import { cleanRecord, engineInput, RowEncoder, type CaseDefaults, type StoredValues } from './vehicle-rows';

const BOOLEAN_FIELDS = new Set<string>(['offRoad', 'tractorUnit', 'internationalHaulage', 'personalUse']);
const TEXT_CAPS: Partial<Record<string, number>> = { id: 100, notes: 2000, model: 200, make: 100, colour: 100, exemption: 100, machineType: 100 };
const DEFAULT_CAP = 40;
const UNREAD_NOTE: Record<Language, string> = { ru: 'Не прочитано при импорте', kk: 'Импорт кезінде оқылмады', en: 'Not read on import' };

/** A cell's value as a report shows it. */
export const text = (value: unknown): string => {
  const v = plainValue(value);
  if (v === null) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
};

/**
 * A read row as the record the case stores. A value the reader could not use is stored as typed
 * (a number or date field takes text), so the row is a draft whose result names that field; a
 * flag that could not be read cannot be stored as typed, so it goes into the notes.
 */
export function recordOf(row: ReadRow, language: Language): VehicleRecord {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.input)) {
    if (value === undefined || value === null) continue;
    record[key] = typeof value === 'string' ? value.slice(0, TEXT_CAPS[key] ?? DEFAULT_CAP) : value;
  }
  const unread: string[] = [];
  for (const issue of row.issues) {
    if (issue.severity !== 'error' || issue.column === null || record[issue.field] !== undefined) continue;
    const raw = text(issue.value);
    if (raw === '') continue;
    if (BOOLEAN_FIELDS.has(issue.field)) unread.push(`${fieldLabel(issue.field, language)}: ${raw}`);
    else record[issue.field] = raw.slice(0, TEXT_CAPS[issue.field] ?? DEFAULT_CAP);
  }
  if (unread.length > 0) {
    const note = `${UNREAD_NOTE[language]}: ${unread.join('; ')}`;
    record.notes = (typeof record.notes === 'string' && record.notes !== '' ? `${record.notes}\n${note}` : note).slice(0, TEXT_CAPS.notes);
  }
  return record as VehicleRecord;
}

/** What the preparation needs to know of the case and the broker's settings; crosses threads. */
export interface PrepareContext {
  /** the import's language: of the notes on values that could not be read */
  language: Language;
  caseDefaults: CaseDefaults;
  /** the engine's options as the app computes (FeeService.computeOptions) */
  computeOptions: ComputeOptions;
}

/**
 * A row ready to insert, with what the import's report needs of it. Flat, and without empty
 * lists, because it crosses between threads: nested objects and empty arrays made up half the
 * cost of sending a batch.
 */
export interface PreparedRow extends StoredValues {
  rowNumber: number;
  /** the reader's issues with the row's cells; absent when there are none */
  issues?: Issue[];
  /** the engine's errors, with the value of the field each names as the report shows it; absent when none */
  engineErrors?: { field: string; message: string; value: string }[];
}

export interface PreparedBatch {
  rows: PreparedRow[];
  /** parts first used in this batch: the rows' `part` indexes name them for the whole import */
  parts: { index: number; body: string }[];
}

export type Compute = (inputs: readonly Record<string, unknown>[], options: ComputeOptions) => ComputeResult[];

/**
 * Prepares one import's batches in order; part indexes run across the batches of the import,
 * from `firstPart` (two preparers of one import, one per thread, number their parts apart).
 */
export class ImportPreparer {
  private readonly encoder = new RowEncoder();
  private partsSent = 0;

  constructor(
    private readonly context: PrepareContext,
    private readonly compute: Compute,
    private readonly firstPart = 0,
  ) {}

  prepare(rows: readonly ReadRow[]): PreparedBatch {
    const records = rows.map((row) => cleanRecord(recordOf(row, this.context.language)));
    const results = this.compute(records.map((r) => engineInput(r, this.context.caseDefaults)), this.context.computeOptions);
    const prepared = rows.map((row, i): PreparedRow => {
      const record = records[i]!;
      const result = results[i]!;
      const out: PreparedRow = Object.assign(this.encoder.encode(record, result), { rowNumber: row.rowNumber });
      if (out.part !== null) out.part += this.firstPart;
      if (row.issues.length > 0) out.issues = row.issues;
      if (!result.ok) out.engineErrors = result.errors.map((e) => ({ field: e.field, message: e.message, value: text(record[e.field as keyof VehicleRecord]) }));
      return out;
    });
    const parts = this.encoder.parts.slice(this.partsSent).map((body, k) => ({ index: this.firstPart + this.partsSent + k, body }));
    this.partsSent = this.encoder.parts.length;
    return { rows: prepared, parts };
  }
}
