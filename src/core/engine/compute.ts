/**
 * compute(vehicles, bundle, options) → one ComputeResult per input, in input order
 * (docs/vehicle-record.md). It never throws: a bad row is an `ok: false` result naming its
 * fields, an unexpected failure is an `internal` error on that row, and the batch goes on.
 */
import type { Language } from '../api/contract';
import { formatIsoDate } from '../dates';
import { engineMessages, type EngineMessages, formatNumber } from '../i18n/engine-messages';
import { sameAmount } from '../money';
import { conditionLabel } from '../rates/labels';
import type { CompiledJurisdiction, CompiledRow, CompiledSchedule, RateBundle } from '../rates/load';
import { SCHEDULE_KINDS } from '../rates/schema';
import type { ComputeFail, ComputeOk, ComputeResult, FieldError, ResultNote, ResultSource } from '../vehicle';
import { type Dimension, failedChecks, type MatchVehicle } from './conditions';
import { describeFailure, describeVehicle } from './describe';
import { type MissingBase, type Priced, priceRow } from './price';
import { type ActiveSchedules, matchIn, ScheduleIndex, select, withApplied } from './select';
import { type CheckedVehicle, checkVehicle } from './validate-input';

export interface ComputeOptions {
  /** language of messages and row labels; English when absent */
  language?: Language;
  /** ids of schedules not in force (draft, unconfirmed) that the user turned on */
  applyUnconfirmed?: readonly string[];
}

const PREFERENTIAL = SCHEDULE_KINDS.indexOf('preferential');
const STANDARD = SCHEDULE_KINDS.indexOf('standard');
const EXEMPTION = SCHEDULE_KINDS.indexOf('exemption');

/** The field a user supplies for a condition's dimension. */
function fieldFor(dim: Dimension, v: CheckedVehicle): string {
  if (dim === 'ageYears') return 'productionDate';
  if (dim === 'powerKw' || dim === 'powerHp') {
    const ep = v.jurisdiction?.data.electricPower;
    const electric = v.match.propulsion === 'electric' || v.match.propulsion === 'series-hybrid';
    return electric && ep?.measure === 'thirty-minute' ? 'electricPower30minKw' : 'powerKw';
  }
  return dim;
}

interface Context {
  bundle: RateBundle;
  lang: Language;
  m: EngineMessages;
  index: ScheduleIndex;
}

export function compute(vehicles: readonly unknown[], bundle: RateBundle, options: ComputeOptions = {}): ComputeResult[] {
  const ctx = makeContext(bundle, options);
  const out: ComputeResult[] = new Array(vehicles.length);
  for (let i = 0; i < vehicles.length; i++) out[i] = computeWith(ctx, vehicles[i]);
  return out;
}

export function computeOne(vehicle: unknown, bundle: RateBundle, options: ComputeOptions = {}): ComputeResult {
  return computeWith(makeContext(bundle, options), vehicle);
}

function makeContext(bundle: RateBundle, options: ComputeOptions): Context {
  const lang = options.language ?? 'en';
  return { bundle, lang, m: engineMessages(lang), index: new ScheduleIndex(bundle, new Set(options.applyUnconfirmed ?? [])) };
}

function echoId(raw: unknown): string | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const id = (raw as { id?: unknown }).id;
  if (typeof id === 'string') return id;
  // A number or boolean from a spreadsheet cell is echoed as text; an object cannot be echoed
  // safely (it may not even convert to a string), so it is dropped rather than thrown on.
  if ((typeof id === 'number' && Number.isFinite(id)) || typeof id === 'boolean') return String(id);
  return undefined;
}

function fail(id: string | undefined, errors: FieldError[]): ComputeFail {
  return id === undefined ? { ok: false, errors } : { id, ok: false, errors };
}

function computeWith(ctx: Context, raw: unknown): ComputeResult {
  try {
    return computeChecked(ctx, raw);
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    return fail(echoId(raw), [{ field: 'record', code: 'internal', message: ctx.m.internal(detail) }]);
  }
}

/** The same conversion recurs across a batch: its sentence is built once per value and language. */
const POWER_MESSAGES = new Map<string, Map<number, string>>();

function powerConvertedMessage(ctx: Context, v: CheckedVehicle): string {
  const fromHp = v.powerConverted === 'kw-from-hp';
  const cacheKey = `${ctx.lang}|${fromHp ? 'hp' : 'kw'}`;
  let cache = POWER_MESSAGES.get(cacheKey);
  if (!cache) POWER_MESSAGES.set(cacheKey, (cache = new Map()));
  const given = fromHp ? v.match.powerHp : v.match.powerKw;
  let message = cache.get(given);
  if (message === undefined) {
    const kw = `${formatNumber(v.match.powerKw, ctx.lang)} ${ctx.m.units.kW}`;
    const hp = `${formatNumber(v.match.powerHp, ctx.lang)} ${ctx.m.units.hp}`;
    message = fromHp ? ctx.m.powerConverted(hp, kw) : ctx.m.powerConverted(kw, hp);
    if (cache.size > 10_000) cache.clear();
    cache.set(given, message);
  }
  return message;
}

