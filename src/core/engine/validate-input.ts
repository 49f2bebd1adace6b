/**
 * Hand-written validation of one vehicle record (docs/vehicle-record.md) into the flat
 * `MatchVehicle` the predicates test. No zod here: this runs for every row of a 100,000-row
 * batch, and a message is only built when something is wrong.
 */
import type { Language } from '../api/contract';
import { EXTRA_FIELDS } from '../import/types';
import { ageForBands, type DayNumber, formatIsoDate, parseIsoDate, resolveProductionDate, toDayNumber, type YMD } from '../dates';
import { engineMessages, type EngineMessages, formatNumber } from '../i18n/engine-messages';
import type { CompiledJurisdiction, RateBundle } from '../rates/load';
import { CATEGORIES, COUNTRIES, IMPORTERS, PROPULSIONS, type Country } from '../rates/schema';
import { hpToKw, kwToHp, relativeDifference, scalePower } from '../units';
import type { FieldError, ResultNote } from '../vehicle';
import { type MatchVehicle, missingMask } from './conditions';
import { vinCheckDigit } from './vin';

/** Contract fields, and the descriptive columns the importer keeps beside them (ignored here). */
export const KNOWN_FIELDS: ReadonlySet<string> = new Set([
  ...EXTRA_FIELDS,
  'id', 'vin', 'country', 'date', 'category', 'offRoad', 'tractorUnit', 'internationalHaulage', 'propulsion',
  'engineCc', 'powerKw', 'powerHp', 'electricPower30minKw', 'grossMassKg', 'productionDate', 'importer',
  'personalUse', 'dispatchCountry', 'originCountry', 'exemption', 'machineType',
]);

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRIES);
const CATEGORY_SET: ReadonlySet<string> = new Set(CATEGORIES);
const PROPULSION_SET: ReadonlySet<string> = new Set(PROPULSIONS);
const IMPORTER_SET: ReadonlySet<string> = new Set(IMPORTERS);
const COMBUSTION: ReadonlySet<string> = new Set(['ice', 'hybrid', 'series-hybrid']);
const ALPHA2 = /^[A-Z]{2}$/;
const VIN_CHARS = /^[A-HJ-NPR-Z0-9]+$/;

/** What the engine knows about one valid vehicle beyond what the predicates test. */
export interface CheckedVehicle {
  id: string | undefined;
  country: Country;
  date: string;
  day: DayNumber;
  match: MatchVehicle;
  /** resolved production date, when given */
  production: { text: string; date: YMD; assumed: boolean } | null;
  /** completed years at the rule date, when the production date is known */
  completedYears: number | null;
  /** which power figure was derived from the other, for `power-converted` */
  powerConverted: 'kw-from-hp' | 'hp-from-kw' | null;
  /** the 30-minute power estimated from peak power (RU EVs), for its assumption */
  estimated: { peakKw: number; factor: string; estimateKw: number } | null;
  /** MISSING bits (conditions.ts) of the values a condition could ask for that are absent */
  missing: number;
  jurisdiction: CompiledJurisdiction | undefined;
}

export interface InputCheck {
  vehicle: CheckedVehicle | null;
  errors: FieldError[];
  warnings: ResultNote[];
}

function show(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (value === null) return 'null';
  // language-neutral marks: the message around them is already localised
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  return String(value);
}

const absent = (v: unknown) => v === undefined || v === null || v === '';

class Checker {
  errors: FieldError[] = [];
  warnings: ResultNote[] = [];
  constructor(
    readonly rec: Record<string, unknown>,
    readonly m: EngineMessages,
    readonly lang: Language,
  ) {}

  fail(field: string, code: string, message: string): void {
    this.errors.push({ field, code, message });
  }

  enumField(field: string, allowed: ReadonlySet<string>, required: boolean): string {
    const v = this.rec[field];
    if (absent(v)) {
      if (required) this.fail(field, 'required', this.m.required(field));
      return '';
    }
    if (typeof v !== 'string' || !allowed.has(v)) {
      this.fail(field, 'invalid', this.m.invalidEnum(field, show(v), [...allowed].join(', ')));
      return '';
    }
    return v;
  }

  bool(field: string): boolean {
    const v = this.rec[field];
    if (absent(v)) return false;
    if (typeof v !== 'boolean') {
      this.fail(field, 'invalid', this.m.invalidType(field, show(v), this.m.expected.boolean));
      return false;
    }
    return v;
  }

  positive(field: string, integer: boolean): number {
    const v = this.rec[field];
    if (absent(v)) return NaN;
    if (typeof v !== 'number' || !Number.isFinite(v) || (integer && !Number.isInteger(v))) {
      this.fail(field, 'invalid', this.m.invalidType(field, show(v), integer ? this.m.expected.integer : this.m.expected.number));
      return NaN;
    }
    if (v <= 0) {
      this.fail(field, 'out-of-range', this.m.notPositive(field, show(v)));
      return NaN;
    }
    return v;
  }

