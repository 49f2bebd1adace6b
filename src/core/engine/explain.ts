/**
 * explain(result, input, bundle, language): the computation in sentences a broker can put in
 * front of a client: the schedule and its act, the row, base × coefficient = fee, every
 * assumption and warning, the confidence and the sources.
 */
import type { Language } from '../api/contract';
import { dayNumber } from '../dates';
import { engineMessages } from '../i18n/engine-messages';
import type { RateBundle } from '../rates/load';
import type { ComputeResult } from '../vehicle';
import { actText, basisOf, computeOne } from './compute';
import { priceRow } from './price';

const sentence = (text: string) => text.replace(/[.\s]+$/, '');

export function explain(given: ComputeResult, input: unknown, bundle: RateBundle, language: Language): string[] {
  const m = engineMessages(language);
  const result = inLanguage(given, input, bundle, language);
  if (!result.ok) {
    return [m.explainFailed(result.id ?? ''), ...result.errors.map((e) => m.explainError(e.field, e.message))];
  }
  const lines: string[] = [];
  const rec = (input !== null && typeof input === 'object' ? input : {}) as Record<string, unknown>;
  const schedule = bundle.scheduleById.get(result.schedule);
  const row = schedule?.rows.find((r) => r.row.id === result.rowId);
  if (schedule) {
    lines.push(m.explainSchedule(schedule.schedule.id, schedule.schedule.title[language], m.status[schedule.schedule.status], actText(schedule.schedule.legalAct)));
  }
  lines.push(m.explainRow(result.row, row?.row.ref ?? null));
  const day = dayNumber(rec.date);
  const priced = schedule && row && day !== null ? priceRow(bundle, schedule, row, day) : null;
  if (result.baseRate !== null) {
    const from = priced && 'baseFrom' in priced ? priced.baseFrom : null;
    const how = from ? m.seriesBase(from.multiplier, from.series, from.value, from.from) : '';
    lines.push(m.explainBase(result.baseRate, result.currency, how));
  }
  if (result.coefficient !== null && result.baseRate !== null) {
    lines.push(m.explainFormula(result.baseRate, result.coefficient, result.fee, result.currency));
  } else {
    lines.push(m.explainAmount(result.fee, result.currency));
  }
  if (result.fee === '0.00' || Number(result.fee) === 0) {
    const reason = schedule && row && priced && !('missingSeries' in priced) ? basisOf({ lang: language }, schedule, row, priced) : result.basis;
    lines.push(m.explainZero(sentence(reason)));
  }
  if (result.ageYears !== null && typeof rec.productionDate === 'string' && typeof rec.date === 'string') {
    lines.push(m.explainAge(result.ageYears, rec.productionDate, rec.date));
  }
  for (const a of result.assumptions) lines.push(m.explainAssumption(sentence(a.message)));
  for (const w of result.warnings) lines.push(m.explainWarning(sentence(w.message)));
  lines.push(m.explainConfidence(m.confidence[result.confidence]));
  if (result.sources.length) {
    lines.push(m.explainSources(result.sources.map((s) => (s.url ? `${s.title} (${s.url})` : s.title)).join('; ')));
  }
  return lines;
}

/**
 * The result's notes were written in the language of the computation; recompute in the
 * explanation's language (with the same opt-in schedule applied) and use that when it agrees.
 */
function inLanguage(result: ComputeResult, input: unknown, bundle: RateBundle, language: Language): ComputeResult {
  const applied = result.ok && result.status !== 'in-force' ? [result.schedule] : [];
  const again = computeOne(input, bundle, { language, applyUnconfirmed: applied });
  if (result.ok !== again.ok) return result;
  if (result.ok && again.ok && (again.fee !== result.fee || again.schedule !== result.schedule || again.rowId !== result.rowId)) return result;
  return again;
}
