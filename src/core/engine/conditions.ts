/**
 * Row conditions compiled to predicates once, at load time, and the interval logic the
 * validator uses to prove that two rows can (or cannot) match the same vehicle.
 *
 * The hot path tests a `MatchVehicle`: a flat object of fixed shape whose missing numbers are
 * NaN (every comparison with NaN is false, so a missing value never matches a band).
 */
import type { Band, Condition } from '../rates/schema';
import { hpToKw } from '../units';

export interface MatchVehicle {
  category: string;
  offRoad: boolean;
  tractorUnit: boolean;
  internationalHaulage: boolean;
  /** '' when not given */
  propulsion: string;
  engineCc: number;
  /** the power the jurisdiction's rule measures, kW (NaN when unknown) */
  powerKw: number;
  powerHp: number;
  grossMassKg: number;
  /** see dates.ts ageForBands: n on an anniversary, n + 0.5 between anniversaries; NaN unknown */
  ageYears: number;
  importer: string;
  personalUse: boolean;
  dispatchCountry: string;
  originCountry: string;
  exemption: string;
  machineType: string;
  /** "category|propulsion": the key of the schedules' row indexes, built once per vehicle */
  rowKey: string;
}

export type Dimension = keyof Condition;

export interface Check {
  dim: Dimension;
  pass: (v: MatchVehicle) => boolean;
  /** the vehicle lacks the value this check needs (a field the user could supply) */
  missing: (v: MatchVehicle) => boolean;
}

/** Bits of the values a vehicle may lack (MISSING[dim]); a condition's mask says which it reads. */
export const MISSING = { propulsion: 1, engineCc: 2, powerKw: 4, powerHp: 8, grossMassKg: 16, ageYears: 32, machineType: 64 } as const;

export function missingMask(v: MatchVehicle): number {
  return (
    (v.propulsion === '' ? MISSING.propulsion : 0) |
    (Number.isNaN(v.engineCc) ? MISSING.engineCc : 0) |
    (Number.isNaN(v.powerKw) ? MISSING.powerKw : 0) |
    (Number.isNaN(v.powerHp) ? MISSING.powerHp : 0) |
    (Number.isNaN(v.grossMassKg) ? MISSING.grossMassKg : 0) |
    (Number.isNaN(v.ageYears) ? MISSING.ageYears : 0) |
    (v.machineType === '' ? MISSING.machineType : 0)
  );
}

export interface CompiledCondition {
  checks: Check[];
  /** MISSING bits of the values this condition reads: when a vehicle lacks none, couldMatch = test */
  reads: number;
  /** every condition holds */
  test: (v: MatchVehicle) => boolean;
  /** every condition holds or lacks its value: supplying the missing fields could make it match */
  couldMatch: (v: MatchVehicle) => boolean;
}

export interface Interval {
  lo: number;
  loIncl: boolean;
  hi: number;
  hiIncl: boolean;
}

export function bandToInterval(b: Band): Interval {
  return {
    lo: b.gt ?? b.gte ?? -Infinity,
    loIncl: b.gt === undefined,
    hi: b.lt ?? b.lte ?? Infinity,
    hiIncl: b.lt === undefined,
  };
}

export function inInterval(x: number, i: Interval): boolean {
  return (i.loIncl ? x >= i.lo : x > i.lo) && (i.hiIncl ? x <= i.hi : x < i.hi);
}

export function intervalsIntersect(a: Interval, b: Interval): boolean {
  const iv = intersectIntervals(a, b);
  return iv.lo < iv.hi || (iv.lo === iv.hi && iv.loIncl && iv.hiIncl);
}

function intersectIntervals(a: Interval, b: Interval): Interval {
  let lo: number, loIncl: boolean, hi: number, hiIncl: boolean;
  if (a.lo > b.lo) [lo, loIncl] = [a.lo, a.loIncl];
  else if (b.lo > a.lo) [lo, loIncl] = [b.lo, b.loIncl];
  else [lo, loIncl] = [a.lo, a.loIncl && b.loIncl];
  if (a.hi < b.hi) [hi, hiIncl] = [a.hi, a.hiIncl];
  else if (b.hi < a.hi) [hi, hiIncl] = [b.hi, b.hiIncl];
  else [hi, hiIncl] = [a.hi, a.hiIncl && b.hiIncl];
  return { lo, loIncl, hi, hiIncl };
}

type NumericKey = 'engineCc' | 'powerKw' | 'powerHp' | 'grossMassKg' | 'ageYears';
type SetKey = 'category' | 'propulsion' | 'importer' | 'dispatchCountry' | 'originCountry' | 'exemption' | 'machineType';
type BoolKey = 'offRoad' | 'tractorUnit' | 'internationalHaulage' | 'personalUse';

