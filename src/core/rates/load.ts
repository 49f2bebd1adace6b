/**
 * Rate files (already parsed JSON, with their names) → a validated, precompiled `RateBundle`.
 * No file system here: src/main/rates/load-files.ts reads the folder, tests pass objects.
 *
 * Everything the engine would otherwise redo per vehicle is done once here: dates become day
 * numbers, row conditions become predicates, rows are indexed by category, schedules are grouped
 * by country in the order the engine consults them, series lookups are memoised by day.
 */
import { z } from 'zod';
import { type DayNumber, dayNumber } from '../dates';
import { compileCondition, type CompiledCondition } from '../engine/conditions';
import type { MissingBase, Priced } from '../engine/price';
import { RowIndex } from '../engine/row-index';
import type { Language } from '../api/contract';
import type { ResultNote } from '../vehicle';
import {
  CATEGORIES,
  type Category,
  type Confidence,
  type Country,
  type Jurisdiction,
  jurisdictionSchema,
  PROPULSIONS,
  type Propulsion,
  type Row,
  SCHEDULE_KINDS,
  type Schedule,
  scheduleSchema,
  type Series,
  seriesSchema,
} from './schema';
import { type LoadIssue, type Parsed, type ParsedRates, validateRates } from './validate';

export type { LoadIssue } from './validate';
export { formatLoadIssue } from './validate';

export interface RateFile {
  /** path relative to the rates folder, e.g. "kz/KZ-S2022.json" or "series/KZ-MRP.json" */
  file: string;
  data: unknown;
}

export type Base = NonNullable<Schedule['base']>;

export interface CompiledRow {
  row: Row;
  index: number;
  cond: CompiledCondition;
  dependsOnAge: boolean;
  /** the base a coefficient multiplies (the row's own, else the schedule's); null for amount rows */
  base: Base | null;
  /** label per language, filled on first use by labels.ts */
  labels: Partial<Record<Language, string>>;
  /** rule day → the priced row (engine/price.ts): the same row on the same day prices the same */
  priceCache: Map<DayNumber, Priced | MissingBase>;
  /** legal basis text per language, filled on first use */
  basis: Partial<Record<Language, string>>;
  /** finite band edges of the measured dimensions, for the near-band-edge warning */
  edges: { dim: 'engineCc' | 'powerKw' | 'powerHp' | 'grossMassKg'; edge: number }[];
  /** the row's own warnings (confidence, derivation, sources) per language, filled on first use */
  notes: Partial<Record<Language, readonly ResultNote[]>>;
}

export interface CompiledSchedule {
  schedule: Schedule;
  file: string;
  from: DayNumber;
  to: DayNumber | null;
  /** applied only when the user turns it on (status draft or unconfirmed) */
  optIn: boolean;
  /** position of the kind in SCHEDULE_KINDS: the consultation order */
  kindOrder: number;
  rows: CompiledRow[];
  /** rows that can match a vehicle of each category, in file order */
  rowsByCategory: Map<string, CompiledRow[]>;
  /** the same narrowed by propulsion ("M1|ice", "O4|" for none) and indexed on one band dimension */
  rowsByKind: Map<string, RowIndex>;
  dependsOnAge: boolean;
}

export interface SeriesValue {
  from: DayNumber;
  to: DayNumber | null;
  entry: Series['values'][number];
}

export interface CompiledSeries {
  series: Series;
  file: string;
  values: SeriesValue[];
  byDay: Map<DayNumber, SeriesValue | null>;
}

export interface CompiledNotice {
  notice: Jurisdiction['notices'][number];
  from: DayNumber;
  to: DayNumber | null;
  cond: CompiledCondition;
}

export interface CompiledJurisdiction {
  data: Jurisdiction;
  file: string;
  exemptionCodes: Set<string>;
  machineTypeCodes: Set<string>;
  notices: CompiledNotice[];
  /** first day the 30-minute power may be estimated from peak power; null when never */
  estimateFrom: DayNumber | null;
}

