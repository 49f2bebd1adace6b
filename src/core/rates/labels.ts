/**
 * Human labels for rows, generated from their conditions in the requested language
 * ("M1, 1001–2000 cm³", "M1, 1001–2000 см³"). A label describes what the data says; it is never
 * typed by hand, so it cannot drift from the conditions the engine actually tests.
 */
import type { Language } from '../api/contract';
import { engineMessages, type EngineMessages, formatNumber } from '../i18n/engine-messages';
import { kwToHp } from '../units';
import type { Band, Condition, Jurisdiction } from './schema';

type Unit = 'cc' | 'kW' | 'hp' | 'kg';

function quantity(n: number, unit: Unit, m: EngineMessages, lang: Language): string {
  const base = `${formatNumber(n, lang)} ${m.units[unit]}`;
  if (unit !== 'kW') return base;
  return `${base} (${formatNumber(Math.round(kwToHp(n) * 100) / 100, lang)} ${m.units.hp})`;
}

/** Engine displacement is a whole number of cm³: "over 1000, up to 2000" is "1001–2000"; one-sided bands keep their words. */
function wholeBand(b: Band, unit: Unit, m: EngineMessages, lang: Language): string | null {
  const ints = [b.gt, b.gte, b.lt, b.lte].every((x) => x === undefined || Number.isInteger(x));
  if (!ints) return null;
  const lo = b.gt !== undefined ? b.gt + 1 : b.gte;
  const hi = b.lt !== undefined ? b.lt - 1 : b.lte;
  if (lo === undefined || hi === undefined) return null;
  return `${formatNumber(lo, lang)}–${formatNumber(hi, lang)} ${m.units[unit]}`;
}

export function bandLabel(b: Band, unit: Unit, lang: Language): string {
  const m = engineMessages(lang);
  if (unit === 'cc') {
    const whole = wholeBand(b, unit, m, lang);
    if (whole) return whole;
  }
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(m.over(quantity(b.gt, unit, m, lang)));
  if (b.gte !== undefined) parts.push(m.atLeast(quantity(b.gte, unit, m, lang)));
  if (b.lte !== undefined) parts.push(m.upTo(quantity(b.lte, unit, m, lang)));
  if (b.lt !== undefined) parts.push(m.under(quantity(b.lt, unit, m, lang)));
  return parts.join(', ');
}

export function ageLabel(b: Band, lang: Language): string {
  const m = engineMessages(lang);
  const parts: string[] = [];
  if (b.gt !== undefined) parts.push(m.ageOver(b.gt));
  if (b.gte !== undefined) parts.push(m.ageAtLeast(b.gte));
  if (b.lte !== undefined) parts.push(m.ageAtMost(b.lte));
  if (b.lt !== undefined) parts.push(m.ageUnder(b.lt));
  return parts.join(', ');
}

function flag(value: boolean | undefined, label: string, m: EngineMessages): string | null {
  if (value === undefined) return null;
  return value ? label : m.notLabel(label);
}

function titles(codes: string[], list: { code: string; title: Record<Language, string> }[] | undefined, lang: Language): string {
  return codes.map((c) => list?.find((x) => x.code === c)?.title[lang] ?? c).join(', ');
}

/** The label of a row (or notice) condition in one language. */
export function conditionLabel(when: Condition, lang: Language, jurisdiction?: Jurisdiction): string {
  const m = engineMessages(lang);
  const parts: (string | null)[] = [
    when.category ? when.category.join('/') : null,
    flag(when.offRoad, m.offRoadLabel, m),
    flag(when.tractorUnit, m.tractorUnitLabel, m),
    when.propulsion ? when.propulsion.map((p) => m.propulsion[p]).join('/') : null,
    when.engineCc ? bandLabel(when.engineCc, 'cc', lang) : null,
    when.powerKw ? bandLabel(when.powerKw, 'kW', lang) : null,
    when.powerHp ? bandLabel(when.powerHp, 'hp', lang) : null,
    when.grossMassKg ? bandLabel(when.grossMassKg, 'kg', lang) : null,
    when.ageYears ? ageLabel(when.ageYears, lang) : null,
    when.importer ? when.importer.map((i) => m.importer[i]).join('/') : null,
    flag(when.personalUse, m.personalUseLabel, m),
    flag(when.internationalHaulage, m.internationalHaulageLabel, m),
    when.dispatchCountry ? m.fromCountries(when.dispatchCountry.join(', ')) : null,
    when.originCountry ? m.madeIn(when.originCountry.join(', ')) : null,
    when.exemption ? titles(when.exemption, jurisdiction?.exemptions, lang) : null,
    when.machineType ? titles(when.machineType, jurisdiction?.machineTypes, lang) : null,
  ];
  const text = parts.filter((p): p is string => p !== null && p !== '').join(', ');
  return text || m.anyVehicle;
}
