/**
 * The fee of a matched row on a rule day: base (a fixed amount, or a series value on that day ×
 * multiplier) × coefficient, or the row's fixed amount; rounded once, in money.ts. Priced rows
 * are memoised per (row, day): a batch prices each distinct row and date once.
 */
import type { DayNumber } from '../dates';
import { formatDecimal, formatMoney, multiply, roundFee, decimal } from '../money';
import { type CompiledRow, type CompiledSchedule, lowerConfidence, type RateBundle, seriesValueOn } from '../rates/load';
import type { Confidence } from '../rates/schema';
import type { ResultSource } from '../vehicle';

export interface Priced {
  fee: string;
  zero: boolean;
  baseRate: string | null;
  coefficient: string | null;
  confidence: Confidence;
  sources: readonly ResultSource[];
  /** how the base was found, for explanations: the series and its value */
  baseFrom: { series: string; multiplier: string; value: string; from: string } | null;
}

/** The row needs a series value the data does not have on that day. */
export interface MissingBase {
  missingSeries: string;
}

function addSources(out: ResultSource[], keys: readonly string[], table: Record<string, { title: string; url?: string | undefined; kind: string }>): void {
  for (const key of keys) {
    const s = table[key];
    if (!s || out.some((o) => o.key === key && o.title === s.title)) continue;
    out.push(s.url ? { key, title: s.title, url: s.url, kind: s.kind } : { key, title: s.title, kind: s.kind });
  }
}

export function priceRow(bundle: RateBundle, schedule: CompiledSchedule, row: CompiledRow, day: DayNumber): Priced | MissingBase {
  const dependsOnDay = row.base !== null && 'series' in row.base;
  const key = dependsOnDay ? day : 0;
  const hit = row.priceCache.get(key);
  if (hit) return hit;
  const priced = computePrice(bundle, schedule, row, day);
  // Shared by every result priced from this row and day: frozen so no caller can alter another's.
  if ('sources' in priced) {
    priced.sources.forEach((s) => Object.freeze(s));
    Object.freeze(priced.sources);
  }
  if (row.priceCache.size > 10_000) row.priceCache.clear();
  row.priceCache.set(key, priced);
  return priced;
}

function computePrice(bundle: RateBundle, cs: CompiledSchedule, cr: CompiledRow, day: DayNumber): Priced | MissingBase {
  const s = cs.schedule;
  const r = cr.row;
  const sources: ResultSource[] = [];
  addSources(sources, r.source, s.sources);
  let confidence: Confidence = r.confidence;
  if (r.amount !== undefined) {
    const fee = roundFee(r.amount, s.currency);
    return { fee: formatMoney(fee), zero: fee.amount.isZero(), baseRate: null, coefficient: null, confidence, sources, baseFrom: null };
  }
  const base = cr.base!;
  let baseRate: string;
  let baseFrom: Priced['baseFrom'] = null;
  if ('amount' in base) {
    baseRate = formatDecimal(decimal(base.amount));
    confidence = lowerConfidence(confidence, base.confidence);
    addSources(sources, base.source, s.sources);
  } else {
    const series = bundle.series.get(base.series);
    const value = series ? seriesValueOn(series, day) : null;
    if (!series || !value) return { missingSeries: base.series };
    baseRate = formatDecimal(multiply(value.entry.value, base.multiplier));
    confidence = lowerConfidence(confidence, value.entry.confidence);
    addSources(sources, value.entry.source, series.series.sources);
    baseFrom = { series: base.series, multiplier: base.multiplier, value: value.entry.value, from: value.entry.from };
  }
  const coefficient = r.coefficient!;
  const fee = roundFee(multiply(baseRate, coefficient), s.currency);
  return { fee: formatMoney(fee), zero: fee.amount.isZero(), baseRate, coefficient, confidence, sources, baseFrom };
}
