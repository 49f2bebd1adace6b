/**
 * Fees for the app: the engine over the installed rate data, with the broker's saved choice of
 * schedules not in force and the interface language as defaults. The engine itself validates
 * every vehicle field by field, so a batch with bad rows still computes the good ones.
 */
import type { Language, RateGap, ScheduleSummary, Settings } from '../../core/api/contract';
import { dayNumber } from '../../core/dates';
import { actText } from '../../core/engine/compute';
import { compare, compute, computeOne, explain, standardScenarios, type ComputeOptions } from '../../core/engine/index';
import { lowerConfidence, type RateBundle } from '../../core/rates/load';
import type { Confidence, Country } from '../../core/rates/schema';
import type { ComputeResult } from '../../core/vehicle';
import { AppError } from '../api/errors';

export interface FeeDefaults {
  language(): Language;
  settings(): Settings;
}

interface FeeOptionArgs {
  language?: Language | undefined;
  applyUnconfirmed?: readonly string[] | undefined;
}

export class FeeService {
  constructor(
    private readonly bundle: RateBundle,
    private readonly defaults: FeeDefaults,
  ) {}

  /** The engine's options for a call: the caller's, else the interface language and the broker's saved opt-ins. */
  computeOptions(args: FeeOptionArgs = {}): ComputeOptions {
    return {
      language: args.language ?? this.defaults.language(),
      applyUnconfirmed: args.applyUnconfirmed ?? this.defaults.settings().applyUnconfirmed,
    };
  }

  compute(vehicles: readonly unknown[], args: FeeOptionArgs): ComputeResult[] {
    return compute(vehicles, this.bundle, this.computeOptions(args));
  }

  explain(vehicle: unknown, args: FeeOptionArgs): { result: ComputeResult; sentences: string[] } {
    const options = this.computeOptions(args);
    const result = computeOne(vehicle, this.bundle, options);
    return { result, sentences: explain(result, vehicle, this.bundle, options.language ?? 'ru') };
  }

  compare(vehicle: unknown, language: Language | undefined): { label: string; result: ComputeResult }[] {
    const record = vehicle !== null && typeof vehicle === 'object' && !Array.isArray(vehicle) ? (vehicle as Record<string, unknown>) : {};
    const options = this.computeOptions({ language });
    const scenarios = standardScenarios(record, this.bundle, options.language);
    return compare(record, scenarios, this.bundle, options).map(({ label, result }) => ({ label, result }));
  }

  /** Ids a broker may turn on: installed schedules whose status is not in force. */
  optInIds(): Set<string> {
    return new Set(this.bundle.schedules.filter((s) => s.optIn).map((s) => s.schedule.id));
  }

  assertOptIn(ids: readonly string[]): void {
    const allowed = this.optInIds();
    const bad = ids.filter((id) => !allowed.has(id));
    if (bad.length > 0) {
      throw new AppError('invalid-argument', `Not a schedule awaiting opt-in: ${bad.join(', ')}`, bad.map((id) => ({ field: 'applyUnconfirmed', code: 'unknown-schedule', message: id })));
    }
  }

  codes(args: { country: Country; language?: Language | undefined }): {
    exemptions: { code: string; title: string; basis: string }[];
    machineTypes: { code: string; title: string }[];
  } {
    const lang = args.language ?? this.defaults.language();
    const j = this.bundle.jurisdictions.get(args.country);
    return {
      exemptions: (j?.data.exemptions ?? []).map((e) => ({ code: e.code, title: e.title[lang], basis: e.basis })),
      machineTypes: (j?.data.machineTypes ?? []).map((m) => ({ code: m.code, title: m.title[lang] })),
    };
  }

  gaps(args: { country?: Country | undefined; language?: Language | undefined }): RateGap[] {
    const lang = args.language ?? this.defaults.language();
    const out: RateGap[] = [];
    for (const [country, j] of this.bundle.jurisdictions) {
      if (args.country && country !== args.country) continue;
      for (const gap of j.data.gaps) out.push({ country, what: gap.what[lang], from: gap.from, to: gap.to, note: gap.note });
    }
    return out;
  }

  list(args: { country?: Country | undefined; date?: string | undefined; language?: Language | undefined }): ScheduleSummary[] {
    const lang = args.language ?? this.defaults.language();
    const day = args.date === undefined ? null : dayNumber(args.date);
    if (args.date !== undefined && day === null) throw new AppError('invalid-argument', `Not a date: ${args.date}`, [{ field: 'date', code: 'invalid', message: args.date }]);
    return this.bundle.schedules
      .filter((s) => (!args.country || s.schedule.jurisdiction === args.country) && (day === null || (day >= s.from && (s.to === null || day <= s.to))))
      .sort((a, b) => a.schedule.jurisdiction.localeCompare(b.schedule.jurisdiction) || a.kindOrder - b.kindOrder || a.schedule.effectiveFrom.localeCompare(b.schedule.effectiveFrom) || a.schedule.id.localeCompare(b.schedule.id))
      .map(({ schedule: s }) => ({
        id: s.id,
        country: s.jurisdiction,
        kind: s.kind,
        title: s.title[lang],
        effectiveFrom: s.effectiveFrom,
        effectiveTo: s.effectiveTo,
        status: s.status,
        act: actText(s.legalAct),
        ...(s.legalAct.link ? { link: s.legalAct.link } : {}),
        lastChecked: s.lastChecked,
        confidence: s.rows.reduce<Confidence>((c, r) => lowerConfidence(c, r.confidence), 'high'),
        rowCount: s.rows.length,
        ...(s.datesNote ? { datesNote: s.datesNote } : {}),
      }));
  }
}