function noRate(ctx: Context, v: CheckedVehicle): ComputeFail {
  return fail(v.id, [{ field: 'category', code: 'no-rate', message: ctx.m.noRate(describeVehicle(v.match, ctx.lang), v.country, v.date) }]);
}

function computeChecked(ctx: Context, raw: unknown): ComputeResult {
  const checked = checkVehicle(raw, ctx.bundle, ctx.lang);
  const v = checked.vehicle;
  if (!v) return fail(echoId(raw), checked.errors);
  if (!v.jurisdiction) return noRate(ctx, v);

  const active = ctx.index.active(v.country, v.day);
  const selection = select(active.kinds, v.match, v.missing);
  if (!selection) return noRate(ctx, v);
  if ('needs' in selection) {
    const fields = [...new Set(selection.needs.dims.map((d) => fieldFor(d, v)))];
    return fail(
      v.id,
      fields.map((field) => ({ field, code: 'required', message: ctx.m.requiredForRate(field, selection.needs.schedule.schedule.id) })),
    );
  }
  const { schedule, row } = selection.match;
  const priced = priceRow(ctx.bundle, schedule, row, v.day);
  if ('missingSeries' in priced) return noRate(ctx, v);

  const assumptions: ResultNote[] = [];
  const warnings: ResultNote[] = checked.warnings; // owned by this row: extend it in place
  const when = row.row.when;
  const agePlays = schedule.dependsOnAge || row.dependsOnAge;
  const powerPlays = when.powerKw !== undefined || when.powerHp !== undefined;
  // The figures' confidence (row and base); an assumption is stated beside it, not folded in.
  const confidence = priced.confidence;

  if (agePlays && v.production?.assumed) {
    const rule = v.jurisdiction.data.unknownProductionDay;
    assumptions.push({
      code: 'production-day-assumed',
      message: ctx.m.productionDayAssumed(v.production.text, formatIsoDate(v.production.date), rule.basis),
    });
  }
  if (powerPlays && v.estimated) {
    const est = v.jurisdiction.data.electricPower!.estimateFromPeak!;
    assumptions.push({
      code: 'thirty-minute-power-estimated',
      message: ctx.m.thirtyMinuteEstimated(formatNumber(v.estimated.peakKw, ctx.lang), formatNumber(Number(v.estimated.factor), ctx.lang), formatNumber(v.estimated.estimateKw, ctx.lang), est.basis),
    });
  }
  if (v.powerConverted && ((v.powerConverted === 'kw-from-hp' && when.powerKw) || (v.powerConverted === 'hp-from-kw' && when.powerHp))) {
    assumptions.push({ code: 'power-converted', message: powerConvertedMessage(ctx, v) });
  }
  if (schedule.optIn) {
    assumptions.push({ code: 'unconfirmed-schedule-applied', message: ctx.m.unconfirmedApplied(schedule.schedule.id, ctx.m.status[schedule.schedule.status]) });
  }

  rowWarnings(ctx, schedule, row, v.match, warnings);
  if (v.match.exemption && schedule.kindOrder !== EXEMPTION) {
    warnings.push({ code: 'exemption-not-applicable', message: ctx.m.exemptionNotApplicable(v.match.exemption) });
  }
  if (v.match.importer === 'individual' && v.match.personalUse && schedule.kindOrder === STANDARD) {
    warnings.push(personalUseWarning(ctx, active, v));
  }
  noticeWarnings(ctx, v.jurisdiction, v, warnings);
  optInWarnings(ctx, active, v, priced, warnings);

  const result: ComputeOk = {
    // undefined when the row had no id: JSON leaves it out, and no copy is needed to drop it
    id: v.id,
    ok: true,
    fee: priced.fee,
    currency: schedule.schedule.currency,
    schedule: schedule.schedule.id,
    row: rowLabel(ctx, schedule, row),
    baseRate: priced.baseRate,
    coefficient: priced.coefficient,
    basis: basisOf(ctx, schedule, row, priced),
    confidence,
    ageYears: agePlays ? v.completedYears : null,
    assumptions,
    warnings,
    rowId: row.row.id,
    status: schedule.schedule.status,
    // frozen and shared between results of the same row and day (see price.ts)
    sources: priced.sources as ResultSource[],
  };
  return result;
}

export function rowLabel(ctx: { lang: Language; bundle: RateBundle }, schedule: CompiledSchedule, row: CompiledRow): string {
  let label = row.labels[ctx.lang];
  if (label === undefined) {
    label = conditionLabel(row.row.when, ctx.lang, ctx.bundle.jurisdictions.get(schedule.schedule.jurisdiction)?.data);
    row.labels[ctx.lang] = label;
  }
  return label;
}

/** The legal act and part the row comes from; for a zero fee, the reason nothing is owed. */
export function basisOf(ctx: { lang: Language }, schedule: CompiledSchedule, row: CompiledRow, priced: Priced): string {
  if (priced.zero && row.row.reason) return row.row.reason[ctx.lang];
  let text = row.basis[ctx.lang];
  if (text === undefined) {
    text = actText(schedule.schedule.legalAct);
    const ref = row.row.ref;
    if (ref && !text.includes(ref)) text = `${text}, ${ref}`;
    row.basis[ctx.lang] = text;
  }
  return text;
}

