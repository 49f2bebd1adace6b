/**
 * Types shared by header recognition, value parsing and the file readers. Pure data: a UI can
 * show a mapping, let the broker edit it, and hand it back to `applyMapping` unchanged in shape.
 */
import type { Language } from '../api/contract';
import type { Confidence } from '../rates/schema';
import type { VehicleInput } from '../vehicle';

export type { Language };

/** Contract fields (docs/vehicle-record.md) plus the descriptive columns brokers keep beside them. */
export const VEHICLE_FIELDS = [
  'id', 'vin', 'country', 'date', 'category', 'offRoad', 'tractorUnit', 'internationalHaulage',
  'propulsion', 'engineCc', 'powerKw', 'powerHp', 'electricPower30minKw', 'grossMassKg',
  'productionDate', 'importer', 'personalUse', 'dispatchCountry', 'originCountry', 'exemption',
  'machineType',
] as const satisfies readonly (keyof VehicleInput)[];
export const EXTRA_FIELDS = ['make', 'model', 'colour', 'notes'] as const;
export const IMPORT_FIELDS = [...VEHICLE_FIELDS, ...EXTRA_FIELDS] as const;
export type ImportField = (typeof IMPORT_FIELDS)[number];

/**
 * The unit a column's numbers are in, read from its header ("Объем ДВС (л)" → `l`).
 * `null`: the field's own unit (cm³, kW, hp, kg).
 */
export const UNITS = ['cc', 'l', 'kw', 'hp', 'kg', 't'] as const;
export type Unit = (typeof UNITS)[number];

export interface MappedColumn {
  /** 1-based column number, as the sheet numbers it (A = 1) */
  column: number;
  field: ImportField;
  unit: Unit | null;
  /** the header text as the file has it */
  header: string;
  /** high: canonical name or a known header; medium: a known phrase inside the header; low: a guess */
  confidence: Confidence;
}

export interface UnmappedColumn {
  column: number;
  header: string;
}

export interface HeaderMapping {
  /** 1-based row number of the header row in the sheet (0 when the file has no header row, e.g. JSON) */
  headerRow: number;
  columns: MappedColumn[];
  unmapped: UnmappedColumn[];
}

export type IssueCode =
  | 'invalid-number'
  | 'invalid-date'
  | 'invalid-vin'
  | 'unknown-category'
  | 'category-needs-mass'
  | 'unknown-propulsion'
  | 'unknown-importer'
  | 'invalid-boolean'
  | 'unknown-country'
  | 'unsupported-country'
  | 'unit-assumed'
  | 'unit-converted'
  | 'conflicting-values';

export interface Issue {
  field: ImportField;
  /** 1-based column number; null when the issue is not tied to one column */
  column: number | null;
  /** the value as the file has it */
  value: unknown;
  code: IssueCode;
  message: string;
  /** error: the value was not used; warning: a value was used but the broker should check it */
  severity: 'error' | 'warning';
}

/** A row's cells by column: cells[0] is column 1. */
export type RowCells = readonly unknown[];
