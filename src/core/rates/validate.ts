/**
 * Cross-file and cross-row checks on rate data that already passed the zod schemas: the rules
 * that make "at most one row matches a vehicle" and "a rate is never guessed" true of the data.
 * Every issue names the file and a JSON path inside it.
 */
import { bandToInterval, conditionsIntersect } from '../engine/conditions';
import { dayNumber, rangesOverlap } from '../dates';
import type { Band, Condition, Jurisdiction, NumericDimension, Row, Schedule, Series } from './schema';

export interface LoadIssue {
  file: string;
  /** dotted JSON path inside the file ("rows.3.when.engineCc"); "" for the whole file */
  path: string;
  message: string;
}

export function formatLoadIssue(i: LoadIssue): string {
  return i.path ? `${i.file}: ${i.path}: ${i.message}` : `${i.file}: ${i.message}`;
}

export interface Parsed<T> {
  file: string;
  data: T;
}

export interface ParsedRates {
  jurisdictions: Parsed<Jurisdiction>[];
  schedules: Parsed<Schedule>[];
  series: Parsed<Series>[];
}

const isOptIn = (s: Schedule) => s.status !== 'in-force';

export function validateRates(rates: ParsedRates): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const seriesById = new Map<string, Parsed<Series>>();
  for (const s of rates.series) {
    if (seriesById.has(s.data.id)) {
      issues.push({ file: s.file, path: 'id', message: `series id ${s.data.id} is also defined in ${seriesById.get(s.data.id)!.file}` });
    } else seriesById.set(s.data.id, s);
    issues.push(...checkSeries(s));
  }
  const jurisdictions = new Map<string, Parsed<Jurisdiction>>();
  for (const j of rates.jurisdictions) {
    if (jurisdictions.has(j.data.jurisdiction)) {
      issues.push({ file: j.file, path: 'jurisdiction', message: `${j.data.jurisdiction} is also described by ${jurisdictions.get(j.data.jurisdiction)!.file}` });
    } else jurisdictions.set(j.data.jurisdiction, j);
    issues.push(...checkJurisdiction(j));
  }
  const scheduleIds = new Map<string, string>();
  for (const s of rates.schedules) {
    const prior = scheduleIds.get(s.data.id);
    if (prior) issues.push({ file: s.file, path: 'id', message: `schedule id ${s.data.id} is also used by ${prior}` });
    else scheduleIds.set(s.data.id, s.file);
    const j = jurisdictions.get(s.data.jurisdiction);
    if (!j) issues.push({ file: s.file, path: 'jurisdiction', message: `no jurisdiction.json loaded for ${s.data.jurisdiction}` });
    else if (j.data.currency !== s.data.currency) {
      issues.push({ file: s.file, path: 'currency', message: `${s.data.currency} differs from ${s.data.jurisdiction}'s currency ${j.data.currency}` });
    }
    issues.push(...checkSchedule(s, seriesById));
  }
  issues.push(...checkSchedulePairs(rates.schedules));
  return issues;
}

function checkSeries({ file, data }: Parsed<Series>): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const values = data.values.map((v, i) => ({ v, i, from: dayNumber(v.from), to: v.to === null ? null : dayNumber(v.to) }));
  for (const { v, i, from, to } of values) {
    if (from === null) issues.push({ file, path: `values.${i}.from`, message: `${v.from} is not a calendar date` });
    if (v.to !== null && to === null) issues.push({ file, path: `values.${i}.to`, message: `${v.to} is not a calendar date` });
    if (from !== null && to !== null && to < from) issues.push({ file, path: `values.${i}.to`, message: `ends (${v.to}) before it starts (${v.from})` });
    issues.push(...unknownKeys(file, `values.${i}.source`, v.source, data.sources));
  }
  for (let a = 0; a < values.length; a++) {
    for (let b = a + 1; b < values.length; b++) {
      const x = values[a]!;
      const y = values[b]!;
      if (x.from === null || y.from === null) continue;
      if (rangesOverlap(x.from, x.to, y.from, y.to)) {
        issues.push({
          file,
          path: `values.${y.i}`,
          message: `values ${x.i} (${x.v.from}…${x.v.to ?? 'open'}) and ${y.i} (${y.v.from}…${y.v.to ?? 'open'}) overlap in time`,
        });
      }
    }
  }
  return issues;
}