  text(field: string): string {
    const v = this.rec[field];
    if (absent(v)) return '';
    if (typeof v !== 'string') {
      this.fail(field, 'invalid', this.m.invalidType(field, show(v), this.m.expected.text));
      return '';
    }
    return v.trim();
  }

  alpha2(field: string): string {
    const v = this.text(field).toUpperCase();
    if (v && !ALPHA2.test(v)) {
      this.fail(field, 'invalid', this.m.invalidCountryCode(field, show(this.rec[field])));
      return '';
    }
    return v;
  }

  code(field: string, known: ReadonlySet<string> | undefined, country: string): string {
    const v = this.text(field);
    if (v && known && !known.has(v)) {
      this.fail(field, 'unknown-code', this.m.unknownCode(field, show(v), country, [...known].join(', ') || '—'));
      return '';
    }
    return v;
  }

  vin(): void {
    const v = this.rec.vin;
    if (absent(v)) return;
    if (typeof v !== 'string') {
      this.fail('vin', 'invalid', this.m.invalidType('vin', show(v), this.m.expected.text));
      return;
    }
    const vin = v.trim().toUpperCase();
    if (vin.length !== 17) {
      this.fail('vin', 'invalid', this.m.vinLength(show(v), vin.length));
      return;
    }
    if (!VIN_CHARS.test(vin)) {
      const bad = [...new Set(vin.replace(/[A-HJ-NPR-Z0-9]/g, ''))].join(', ');
      this.fail('vin', 'invalid', this.m.vinCharacters(show(v), bad));
      return;
    }
    const expected = vinCheckDigit(vin);
    const actual = vin[8]!;
    if (expected !== actual) {
      this.warnings.push({ code: 'vin-check-digit', message: this.m.vinCheckDigit(vin, expected, actual) });
    }
  }
}

