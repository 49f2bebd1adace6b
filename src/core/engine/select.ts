/**
 * Which schedules apply on a date, and which row of them matches a vehicle.
 *
 * Kinds are consulted in SCHEDULE_KINDS order (exemption, not-subject, preferential, standard);
 * the first kind with a matching row decides. Opt-in schedules (draft, unconfirmed) take part
 * only when the user applied them, and then come before the in-force schedules of their kind.
 */
import type { DayNumber } from '../dates';
import type { CompiledRow, CompiledSchedule, RateBundle } from '../rates/load';
import { SCHEDULE_KINDS, type Country } from '../rates/schema';
import { type Dimension, failedChecks, type MatchVehicle } from './conditions';

export interface ActiveSchedules {
  /** per kind, in consultation order: applied opt-in schedules first, then in-force ones */
  kinds: CompiledSchedule[][];
  /** opt-in schedules covering the date that the user did not apply */
  notApplied: CompiledSchedule[];
}

const COUNTRY_KEY: Record<Country, number> = { KZ: 0, RU: 1, BY: 2 };

/** Active schedules per (country, day) for one set of applied opt-ins: a batch has few dates. */
export class ScheduleIndex {
  private cache = new Map<number, ActiveSchedules>();
  constructor(
    readonly bundle: RateBundle,
    readonly applied: ReadonlySet<string>,
  ) {}

  active(country: Country, day: DayNumber): ActiveSchedules {
    const key = COUNTRY_KEY[country] * 1e8 + day;
    let hit = this.cache.get(key);
    if (!hit) {
      hit = activeSchedules(this.bundle, country, day, this.applied);
      if (this.cache.size > 50_000) this.cache.clear();
      this.cache.set(key, hit);
    }
    return hit;
  }
}

export function activeSchedules(bundle: RateBundle, country: Country, day: DayNumber, applied: ReadonlySet<string>): ActiveSchedules {
  const kinds: CompiledSchedule[][] = SCHEDULE_KINDS.map(() => []);
  const notApplied: CompiledSchedule[] = [];
  for (const s of bundle.schedulesByCountry.get(country) ?? []) {
    if (day < s.from || (s.to !== null && day > s.to)) continue;
    if (s.optIn && !applied.has(s.schedule.id)) notApplied.push(s);
    else if (s.optIn) kinds[s.kindOrder]!.unshift(s);
    else kinds[s.kindOrder]!.push(s);
  }
  // unshift reversed the applied opt-ins: restore their date order, keep them before in-force.
  for (const list of kinds) {
    const optIn = list.filter((s) => s.optIn).sort((a, b) => a.from - b.from);
    const inForce = list.filter((s) => !s.optIn);
    list.splice(0, list.length, ...optIn, ...inForce);
  }
  return { kinds, notApplied };
}

export interface Match {
  schedule: CompiledSchedule;
  row: CompiledRow;
}

/** The vehicle lacks values that decide between rows of the first kind that could apply. */
export interface NeedsFields {
  schedule: CompiledSchedule;
  row: CompiledRow;
  dims: Dimension[];
}

export type Selection = { match: Match } | { needs: NeedsFields } | null;

export function matchIn(schedule: CompiledSchedule, v: MatchVehicle): CompiledRow | null {
  const index = schedule.rowsByKind.get(v.rowKey);
  if (!index) return null;
  const rows = index.candidates(v);
  for (let i = 0; i < rows.length; i++) if (rows[i]!.cond.test(v)) return rows[i]!;
  return null;
}

/**
 * The first kind with a matching row decides. A kind where no row matches but a row could match
 * once missing values are supplied stops the search: falling through to a later kind would
 * silently skip a rate (e.g. a preference) that may well apply.
 */
export function select(kinds: CompiledSchedule[][], v: MatchVehicle, missing: number): Selection {
  for (const list of kinds) {
    for (const schedule of list) {
      const row = matchIn(schedule, v);
      if (row) return { match: { schedule, row } };
    }
    if (missing === 0) continue;
    for (const schedule of list) {
      for (const row of schedule.rowsByCategory.get(v.category) ?? []) {
        if ((row.cond.reads & missing) !== 0 && row.cond.couldMatch(v)) {
          const dims = failedChecks(row.cond, v).map((f) => f.dim);
          return { needs: { schedule, row, dims } };
        }
      }
    }
  }
  return null;
}

/** Kinds with one more (opt-in) schedule applied in front of its kind. */
export function withApplied(kinds: CompiledSchedule[][], extra: CompiledSchedule): CompiledSchedule[][] {
  return kinds.map((list, i) => (i === extra.kindOrder ? [extra, ...list] : list));
}