/** "Title, № N, DD.MM.YYYY, part": parts the title already carries are not repeated. */
export function actText(act: { title: string; number?: string | undefined; date?: string | undefined; part?: string | undefined }): string {
  const parts = [act.title];
  if (act.number && !act.title.includes(act.number)) parts.push(`№ ${act.number}`);
  if (act.date) {
    const [y, mo, d] = act.date.split('-');
    const local = `${d}.${mo}.${y}`;
    if (!act.title.includes(local) && !act.title.includes(act.date)) parts.push(local);
  }
  if (act.part) parts.push(act.part);
  return parts.join(', ');
}

/** Notes that depend on the row alone, built once per row and language and shared (frozen). */
function staticRowNotes(ctx: Context, schedule: CompiledSchedule, row: CompiledRow): readonly ResultNote[] {
  const cached = row.notes[ctx.lang];
  if (cached) return cached;
  const r = row.row;
  const notes: ResultNote[] = [];
  if (r.confidence === 'low') notes.push({ code: 'low-confidence', message: ctx.m.lowConfidence(r.id) });
  if (r.derived) notes.push({ code: 'derived-rate', message: ctx.m.derivedRate(r.id) });
  if (!r.source.some((k) => schedule.schedule.sources[k]?.kind === 'official')) {
    notes.push({ code: 'secondary-source', message: ctx.m.secondarySource(r.id) });
  }
  notes.forEach((n) => Object.freeze(n));
  row.notes[ctx.lang] = Object.freeze(notes);
  return notes;
}

function rowWarnings(ctx: Context, schedule: CompiledSchedule, row: CompiledRow, v: MatchVehicle, warnings: ResultNote[]): void {
  for (const n of staticRowNotes(ctx, schedule, row)) warnings.push(n);
  let warned = '';
  for (const { dim, edge } of row.edges) {
    const x = v[dim];
    if (dim === warned || Math.abs(x - edge) > Math.abs(edge) * 0.01) continue;
    const unit = dim === 'engineCc' ? ctx.m.units.cc : dim === 'grossMassKg' ? ctx.m.units.kg : dim === 'powerKw' ? ctx.m.units.kW : ctx.m.units.hp;
    warnings.push({
      code: 'near-band-edge',
      message: ctx.m.nearBandEdge(ctx.m.dims[dim], `${formatNumber(x, ctx.lang)} ${unit}`, `${formatNumber(edge, ctx.lang)} ${unit}`),
    });
    warned = dim; // one note per dimension
  }
}

/**
 * Personal use was claimed but a standard row decided: name the conditions of the closest
 * preferential rows (those failing on the fewest conditions) that the vehicle does not meet.
 */
function personalUseWarning(ctx: Context, active: ActiveSchedules, v: CheckedVehicle): ResultNote {
  const candidates: { row: CompiledRow; failed: ReturnType<typeof failedChecks> }[] = [];
  for (const s of active.kinds[PREFERENTIAL] ?? []) {
    for (const row of s.rows) candidates.push({ row, failed: failedChecks(row.cond, v.match) });
  }
  if (candidates.length === 0) {
    return { code: 'personal-use-not-applicable', message: ctx.m.personalUseNoPreference(v.country, v.date) };
  }
  const fewest = Math.min(...candidates.map((c) => c.failed.length));
  const reasons: string[] = [];
  for (const c of candidates) {
    if (c.failed.length !== fewest) continue;
    for (const f of c.failed) {
      const reason = describeFailure(f.dim, c.row.row.when, v.match, v.completedYears, ctx.lang);
      if (!reasons.includes(reason)) reasons.push(reason);
    }
  }
  return { code: 'personal-use-not-applicable', message: ctx.m.personalUseNotApplicable(ctx.m.list(reasons)) };
}

function noticeWarnings(ctx: Context, j: CompiledJurisdiction, v: CheckedVehicle, warnings: ResultNote[]): void {
  for (const n of j.notices) {
    if (v.day < n.from || (n.to !== null && v.day > n.to)) continue;
    if (n.cond.test(v.match)) warnings.push({ code: n.notice.code, message: n.notice.message[ctx.lang] });
  }
}

/** An opt-in schedule the user left off that would match and give another fee: say so. */
function optInWarnings(ctx: Context, active: ActiveSchedules, v: CheckedVehicle, priced: Priced, warnings: ResultNote[]): void {
  for (const s of active.notApplied) {
    if (!matchIn(s, v.match)) continue;
    const alt = select(withApplied(active.kinds, s), v.match, v.missing);
    if (!alt || !('match' in alt)) continue;
    const altPriced: Priced | MissingBase = priceRow(ctx.bundle, alt.match.schedule, alt.match.row, v.day);
    if ('missingSeries' in altPriced || sameAmount(altPriced.fee, priced.fee)) continue;
    warnings.push({
      code: 'unconfirmed-schedule-available',
      message: ctx.m.unconfirmedAvailable(s.schedule.id, ctx.m.status[s.schedule.status], altPriced.fee, s.schedule.currency),
    });
  }
}
