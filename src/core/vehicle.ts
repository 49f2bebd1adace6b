/**
 * The vehicle record and the compute result, exactly as fixed by the shared contract
 * (docs/vehicle-record.md, a copy of the customer's spec). Field names are part of that contract:
 * the Excel template, the CLI, the database and other tools rely on them. Do not rename.
 */
import type { Category, Confidence, Country, Currency, Importer, Propulsion } from './rates/schema';

export interface VehicleInput {
  id?: string;
  vin?: string;
  country: Country;
  /** YYYY-MM-DD: the date whose rules apply (see docs/vehicle-record.md per jurisdiction) */
  date: string;
  category: Category;
  offRoad?: boolean;
  tractorUnit?: boolean;
  internationalHaulage?: boolean;
  propulsion?: Propulsion;
  engineCc?: number;
  powerKw?: number;
  powerHp?: number;
  electricPower30minKw?: number;
  grossMassKg?: number;
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  productionDate?: string;
  importer: Importer;
  personalUse?: boolean;
  dispatchCountry?: string;
  originCountry?: string;
  exemption?: string;
  machineType?: string;
}

/** A note attached to a result: a stable code for programs, a sentence for people. */
export interface ResultNote {
  code: string;
  message: string;
}

export interface FieldError {
  field: string;
  message: string;
  code?: string;
}

export interface ResultSource {
  key: string;
  title: string;
  url?: string;
  kind: string;
}

export interface ComputeOk {
  id?: string;
  ok: true;
  /** decimal string, main currency unit, two decimals */
  fee: string;
  currency: Currency;
  schedule: string;
  /** human label of the row, in the requested language */
  row: string;
  baseRate: string | null;
  coefficient: string | null;
  /** legal act and part, or the reason the vehicle owes nothing */
  basis: string;
  confidence: Confidence;
  /** completed years at the rule date when the row depends on age, otherwise null */
  ageYears: number | null;
  assumptions: ResultNote[];
  warnings: ResultNote[];
  /** additions beyond the contract's minimum, for explanations and stored results */
  rowId: string;
  status: 'in-force' | 'draft' | 'unconfirmed';
  sources: ResultSource[];
}

export interface ComputeFail {
  id?: string;
  ok: false;
  errors: FieldError[];
}

export type ComputeResult = ComputeOk | ComputeFail;
