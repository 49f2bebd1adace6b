/**
 * The shapes the grid core works on. A row is identified by a `key` that never changes while the
 * case is open; its database `id` arrives only after the first save, so everything that plans
 * changes speaks in keys and the save queue turns keys into ids.
 */
import type { VehicleChange, VehicleRecord } from '../api/contract';
import type { ImportField } from '../import/types';

export type { VehicleRecord };

export type RecordField = ImportField & keyof VehicleRecord;

/** One change of a `vehicles.apply` call, exactly as the contract has it. */
export type Change = VehicleChange;

/** The part of `vehicles.apply`'s answer the history needs. */
export interface ApplyOutcome {
  /** one per upsert, in the order of the upserts */
  rows: { id: number; position: number; record: VehicleRecord }[];
  deleted: number[];
}

/** A row as the grid plans edits on it. */
export interface PlanRow {
  key: string;
  record: VehicleRecord;
  position: number;
}

/** A cell the broker typed or pasted that could not be read as-is. */
export interface CellProblem {
  /** index in the rows the plan was made against (created rows continue past the end) */
  row: number;
  field: RecordField;
  /** what was typed, kept so the broker sees what to correct */
  text: string;
  /** error: the value was not stored; warning: a value was stored, check it */
  severity: 'error' | 'warning';
  message: string;
}