export interface RateBundle {
  jurisdictions: Map<Country, CompiledJurisdiction>;
  schedules: CompiledSchedule[];
  scheduleById: Map<string, CompiledSchedule>;
  /** per country, sorted by kind (consultation order), then by start date */
  schedulesByCountry: Map<Country, CompiledSchedule[]>;
  series: Map<string, CompiledSeries>;
}

export interface LoadResult {
  /** built from every file that parsed; do not compute with it when `errors` is not empty */
  bundle: RateBundle;
  errors: LoadIssue[];
}

type FileKind = 'jurisdiction' | 'schedule' | 'series';

function kindOf(f: RateFile): FileKind {
  const name = f.file.replace(/\\/g, '/');
  if (/(^|\/)jurisdiction\.json$/.test(name)) return 'jurisdiction';
  if (/(^|\/)series\//.test(name)) return 'series';
  const d = f.data as Record<string, unknown> | null;
  if (d && typeof d === 'object' && 'values' in d && !('rows' in d)) return 'series';
  if (d && typeof d === 'object' && 'unknownProductionDay' in d) return 'jurisdiction';
  return 'schedule';
}

function zodIssues(file: string, error: z.ZodError): LoadIssue[] {
  return error.issues.map((i) => ({ file, path: i.path.map(String).join('.'), message: i.message }));
}

export function parseRates(files: RateFile[]): { rates: ParsedRates; errors: LoadIssue[] } {
  const rates: ParsedRates = { jurisdictions: [], schedules: [], series: [] };
  const errors: LoadIssue[] = [];
  for (const f of files) {
    const kind = kindOf(f);
    const schema = kind === 'jurisdiction' ? jurisdictionSchema : kind === 'series' ? seriesSchema : scheduleSchema;
    const r = schema.safeParse(f.data);
    if (!r.success) {
      errors.push(...zodIssues(f.file, r.error));
      continue;
    }
    if (kind === 'jurisdiction') rates.jurisdictions.push({ file: f.file, data: r.data as Jurisdiction });
    else if (kind === 'series') rates.series.push({ file: f.file, data: r.data as Series });
    else rates.schedules.push({ file: f.file, data: r.data as Schedule });
  }
  return { rates, errors };
}

export function loadRates(files: RateFile[]): LoadResult {
  const { rates, errors } = parseRates(files);
  errors.push(...validateRates(rates));
  return { bundle: compileRates(rates), errors };
}

const CONFIDENCE_ORDER: Record<Confidence, number> = { high: 2, medium: 1, low: 0 };
export function lowerConfidence(a: Confidence, b: Confidence): Confidence {
  return CONFIDENCE_ORDER[a] <= CONFIDENCE_ORDER[b] ? a : b;
}

function compileSchedule({ file, data }: Parsed<Schedule>): CompiledSchedule | null {
  const from = dayNumber(data.effectiveFrom);
  const to = data.effectiveTo === null ? null : dayNumber(data.effectiveTo);
  if (from === null || (data.effectiveTo !== null && to === null)) return null;
  const rows: CompiledRow[] = data.rows.map((row, index) => ({
    row,
    index,
    cond: compileCondition(row.when),
    dependsOnAge: row.when.ageYears !== undefined,
    base: row.coefficient !== undefined ? (row.base ?? data.base ?? null) : null,
    labels: {},
    priceCache: new Map(),
    basis: {},
    notes: {},
    edges: (['engineCc', 'powerKw', 'powerHp', 'grossMassKg'] as const).flatMap((dim) => {
      const b = row.when[dim];
      return b ? [b.gt, b.gte, b.lt, b.lte].filter((e): e is number => e !== undefined).map((edge) => ({ dim, edge })) : [];
    }),
  }));
  const rowsByCategory = new Map<string, CompiledRow[]>();
  for (const c of CATEGORIES as readonly Category[]) {
    rowsByCategory.set(c, rows.filter((r) => r.row.when.category === undefined || r.row.when.category.includes(c)));
  }
  const rowsByKind = new Map<string, RowIndex>();
  for (const [c, list] of rowsByCategory) {
    for (const p of ['', ...PROPULSIONS]) {
      const narrowed = list.filter((r) => r.row.when.propulsion === undefined || (p !== '' && r.row.when.propulsion.includes(p as Propulsion)));
      rowsByKind.set(`${c}|${p}`, RowIndex.build(narrowed));
    }
  }
  return {
    schedule: data,
    file,
    from,
    to,
    optIn: data.status !== 'in-force',
    kindOrder: SCHEDULE_KINDS.indexOf(data.kind),
    rows,
    rowsByCategory,
    rowsByKind,
    dependsOnAge: rows.some((r) => r.dependsOnAge),
  };
}

function compileSeries({ file, data }: Parsed<Series>): CompiledSeries {
  const values: SeriesValue[] = [];
  for (const entry of data.values) {
    const from = dayNumber(entry.from);
    const to = entry.to === null ? null : dayNumber(entry.to);
    if (from === null || (entry.to !== null && to === null)) continue;
    values.push({ from, to, entry });
  }
  values.sort((a, b) => a.from - b.from);
  return { series: data, file, values, byDay: new Map() };
}

function compileJurisdiction({ file, data }: Parsed<Jurisdiction>): CompiledJurisdiction {
  const notices: CompiledNotice[] = [];
  for (const notice of data.notices) {
    const from = dayNumber(notice.from);
    const to = notice.to === null ? null : dayNumber(notice.to);
    if (from === null || (notice.to !== null && to === null)) continue;
    notices.push({ notice, from, to, cond: compileCondition(notice.when) });
  }
  const est = data.electricPower?.estimateFromPeak;
  return {
    data,
    file,
    exemptionCodes: new Set(data.exemptions.map((e) => e.code)),
    machineTypeCodes: new Set((data.machineTypes ?? []).map((m) => m.code)),
    notices,
    estimateFrom: est ? dayNumber(est.from) : null,
  };
}

export function compileRates(rates: ParsedRates): RateBundle {
  const jurisdictions = new Map<Country, CompiledJurisdiction>();
  for (const j of rates.jurisdictions) {
    if (!jurisdictions.has(j.data.jurisdiction)) jurisdictions.set(j.data.jurisdiction, compileJurisdiction(j));
  }
  const series = new Map<string, CompiledSeries>();
  for (const s of rates.series) if (!series.has(s.data.id)) series.set(s.data.id, compileSeries(s));
  const schedules: CompiledSchedule[] = [];
  const scheduleById = new Map<string, CompiledSchedule>();
  for (const p of rates.schedules) {
    const c = compileSchedule(p);
    if (!c || scheduleById.has(c.schedule.id)) continue;
    schedules.push(c);
    scheduleById.set(c.schedule.id, c);
  }
  const schedulesByCountry = new Map<Country, CompiledSchedule[]>();
  for (const s of schedules) {
    const list = schedulesByCountry.get(s.schedule.jurisdiction) ?? [];
    list.push(s);
    schedulesByCountry.set(s.schedule.jurisdiction, list);
  }
  for (const list of schedulesByCountry.values()) list.sort((a, b) => a.kindOrder - b.kindOrder || a.from - b.from);
  return { jurisdictions, schedules, scheduleById, schedulesByCountry, series };
}

/** The series value in force on `day` (memoised: a batch asks for few distinct days). */
export function seriesValueOn(s: CompiledSeries, day: DayNumber): SeriesValue | null {
  const hit = s.byDay.get(day);
  if (hit !== undefined) return hit;
  let found: SeriesValue | null = null;
  for (const v of s.values) {
    if (day >= v.from && (v.to === null || day <= v.to)) {
      found = v;
      break;
    }
  }
  if (s.byDay.size > 10_000) s.byDay.clear();
  s.byDay.set(day, found);
  return found;
}
