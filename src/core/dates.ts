/**
 * The one place for calendar dates and ages. Dates are plain ISO strings on the wire; inside, a
 * date is a `DayNumber` (y·10000 + m·100 + d), which orders like the calendar and compares as a
 * number, so schedule and series lookups on the hot path never parse or allocate.
 *
 * Ages follow the legal reading "N years have passed since the date of manufacture": the N-th
 * anniversary is the same month and day N years later, and a 29 February anniversary in a common
 * year falls on 28 February (the civil-code rule for periods in years: when the month has no such
 * day, the period ends on its last day). No 365-day years anywhere.
 */

/** y·10000 + m·100 + d, e.g. 20260301. Orders exactly like the calendar. */
export type DayNumber = number;

export interface YMD {
  y: number;
  m: number;
  d: number;
}

const PARTIAL_DATE = /^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/;

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

export function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function validYmd(y: number, m: number, d: number): boolean {
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function digit(text: string, i: number): number {
  const c = text.charCodeAt(i) - 48;
  return c >= 0 && c <= 9 ? c : -1;
}

/**
 * A real calendar date in YYYY-MM-DD form, or null (rejects 2026-02-30, 2026-13-01, 2026-1-1).
 * Hand-parsed: it runs for every row of a batch.
 */
export function parseIsoDate(text: unknown): YMD | null {
  if (typeof text !== 'string' || text.length !== 10 || text[4] !== '-' || text[7] !== '-') return null;
  const d0 = digit(text, 0), d1 = digit(text, 1), d2 = digit(text, 2), d3 = digit(text, 3);
  const m0 = digit(text, 5), m1 = digit(text, 6), a0 = digit(text, 8), a1 = digit(text, 9);
  if ((d0 | d1 | d2 | d3 | m0 | m1 | a0 | a1) < 0) return null;
  const y = d0 * 1000 + d1 * 100 + d2 * 10 + d3;
  const m = m0 * 10 + m1;
  const d = a0 * 10 + a1;
  return validYmd(y, m, d) ? { y, m, d } : null;
}

export function isIsoDate(text: unknown): text is string {
  return parseIsoDate(text) !== null;
}

export function toDayNumber(date: YMD): DayNumber {
  return date.y * 10000 + date.m * 100 + date.d;
}

export function fromDayNumber(day: DayNumber): YMD {
  return { y: Math.floor(day / 10000), m: Math.floor(day / 100) % 100, d: day % 100 };
}

/** The DayNumber of a valid ISO date, or null. */
export function dayNumber(text: unknown): DayNumber | null {
  const p = parseIsoDate(text);
  return p ? toDayNumber(p) : null;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function formatIsoDate(date: YMD | DayNumber): string {
  const p = typeof date === 'number' ? fromDayNumber(date) : date;
  return `${String(p.y).padStart(4, '0')}-${pad2(p.m)}-${pad2(p.d)}`;
}

/**
 * The same month and day `years` later; 29 February in a common year becomes 28 February
 * (the period ends on the last day of the month that lacks the day).
 */
export function addYears(date: YMD, years: number): YMD {
  const y = date.y + years;
  return { y, m: date.m, d: Math.min(date.d, daysInMonth(y, date.m)) };
}

/** The same day `months` later, clamped to the last day of a shorter month. */
export function addMonths(date: YMD, months: number): YMD {
  const total = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(total / 12);
  const m = (total % 12) + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

/**
 * Whole completed years from `from` to `to` (0 when `to` is before the first anniversary).
 * Negative when `to` precedes `from`.
 */
export function completedYears(from: YMD, to: YMD): number {
  return ageForBands(from, to).completed;
}

/**
 * An age as a number that compares exactly against whole-year band bounds: `n` on an anniversary
 * (exactly n years have passed), `n + 0.5` between the n-th and the next anniversary. So
 * `{ lte: 3 }` holds up to and including the third birthday and `{ gt: 3 }` from the day after,
 * with plain numeric comparisons. Validation only admits whole-year bounds for ages.
 * (Arithmetic on numbers only: it runs for every vehicle of a batch.)
 */
export function ageForBands(production: YMD, ruleDate: YMD): { completed: number; bandValue: number } {
  const rule = toDayNumber(ruleDate);
  let n = ruleDate.y - production.y;
  let anniversary = anniversaryDay(production, n);
  if (anniversary > rule) {
    n -= 1;
    anniversary = anniversaryDay(production, n);
  }
  return { completed: n, bandValue: anniversary === rule ? n : n + 0.5 };
}

/** The DayNumber of the n-th anniversary (29 February → 28 February in a common year). */
function anniversaryDay(date: YMD, n: number): DayNumber {
  const y = date.y + n;
  return y * 10000 + date.m * 100 + Math.min(date.d, daysInMonth(y, date.m));
}

/** Does "age ≤ years" hold on `ruleDate`? (true on the anniversary itself) */
export function ageAtMost(production: YMD, ruleDate: YMD, years: number): boolean {
  return toDayNumber(ruleDate) <= toDayNumber(addYears(production, years));
}

/** How a jurisdiction fills the unknown day of a partial production date (jurisdiction.json). */
export interface UnknownDayRule {
  /** "MM-DD" used when only the year is known (RU: "07-01") */
  yearOnly: string;
  monthOnly: 'first' | 'fifteenth' | 'last';
}

export interface ProductionDate {
  date: YMD;
  /** true when the day (or month and day) came from the jurisdiction's rule, not the input */
  assumed: boolean;
  precision: 'year' | 'month' | 'day';
}

/**
 * `YYYY-MM-DD`, `YYYY-MM` or `YYYY`; a partial date is completed with the jurisdiction's rule.
 * Null when the text is not a real (partial) date or the rule's "MM-DD" is not a real day.
 */
export function resolveProductionDate(text: unknown, rule: UnknownDayRule): ProductionDate | null {
  if (typeof text !== 'string') return null;
  if (text.length === 10) {
    const full = parseIsoDate(text);
    return full ? { date: full, assumed: false, precision: 'day' } : null;
  }
  const m = PARTIAL_DATE.exec(text);
  if (!m) return null;
  const y = Number(m[1]);
  if (m[3] !== undefined) {
    const full = parseIsoDate(text);
    return full ? { date: full, assumed: false, precision: 'day' } : null;
  }
  if (m[2] !== undefined) {
    const mo = Number(m[2]);
    if (mo < 1 || mo > 12 || y < 1) return null;
    const d = rule.monthOnly === 'first' ? 1 : rule.monthOnly === 'fifteenth' ? 15 : daysInMonth(y, mo);
    return { date: { y, m: mo, d }, assumed: true, precision: 'month' };
  }
  const md = /^(\d{2})-(\d{2})$/.exec(rule.yearOnly);
  if (!md) return null;
  const mo = Number(md[1]);
  // "02-29" in a common year means its last day, as for anniversaries.
  const d = Math.min(Number(md[2]), mo >= 1 && mo <= 12 ? daysInMonth(y, mo) : 0);
  if (!validYmd(y, mo, d)) return null;
  return { date: { y, m: mo, d }, assumed: true, precision: 'year' };
}

/** Is `day` within [from, to]? `to` is inclusive; null means open-ended. */
export function inRange(day: DayNumber, from: DayNumber, to: DayNumber | null): boolean {
  return day >= from && (to === null || day <= to);
}

/** Do the inclusive ranges [aFrom, aTo] and [bFrom, bTo] share at least one day? */
export function rangesOverlap(
  aFrom: DayNumber,
  aTo: DayNumber | null,
  bFrom: DayNumber,
  bTo: DayNumber | null,
): boolean {
  return (aTo === null || bFrom <= aTo) && (bTo === null || aFrom <= bTo);
}