function checkJurisdiction({ file, data }: Parsed<Jurisdiction>): LoadIssue[] {
  const issues: LoadIssue[] = [];
  const u = data.unknownProductionDay;
  const [mm, dd] = u.yearOnly.split('-').map(Number);
  if (!mm || !dd || dayNumber(`2024-${u.yearOnly}`) === null) {
    issues.push({ file, path: 'unknownProductionDay.yearOnly', message: `${u.yearOnly} is not a month and day` });
  }
  issues.push(...unknownKeys(file, 'unknownProductionDay.source', u.source, data.sources));
  const est = data.electricPower?.estimateFromPeak;
  if (est) issues.push(...unknownKeys(file, 'electricPower.estimateFromPeak.source', est.source, data.sources));
  duplicates(data.exemptions.map((e) => e.code)).forEach((c) => issues.push({ file, path: 'exemptions', message: `exemption code ${c} appears twice` }));
  duplicates((data.machineTypes ?? []).map((e) => e.code)).forEach((c) => issues.push({ file, path: 'machineTypes', message: `machine type ${c} appears twice` }));
  data.notices.forEach((n, i) => {
    issues.push(...unknownKeys(file, `notices.${i}.source`, n.source, data.sources));
    issues.push(...checkDates(file, `notices.${i}`, n.from, n.to, ['from', 'to']));
    issues.push(...checkAgeBands(file, `notices.${i}.when`, n.when));
  });
  return issues;
}

function checkSchedule({ file, data }: Parsed<Schedule>, series: Map<string, Parsed<Series>>): LoadIssue[] {
  const issues: LoadIssue[] = [];
  issues.push(...checkDates(file, '', data.effectiveFrom, data.effectiveTo));
  if (data.base) issues.push(...checkBase(file, 'base', data.base, data, series));
  duplicates(data.rows.map((r) => r.id)).forEach((id) => issues.push({ file, path: 'rows', message: `row id ${id} appears twice` }));
  data.rows.forEach((row, i) => {
    const at = `rows.${i}`;
    issues.push(...unknownKeys(file, `${at}.source`, row.source, data.sources));
    if (row.base) issues.push(...checkBase(file, `${at}.base`, row.base, data, series));
    if (row.coefficient !== undefined && !row.base && !data.base) {
      issues.push({ file, path: `${at}.coefficient`, message: `row ${row.id} has a coefficient but neither the row nor the schedule gives a base` });
    }
    issues.push(...checkAgeBands(file, `${at}.when`, row.when));
  });
  for (let a = 0; a < data.rows.length; a++) {
    for (let b = a + 1; b < data.rows.length; b++) {
      const x = data.rows[a]!;
      const y = data.rows[b]!;
      if (conditionsIntersect(x.when, y.when)) {
        issues.push({ file, path: `rows.${b}`, message: `rows ${x.id} and ${y.id} can both match one vehicle (their conditions overlap)` });
      }
    }
  }
  for (const dim of data.contiguous ?? []) issues.push(...checkContiguous(file, data.rows, dim));
  return issues;
}

function checkBase(
  file: string,
  path: string,
  base: NonNullable<Schedule['base']>,
  schedule: Schedule,
  series: Map<string, Parsed<Series>>,
): LoadIssue[] {
  if ('amount' in base) return unknownKeys(file, `${path}.source`, base.source, schedule.sources);
  const s = series.get(base.series);
  if (!s) return [{ file, path: `${path}.series`, message: `series ${base.series} does not exist` }];
  if (s.data.jurisdiction !== schedule.jurisdiction) {
    return [{ file, path: `${path}.series`, message: `series ${base.series} belongs to ${s.data.jurisdiction}, not ${schedule.jurisdiction}` }];
  }
  return [];
}

function checkDates(file: string, path: string, from: string, to: string | null, keys = ['effectiveFrom', 'effectiveTo']): LoadIssue[] {
  const p = (k: string) => (path ? `${path}.${k}` : k);
  const [fromKey, toKey] = keys as [string, string];
  const f = dayNumber(from);
  const t = to === null ? null : dayNumber(to);
  const issues: LoadIssue[] = [];
  if (f === null) issues.push({ file, path: p(fromKey), message: `${from} is not a calendar date` });
  if (to !== null && t === null) issues.push({ file, path: p(toKey), message: `${to} is not a calendar date` });
  if (f !== null && t !== null && t < f) issues.push({ file, path: p(toKey), message: `ends (${to}) before it starts (${from})` });
  return issues;
}

function checkAgeBands(file: string, path: string, when: Condition): LoadIssue[] {
  const b = when.ageYears;
  if (!b) return [];
  const bad = [b.gt, b.gte, b.lt, b.lte].filter((x) => x !== undefined && !Number.isInteger(x));
  return bad.length ? [{ file, path: `${path}.ageYears`, message: `age bounds must be whole years, got ${bad.join(', ')}` }] : [];
}

