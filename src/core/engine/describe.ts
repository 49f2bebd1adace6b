/**
 * Sentences about a vehicle against a row: why a condition fails ("power 132.39 kW (180 hp)
 * exceeds 117.68 kW (160 hp)"), and a short description of the vehicle for "no rate" messages.
 */
import type { Language } from '../api/contract';
import { engineMessages, type EngineMessages, formatNumber } from '../i18n/engine-messages';
import { ageLabel } from '../rates/labels';
import type { Band, Condition } from '../rates/schema';
import { kwToHp } from '../units';
import { bandToInterval, type Dimension, type MatchVehicle } from './conditions';

type Numeric = 'engineCc' | 'powerKw' | 'powerHp' | 'grossMassKg';
const UNIT: Record<Numeric, 'cc' | 'kW' | 'hp' | 'kg'> = { engineCc: 'cc', powerKw: 'kW', powerHp: 'hp', grossMassKg: 'kg' };

const round2 = (n: number) => Math.round(n * 100) / 100;

function quantity(dim: Numeric, n: number, m: EngineMessages, lang: Language): string {
  const text = `${formatNumber(round2(n), lang)} ${m.units[UNIT[dim]]}`;
  return dim === 'powerKw' ? `${text} (${formatNumber(round2(kwToHp(n)), lang)} ${m.units.hp})` : text;
}

function valueLabel(dim: Dimension, v: MatchVehicle, m: EngineMessages): string {
  const value = v[dim as keyof MatchVehicle];
  if (dim === 'propulsion') return m.propulsion[value as 'ice'] ?? String(value);
  if (dim === 'importer') return m.importer[value as 'company'] ?? String(value);
  return String(value);
}

function allowedLabel(dim: Dimension, values: readonly string[], m: EngineMessages): string {
  if (dim === 'propulsion') return values.map((p) => m.propulsion[p as 'ice'] ?? p).join('/');
  if (dim === 'importer') return values.map((p) => m.importer[p as 'company'] ?? p).join('/');
  return values.join('/');
}

/** Why one condition of `when` fails for the vehicle, in the user's language. */
export function describeFailure(dim: Dimension, when: Condition, v: MatchVehicle, completedYears: number | null, lang: Language): string {
  const m = engineMessages(lang);
  const what = m.dims[dim];
  if (dim === 'ageYears') {
    if (completedYears === null || Number.isNaN(v.ageYears)) return m.unknownValue(what);
    const exact = v.ageYears === completedYears;
    return m.notIn(what, `${m.years(completedYears)}${exact ? '' : '+'}`, ageLabel(when.ageYears!, lang));
  }
  if (dim === 'engineCc' || dim === 'powerKw' || dim === 'powerHp' || dim === 'grossMassKg') {
    const x = v[dim];
    if (Number.isNaN(x)) return m.unknownValue(what);
    const band = when[dim] as Band;
    const iv = bandToInterval(band);
    const tooHigh = iv.hiIncl ? x > iv.hi : x >= iv.hi;
    if (tooHigh) {
      return iv.hiIncl ? m.exceeds(what, quantity(dim, x, m, lang), quantity(dim, iv.hi, m, lang)) : m.reachesLimit(what, quantity(dim, x, m, lang), quantity(dim, iv.hi, m, lang));
    }
    return m.below(what, quantity(dim, x, m, lang), quantity(dim, iv.lo, m, lang));
  }
  const required = when[dim];
  if (typeof required === 'boolean') return m.mustBe(what, required ? m.yes : m.no);
  const value = v[dim as keyof MatchVehicle];
  if (value === '') return m.unknownValue(what);
  return m.notIn(what, valueLabel(dim, v, m), allowedLabel(dim, (required as readonly string[] | undefined) ?? [], m));
}

/** "N3 (combustion engine, gross mass 18000 kg)": what the engine knew when no rate was found. */
export function describeVehicle(v: MatchVehicle, lang: Language): string {
  const m = engineMessages(lang);
  const parts: string[] = [];
  if (v.propulsion) parts.push(m.propulsion[v.propulsion as 'ice']);
  if (!Number.isNaN(v.engineCc)) parts.push(`${m.dims.engineCc} ${quantity('engineCc', v.engineCc, m, lang)}`);
  if (!Number.isNaN(v.powerKw)) parts.push(`${m.dims.powerKw} ${quantity('powerKw', v.powerKw, m, lang)}`);
  if (!Number.isNaN(v.grossMassKg)) parts.push(`${m.dims.grossMassKg} ${quantity('grossMassKg', v.grossMassKg, m, lang)}`);
  if (v.machineType) parts.push(`${m.dims.machineType} ${v.machineType}`);
  if (v.tractorUnit) parts.push(m.tractorUnitLabel);
  return parts.length ? `${v.category} (${parts.join(', ')})` : v.category;
}
