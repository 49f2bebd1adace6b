/**
 * The frozen content of an issued fee statement. A statement is printed only from its snapshot,
 * never from the case, the profile or the rate data as they are today, so a reprint years later
 * reads exactly as the copy the client took away; the snapshot's hash (src/main/statements/hash.ts)
 * is what a printed copy is verified against.
 *
 * Everything a printed statement shows is here, already decided: dates as ISO strings, amounts as
 * decimal strings, schedule titles and sources in the statement's language. Formatting (grouping,
 * date order, words) is a pure function of these values, so it cannot drift with "now".
 * `format` versions the shape; a future shape gets a new number and the renderer keeps reading
 * the old one.
 */
import type { Language } from '../api/contract';
import type { Confidence, Country, Currency, ScheduleStatus } from '../rates/schema';
import type { ComputeOk, ResultSource } from '../vehicle';

export const STATEMENT_FORMAT = 1;

export interface StatementBroker {
  name: string;
  licenseNumber: string;
  address: string;
  phone: string;
  footerText: string;
}

export interface StatementClient {
  kind: 'individual' | 'company';
  name: string;
  /** ИИН/БИН, ИНН or УНП as stored */
  taxId: string;
  country: Country;
  address: string;
}

/** One vehicle: what was entered (as the engine received it) and what the engine answered. */
export interface StatementVehicle {
  /** 1-based line number on the statement */
  line: number;
  vin: string;
  make: string;
  model: string;
  category: string;
  propulsion: string;
  /** engine volume, power and mass as entered, each only when given */
  engineCc: string | null;
  powerKw: string | null;
  powerHp: string | null;
  grossMassKg: string | null;
  productionDate: string | null;
  /** completed years at the rule date, null when the production date is unknown */
  ageYears: number | null;
  /** the exact input the engine computed from (case defaults applied) */
  input: Record<string, unknown>;
  result: ComputeOk;
}

/** A schedule (legal act) the statement's fees come from, as the rate data described it on issue. */
export interface StatementSchedule {
  id: string;
  title: string;
  act: string;
  link: string | null;
  status: ScheduleStatus;
  effectiveFrom: string;
  effectiveTo: string | null;
  lastChecked: string;
  /** the lowest confidence among the vehicles' results that used this schedule */
  confidence: Confidence;
  /** true when no source behind the rows used is an official publication */
  secondarySource: boolean;
  sources: ResultSource[];
}

export interface StatementTotal {
  currency: Currency;
  amount: string;
  vehicles: number;
}

export interface StatementSnapshot {
  format: typeof STATEMENT_FORMAT;
  number: string;
  /** YYYY-MM-DD, the broker's local date at issue */
  issueDate: string;
  language: Language;
  appVersion: string;
  /** the statement this one corrects, when it is a reissue */
  replaces: { number: string; issueDate: string } | null;
  broker: StatementBroker;
  client: StatementClient;
  caseNumber: string;
  caseReference: string;
  country: Country;
  ruleDate: string;
  /** schedules not in force that the broker had chosen to apply */
  applyUnconfirmed: string[];
  vehicles: StatementVehicle[];
  totals: StatementTotal[];
  schedules: StatementSchedule[];
}
