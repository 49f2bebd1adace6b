/**
 * compare(vehicle, scenarios, bundle): the same vehicle under several scenarios (personal use
 * vs company, KZ vs RU vs BY on one date, with and without each opt-in schedule), each result
 * labelled. `standardScenarios` builds that usual set from the data installed.
 */
import type { Language } from '../api/contract';
import { dayNumber } from '../dates';
import { engineMessages } from '../i18n/engine-messages';
import type { RateBundle } from '../rates/load';
import { COUNTRIES } from '../rates/schema';
import type { ComputeResult } from '../vehicle';
import { computeOne, type ComputeOptions } from './compute';

export interface Scenario {
  label: string;
  /** fields that replace the vehicle's own for this scenario */
  patch?: Record<string, unknown>;
  /** options for this scenario (merged over the call's options) */
  options?: ComputeOptions;
}

export interface ScenarioResult {
  label: string;
  input: Record<string, unknown>;
  options: ComputeOptions;
  result: ComputeResult;
}

export function compare(vehicle: Record<string, unknown>, scenarios: readonly Scenario[], bundle: RateBundle, options: ComputeOptions = {}): ScenarioResult[] {
  return scenarios.map((s) => {
    const input = { ...vehicle, ...(s.patch ?? {}) };
    const opts: ComputeOptions = { ...options, ...(s.options ?? {}) };
    return { label: s.label, input, options: opts, result: computeOne(input, bundle, opts) };
  });
}

export function standardScenarios(vehicle: Record<string, unknown>, bundle: RateBundle, language: Language = 'en'): Scenario[] {
  const m = engineMessages(language);
  const list: Scenario[] = [{ label: m.scenarioAsGiven }];
  list.push({ label: m.scenarioPersonal, patch: { importer: 'individual', personalUse: true } });
  list.push({ label: m.scenarioCompany, patch: { importer: 'company', personalUse: false } });
  for (const c of COUNTRIES) {
    if (c !== vehicle.country && bundle.jurisdictions.has(c)) list.push({ label: m.scenarioCountry(c), patch: { country: c } });
  }
  const day = dayNumber(vehicle.date);
  const country = COUNTRIES.find((c) => c === vehicle.country);
  if (day !== null && country) {
    for (const s of bundle.schedulesByCountry.get(country) ?? []) {
      if (!s.optIn || day < s.from || (s.to !== null && day > s.to)) continue;
      list.push({ label: m.scenarioWith(s.schedule.id, m.status[s.schedule.status]), options: { applyUnconfirmed: [s.schedule.id] } });
    }
  }
  return list;
}