const SET_KEYS: readonly SetKey[] = ['category', 'propulsion', 'importer', 'dispatchCountry', 'originCountry', 'exemption', 'machineType'];
const BOOL_KEYS: readonly BoolKey[] = ['offRoad', 'tractorUnit', 'internationalHaulage', 'personalUse'];
const NUMERIC_KEYS: readonly NumericKey[] = ['engineCc', 'powerKw', 'powerHp', 'grossMassKg', 'ageYears'];
/** Set dimensions whose absence is a field the user can still supply (not a claim left out). */
const SUPPLIABLE_SETS: ReadonlySet<SetKey> = new Set(['propulsion', 'machineType']);

function bandCheck(dim: NumericKey, band: Band): Check {
  const { lo, loIncl, hi, hiIncl } = bandToInterval(band);
  const pass =
    loIncl && hiIncl
      ? (v: MatchVehicle) => v[dim] >= lo && v[dim] <= hi
      : loIncl
        ? (v: MatchVehicle) => v[dim] >= lo && v[dim] < hi
        : hiIncl
          ? (v: MatchVehicle) => v[dim] > lo && v[dim] <= hi
          : (v: MatchVehicle) => v[dim] > lo && v[dim] < hi;
  return { dim, pass, missing: (v) => Number.isNaN(v[dim]) };
}

function setCheck(dim: SetKey, values: readonly string[]): Check {
  const suppliable = SUPPLIABLE_SETS.has(dim);
  const missing = suppliable ? (v: MatchVehicle) => v[dim] === '' : () => false;
  if (values.length === 1) {
    const only = values[0];
    return { dim, pass: (v) => v[dim] === only, missing };
  }
  const set = new Set(values);
  return { dim, pass: (v) => set.has(v[dim]), missing };
}

function boolCheck(dim: BoolKey, value: boolean): Check {
  return { dim, pass: (v) => v[dim] === value, missing: () => false };
}

export function compileCondition(when: Condition): CompiledCondition {
  const checks: Check[] = [];
  for (const k of SET_KEYS) {
    const values = when[k];
    // category is indexed before predicates run (see load.ts), but is kept for explanations.
    if (values !== undefined) checks.push(setCheck(k, values));
  }
  for (const k of BOOL_KEYS) {
    const value = when[k];
    if (value !== undefined) checks.push(boolCheck(k, value));
  }
  for (const k of NUMERIC_KEYS) {
    const band = when[k];
    if (band !== undefined) checks.push(bandCheck(k, band));
  }
  const n = checks.length;
  const test = (v: MatchVehicle): boolean => {
    for (let i = 0; i < n; i++) if (!checks[i]!.pass(v)) return false;
    return true;
  };
  const couldMatch = (v: MatchVehicle): boolean => {
    for (let i = 0; i < n; i++) {
      const c = checks[i]!;
      if (!c.pass(v) && !c.missing(v)) return false;
    }
    return true;
  };
  let reads = 0;
  for (const c of checks) reads |= (MISSING as Record<string, number>)[c.dim] ?? 0;
  return { checks, reads, test, couldMatch };
}

/** The conditions that fail for this vehicle, each marked when only a missing value is at fault. */
export function failedChecks(cond: CompiledCondition, v: MatchVehicle): { dim: Dimension; missing: boolean }[] {
  const out: { dim: Dimension; missing: boolean }[] = [];
  for (const c of cond.checks) if (!c.pass(v)) out.push({ dim: c.dim, missing: c.missing(v) });
  return out;
}

/**
 * The power bands of a condition as one kW interval: acts state bands in kW or in hp, and a row
 * in hp and a row in kW describe the same vehicles when their edges convert onto each other.
 */
function powerInterval(c: Condition): Interval | null {
  let iv: Interval | null = c.powerKw ? bandToInterval(c.powerKw) : null;
  if (c.powerHp) {
    const h = bandToInterval(c.powerHp);
    const inKw: Interval = {
      lo: Number.isFinite(h.lo) ? hpToKw(h.lo) : h.lo,
      loIncl: h.loIncl,
      hi: Number.isFinite(h.hi) ? hpToKw(h.hi) : h.hi,
      hiIncl: h.hiIncl,
    };
    iv = iv ? intersectIntervals(iv, inKw) : inKw;
  }
  return iv;
}

/** Can one vehicle satisfy both conditions? (absent key = any value; every dimension must meet) */
export function conditionsIntersect(a: Condition, b: Condition): boolean {
  for (const k of SET_KEYS) {
    const x = a[k];
    const y = b[k];
    if (x && y && !x.some((v) => (y as readonly string[]).includes(v))) return false;
  }
  for (const k of BOOL_KEYS) {
    const x = a[k];
    const y = b[k];
    if (x !== undefined && y !== undefined && x !== y) return false;
  }
  for (const k of ['engineCc', 'grossMassKg', 'ageYears'] as const) {
    const x = a[k];
    const y = b[k];
    if (x && y && !intervalsIntersect(bandToInterval(x), bandToInterval(y))) return false;
  }
  const pa = powerInterval(a);
  const pb = powerInterval(b);
  if (pa && pb && !intervalsIntersect(pa, pb)) return false;
  return true;
}