export function checkVehicle(raw: unknown, bundle: RateBundle, language: Language): InputCheck {
  const m = engineMessages(language);
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return { vehicle: null, errors: [{ field: 'record', code: 'invalid', message: m.notObject(show(raw)) }], warnings: [] };
  }
  const rec = raw as Record<string, unknown>;
  const c = new Checker(rec, m, language);
  const idRaw = rec.id;
  const id = idRaw === undefined || idRaw === null ? undefined : typeof idRaw === 'string' ? idRaw : String(idRaw);

  const country = c.enumField('country', COUNTRY_SET, true) as Country | '';
  const jurisdiction = country ? bundle.jurisdictions.get(country) : undefined;
  let ymd: YMD | null = null;
  const dateRaw = rec.date;
  if (absent(dateRaw)) c.fail('date', 'required', m.required('date'));
  else {
    ymd = parseIsoDate(dateRaw);
    if (!ymd) c.fail('date', 'invalid', m.invalidDate('date', show(dateRaw)));
  }
  const category = c.enumField('category', CATEGORY_SET, true);
  const motorRoadVehicle = category.startsWith('M') || category.startsWith('N');
  const propulsion = c.enumField('propulsion', PROPULSION_SET, false);
  if (!propulsion && absent(rec.propulsion) && motorRoadVehicle) {
    c.fail('propulsion', 'required', m.requiredFor('propulsion', category));
  }
  const engineCc = c.positive('engineCc', true);
  if (absent(rec.engineCc) && motorRoadVehicle && COMBUSTION.has(propulsion)) {
    c.fail('engineCc', 'required', m.requiredFor('engineCc', `${category}, ${m.propulsion[propulsion as 'ice']}`));
  }
  let powerKw = c.positive('powerKw', false);
  let powerHp = c.positive('powerHp', false);
  const electric30 = c.positive('electricPower30minKw', false);
  const grossMassKg = c.positive('grossMassKg', false);
  if (absent(rec.grossMassKg) && (category.startsWith('N') || category.startsWith('O'))) {
    c.fail('grossMassKg', 'required', m.requiredFor('grossMassKg', category));
  }
  const importer = c.enumField('importer', IMPORTER_SET, true);
  const personalUse = c.bool('personalUse');
  if (personalUse && importer === 'company') c.fail('personalUse', 'not-applicable', m.personalUseCompany());
  const offRoad = c.bool('offRoad');
  const tractorUnit = c.bool('tractorUnit');
  const internationalHaulage = c.bool('internationalHaulage');
  const dispatchCountry = c.alpha2('dispatchCountry');
  const originCountry = c.alpha2('originCountry');
  const exemption = c.code('exemption', jurisdiction?.exemptionCodes, country);
  const machineType = c.code('machineType', jurisdiction?.machineTypeCodes, country);
  if (category === 'special' && absent(rec.machineType)) c.fail('machineType', 'required', m.requiredFor('machineType', category));
  c.vin();

  let production: CheckedVehicle['production'] = null;
  let age = NaN;
  let completed: number | null = null;
  const prodRaw = rec.productionDate;
  if (!absent(prodRaw)) {
    const rule = jurisdiction?.data.unknownProductionDay ?? { yearOnly: '01-01', monthOnly: 'first' as const };
    const p = resolveProductionDate(prodRaw, rule);
    if (!p) c.fail('productionDate', 'invalid', m.invalidPartialDate('productionDate', show(prodRaw)));
    else if (ymd) {
      const earliest = p.precision === 'day' ? p.date : { y: p.date.y, m: p.precision === 'month' ? p.date.m : 1, d: 1 };
      if (toDayNumber(earliest) > toDayNumber(ymd)) {
        c.fail('productionDate', 'out-of-range', m.productionAfterRuleDate(String(prodRaw), formatIsoDate(ymd)));
      } else {
        // A partial date may resolve past the rule date (1 July of this year vs a March rule
        // date): the vehicle is then younger than a year, never from the future.
        const date = toDayNumber(p.date) > toDayNumber(ymd) ? ymd : p.date;
        production = { text: String(prodRaw), date, assumed: p.assumed };
        const a = ageForBands(date, ymd);
        age = a.bandValue;
        completed = a.completed;
      }
    }
  }

  for (const key in rec) {
    if (!KNOWN_FIELDS.has(key) && Object.prototype.hasOwnProperty.call(rec, key)) {
      c.warnings.push({ code: 'unknown-field', message: m.unknownField(key) });
    }
  }

  if (c.errors.length > 0 || !ymd || !country) return { vehicle: null, errors: c.errors, warnings: c.warnings };

  if (!Number.isNaN(powerKw) && !Number.isNaN(powerHp)) {
    const hpAsKw = hpToKw(powerHp);
    if (relativeDifference(powerKw, hpAsKw) > 0.01) {
      c.warnings.push({
        code: 'power-mismatch',
        message: m.powerMismatch(formatNumber(powerKw, language), formatNumber(powerHp, language), formatNumber(hpAsKw, language)),
      });
    }
  }
  let powerConverted: CheckedVehicle['powerConverted'] = null;
  let estimated: CheckedVehicle['estimated'] = null;
  const day = toDayNumber(ymd);
  const ep = jurisdiction?.data.electricPower;
  if ((propulsion === 'electric' || propulsion === 'series-hybrid') && ep?.measure === 'thirty-minute') {
    // The rule measures the 30-minute power; peak power only feeds the data's estimate rule.
    const peakKw = !Number.isNaN(powerKw) ? powerKw : !Number.isNaN(powerHp) ? hpToKw(powerHp) : NaN;
    if (!Number.isNaN(electric30)) powerKw = electric30;
    else if (ep.estimateFromPeak && jurisdiction!.estimateFrom !== null && day >= jurisdiction!.estimateFrom && !Number.isNaN(peakKw)) {
      const estimateKw = scalePower(peakKw, ep.estimateFromPeak.factor);
      estimated = { peakKw, factor: ep.estimateFromPeak.factor, estimateKw };
      powerKw = estimateKw;
    } else powerKw = NaN;
    powerHp = Number.isNaN(powerKw) ? NaN : kwToHp(powerKw);
  } else if (Number.isNaN(powerKw) && !Number.isNaN(powerHp)) {
    powerKw = hpToKw(powerHp);
    powerConverted = 'kw-from-hp';
  } else if (Number.isNaN(powerHp) && !Number.isNaN(powerKw)) {
    powerHp = kwToHp(powerKw);
    powerConverted = 'hp-from-kw';
  }

  const match: MatchVehicle = {
    category,
    offRoad,
    tractorUnit,
    internationalHaulage,
    propulsion,
    engineCc,
    powerKw,
    powerHp,
    grossMassKg,
    ageYears: age,
    importer,
    personalUse,
    dispatchCountry,
    originCountry,
    exemption,
    machineType,
    rowKey: `${category}|${propulsion}`,
  };
  return {
    vehicle: {
      id,
      country,
      date: dateRaw as string, // parseIsoDate accepted it: already YYYY-MM-DD
      day,
      match,
      production,
      completedYears: completed,
      powerConverted,
      estimated,
      missing: missingMask(match),
      jurisdiction,
    },
    errors: [],
    warnings: c.warnings,
  };
}