function unknownKeys(file: string, path: string, keys: readonly string[], sources: Record<string, unknown>): LoadIssue[] {
  return keys
    .map((k, i) => ({ k, i }))
    .filter(({ k }) => !Object.prototype.hasOwnProperty.call(sources, k))
    .map(({ k, i }) => ({ file, path: `${path}.${i}`, message: `unknown source key "${k}" (not in this file's sources)` }));
}

function duplicates(values: string[]): string[] {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const v of values) (seen.has(v) ? dup : seen).add(v);
  return [...dup];
}

/** A stable text of a condition without one dimension: rows equal on it form one band series. */
function groupKey(when: Condition, without: NumericDimension): string {
  const rest = Object.entries(when)
    .filter(([k]) => k !== without)
    .map(([k, v]) => [k, Array.isArray(v) ? [...v].sort() : v] as const)
    .sort(([a], [b]) => a.localeCompare(b));
  return JSON.stringify(rest);
}

function describeBand(b: Band): string {
  const lo = b.gt !== undefined ? `> ${b.gt}` : b.gte !== undefined ? `≥ ${b.gte}` : '';
  const hi = b.lt !== undefined ? `< ${b.lt}` : b.lte !== undefined ? `≤ ${b.lte}` : '';
  return [lo, hi].filter(Boolean).join(' and ');
}

function checkContiguous(file: string, rows: Row[], dim: NumericDimension): LoadIssue[] {
  const groups = new Map<string, { row: Row; i: number; band: Band }[]>();
  rows.forEach((row, i) => {
    const band = row.when[dim];
    if (!band) return;
    const key = groupKey(row.when, dim);
    const list = groups.get(key) ?? [];
    list.push({ row, i, band });
    groups.set(key, list);
  });
  const issues: LoadIssue[] = [];
  for (const list of groups.values()) {
    list.sort((a, b) => {
      const x = bandToInterval(a.band);
      const y = bandToInterval(b.band);
      return x.lo - y.lo || Number(y.loIncl) - Number(x.loIncl);
    });
    for (let k = 1; k < list.length; k++) {
      const prev = list[k - 1]!;
      const next = list[k]!;
      const touches =
        (prev.band.lte !== undefined && next.band.gt !== undefined && prev.band.lte === next.band.gt) ||
        (prev.band.lt !== undefined && next.band.gte !== undefined && prev.band.lt === next.band.gte);
      if (!touches) {
        issues.push({
          file,
          path: `rows.${next.i}.when.${dim}`,
          message: `gap between rows ${prev.row.id} (${dim} ${describeBand(prev.band)}) and ${next.row.id} (${dim} ${describeBand(next.band)}): the bands must meet exactly (lte X then gt X, or lt X then gte X)`,
        });
      }
    }
  }
  return issues;
}

/**
 * Two schedules of one country and kind that are both in force (or both opt-in) on a common day
 * must not both have a row for the same vehicle: the engine would have two answers.
 */
function checkSchedulePairs(schedules: Parsed<Schedule>[]): LoadIssue[] {
  const issues: LoadIssue[] = [];
  for (let a = 0; a < schedules.length; a++) {
    for (let b = a + 1; b < schedules.length; b++) {
      const x = schedules[a]!;
      const y = schedules[b]!;
      if (x.data.jurisdiction !== y.data.jurisdiction || x.data.kind !== y.data.kind) continue;
      if (isOptIn(x.data) !== isOptIn(y.data)) continue;
      const xf = dayNumber(x.data.effectiveFrom);
      const yf = dayNumber(y.data.effectiveFrom);
      if (xf === null || yf === null) continue;
      const xt = x.data.effectiveTo === null ? null : dayNumber(x.data.effectiveTo);
      const yt = y.data.effectiveTo === null ? null : dayNumber(y.data.effectiveTo);
      if (!rangesOverlap(xf, xt, yf, yt)) continue;
      const pair = findIntersectingRows(x.data.rows, y.data.rows);
      if (pair) {
        const which = isOptIn(x.data) ? 'opt-in' : 'in-force';
        issues.push({
          file: y.file,
          path: `rows.${pair[1]}`,
          message: `${which} ${y.data.kind} schedules ${x.data.id} (${x.file}) and ${y.data.id} overlap in dates and both have a row for one vehicle: ${x.data.rows[pair[0]]!.id} and ${y.data.rows[pair[1]]!.id}`,
        });
      }
    }
  }
  return issues;
}

function findIntersectingRows(a: Row[], b: Row[]): [number, number] | null {
  for (let i = 0; i < a.length; i++) {
    for (let j = 0; j < b.length; j++) if (conditionsIntersect(a[i]!.when, b[j]!.when)) return [i, j];
  }
  return null;
}
