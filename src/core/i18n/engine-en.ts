/**
 * The engine's sentences in English, and the shape every language implements (engine-ru.ts,
 * engine-kk.ts). Each message names the field and the value at fault, so a broker can fix the
 * row without reading code. Rates and legal citations never appear here: they come from data.
 */
export type DimKey = 'category' | 'offRoad' | 'tractorUnit' | 'internationalHaulage' | 'propulsion' | 'engineCc' | 'powerKw' | 'powerHp' | 'grossMassKg' | 'ageYears' | 'importer' | 'personalUse' | 'dispatchCountry' | 'originCountry' | 'exemption' | 'machineType';

export interface EngineMessages {
  dims: Record<DimKey, string>;
  units: { cc: string; kW: string; hp: string; kg: string };
  /** "3 years" with the right plural/case for "up to N" and "over N" */
  years: (n: number) => string;
  propulsion: Record<'ice' | 'hybrid' | 'series-hybrid' | 'electric', string>;
  importer: Record<'individual' | 'company', string>;
  confidence: Record<'high' | 'medium' | 'low', string>;
  status: Record<'in-force' | 'draft' | 'unconfirmed', string>;
  expected: Record<'text' | 'number' | 'integer' | 'boolean', string>;
  list: (items: string[]) => string;

  // errors
  notObject: (value: string) => string;
  required: (field: string) => string;
  requiredFor: (field: string, context: string) => string;
  requiredForRate: (field: string, schedule: string) => string;
  invalidType: (field: string, value: string, expected: string) => string;
  invalidEnum: (field: string, value: string, allowed: string) => string;
  invalidDate: (field: string, value: string) => string;
  invalidPartialDate: (field: string, value: string) => string;
  notPositive: (field: string, value: string) => string;
  invalidCountryCode: (field: string, value: string) => string;
  vinLength: (value: string, length: number) => string;
  vinCharacters: (value: string, bad: string) => string;
  unknownCode: (field: string, value: string, country: string, allowed: string) => string;
  productionAfterRuleDate: (value: string, date: string) => string;
  personalUseCompany: () => string;
  noRate: (vehicle: string, country: string, date: string) => string;
  internal: (detail: string) => string;

  // warnings
  vinCheckDigit: (vin: string, expected: string, actual: string) => string;
  powerMismatch: (kw: string, hp: string, hpAsKw: string) => string;
  unconfirmedAvailable: (schedule: string, status: string, fee: string, currency: string) => string;
  personalUseNotApplicable: (reasons: string) => string;
  personalUseNoPreference: (country: string, date: string) => string;
  exemptionNotApplicable: (code: string) => string;
  lowConfidence: (row: string) => string;
  derivedRate: (row: string) => string;
  secondarySource: (row: string) => string;
  nearBandEdge: (what: string, value: string, edge: string) => string;
  unknownField: (field: string) => string;

  // assumptions
  productionDayAssumed: (given: string, assumed: string, basis: string) => string;
  powerConverted: (given: string, converted: string) => string;
  thirtyMinuteEstimated: (peak: string, factor: string, estimate: string, basis: string) => string;
  unconfirmedApplied: (schedule: string, status: string) => string;

  // why a row does not apply
  exceeds: (what: string, value: string, bound: string) => string;
  reachesLimit: (what: string, value: string, bound: string) => string;
  below: (what: string, value: string, bound: string) => string;
  notIn: (what: string, value: string, allowed: string) => string;
  mustBe: (what: string, required: string) => string;
  unknownValue: (what: string) => string;
  yes: string;
  no: string;

  // labels
  offRoadLabel: string;
  tractorUnitLabel: string;
  internationalHaulageLabel: string;
  personalUseLabel: string;
  notLabel: (label: string) => string;
  fromCountries: (codes: string) => string;
  madeIn: (codes: string) => string;
  ageAtMost: (n: number) => string;
  ageUnder: (n: number) => string;
  ageOver: (n: number) => string;
  ageAtLeast: (n: number) => string;
  over: (v: string) => string;
  atLeast: (v: string) => string;
  upTo: (v: string) => string;
  under: (v: string) => string;
  anyVehicle: string;

  // explanations
  explainSchedule: (id: string, title: string, status: string, act: string) => string;
  explainRow: (label: string, ref: string | null) => string;
  explainBase: (base: string, currency: string, how: string) => string;
  seriesBase: (multiplier: string, series: string, value: string, from: string) => string;
  explainFormula: (base: string, coefficient: string, fee: string, currency: string) => string;
  explainAmount: (fee: string, currency: string) => string;
  explainZero: (reason: string) => string;
  explainAge: (years: number, production: string, date: string) => string;
  explainAssumption: (message: string) => string;
  explainWarning: (message: string) => string;
  explainConfidence: (confidence: string) => string;
  explainSources: (sources: string) => string;
  explainFailed: (id: string) => string;
  explainError: (field: string, message: string) => string;

  // comparison scenarios
  scenarioAsGiven: string;
  scenarioPersonal: string;
  scenarioCompany: string;
  scenarioCountry: (country: string) => string;
  scenarioWith: (schedule: string, status: string) => string;
}

const years = (n: number) => (n === 1 ? '1 year' : `${n} years`);

export const en: EngineMessages = {
  dims: {
    category: 'category', offRoad: 'off-road (G)', tractorUnit: 'tractor unit', internationalHaulage: 'international haulage',
    propulsion: 'propulsion', engineCc: 'engine', powerKw: 'power', powerHp: 'power', grossMassKg: 'gross mass',
    ageYears: 'age', importer: 'importer', personalUse: 'personal use', dispatchCountry: 'country of dispatch',
    originCountry: 'country of origin', exemption: 'exemption', machineType: 'machine type',
  },
  units: { cc: 'cm³', kW: 'kW', hp: 'hp', kg: 'kg' },
  years,
  propulsion: { ice: 'combustion engine', hybrid: 'hybrid', 'series-hybrid': 'series hybrid', electric: 'electric' },
  importer: { individual: 'individual', company: 'company' },
  confidence: { high: 'high', medium: 'medium', low: 'low' },
  status: { 'in-force': 'in force', draft: 'draft', unconfirmed: 'unconfirmed' },
  expected: { text: 'text', number: 'a number', integer: 'a whole number', boolean: 'true or false' },
  list: (items) => items.join(', '),

  notObject: (v) => `A vehicle record must be an object with fields, got ${v}`,
  required: (f) => `${f} is required`,
  requiredFor: (f, c) => `${f} is required for ${c}`,
  requiredForRate: (f, s) => `${f} is required: the rate in ${s} depends on it`,
  invalidType: (f, v, e) => `${f}: ${v} is not ${e}`,
  invalidEnum: (f, v, a) => `${f}: ${v} is not one of ${a}`,
  invalidDate: (f, v) => `${f}: ${v} is not a calendar date in the form YYYY-MM-DD`,
  invalidPartialDate: (f, v) => `${f}: ${v} is not a date in the form YYYY-MM-DD, YYYY-MM or YYYY`,
  notPositive: (f, v) => `${f}: ${v} must be greater than zero`,
  invalidCountryCode: (f, v) => `${f}: ${v} is not a two-letter country code (ISO 3166, e.g. DE)`,
  vinLength: (v, n) => `vin: ${v} has ${n} characters, a VIN has 17`,
  vinCharacters: (v, b) => `vin: ${v} contains ${b}; a VIN uses digits and the letters A–Z except I, O and Q`,
  unknownCode: (f, v, c, a) => `${f}: ${v} is not a code known for ${c} (known: ${a})`,
  productionAfterRuleDate: (v, d) => `productionDate: ${v} is after the rule date ${d}`,
  personalUseCompany: () => 'personalUse: personal use can only be claimed by an individual importer, not a company',
  noRate: (veh, c, d) => `No rate known for ${c} ${veh} on ${d} in the installed rate data`,
  internal: (d) => `Internal error while computing this row: ${d}`,

  vinCheckDigit: (vin, e, a) => `vin: ${vin} has check digit ${a} where the North American rule gives ${e}; outside North America the check digit is not mandatory`,
  powerMismatch: (kw, hp, hpKw) => `powerKw ${kw} kW and powerHp ${hp} hp (= ${hpKw} kW) differ by more than 1 %; each is used for bands stated in its own unit`,
  unconfirmedAvailable: (s, st, fee, cur) => `Schedule ${s} (${st}, not applied) would give ${fee} ${cur} for this vehicle`,
  personalUseNotApplicable: (r) => `Personal use claimed, but the preferential rate does not apply: ${r}`,
  personalUseNoPreference: (c, d) => `Personal use claimed, but ${c} has no preferential rate for personal use on ${d}`,
  exemptionNotApplicable: (c) => `Exemption ${c} claimed, but its conditions do not hold for this vehicle; the fee is computed without it`,
  lowConfidence: (r) => `Row ${r} has low confidence: verify the rate against the legal text`,
  derivedRate: (r) => `Row ${r} is derived by arithmetic from sourced figures; it is not printed in a source`,
  secondarySource: (r) => `Row ${r} rests on secondary sources only (no official source)`,
  nearBandEdge: (w, v, e) => `${w} ${v} is within 1 % of the band edge ${e}: check the figure in the vehicle's documents`,
  unknownField: (f) => `Field ${f} is not part of the vehicle record and was ignored`,

  productionDayAssumed: (g, a, b) => `Production date ${g} is partial; ${a} assumed (${b})`,
  powerConverted: (g, c) => `Power ${g} converted to ${c} (1 hp = 0.7355 kW)`,
  thirtyMinuteEstimated: (p, f, e, b) => `30-minute power not given; estimated as ${f} × peak ${p} kW = ${e} kW (${b})`,
  unconfirmedApplied: (s, st) => `Schedule ${s} (${st}) applied at the user's request`,

  exceeds: (w, v, b) => `${w} ${v} exceeds ${b}`,
  reachesLimit: (w, v, b) => `${w} ${v} is not below ${b}`,
  below: (w, v, b) => `${w} ${v} is below ${b}`,
  notIn: (w, v, a) => `${w} ${v} is not ${a}`,
  mustBe: (w, r) => `${w} must be ${r}`,
  unknownValue: (w) => `${w} is not given`,
  yes: 'yes',
  no: 'no',

  offRoadLabel: 'off-road (G)',
  tractorUnitLabel: 'tractor unit',
  internationalHaulageLabel: 'international haulage',
  personalUseLabel: 'personal use',
  notLabel: (l) => `not ${l}`,
  fromCountries: (c) => `from ${c}`,
  madeIn: (c) => `made in ${c}`,
  ageAtMost: (n) => `up to ${years(n)} old`,
  ageUnder: (n) => `under ${years(n)} old`,
  ageOver: (n) => `over ${years(n)} old`,
  ageAtLeast: (n) => `${years(n)} old or more`,
  over: (v) => `over ${v}`,
  atLeast: (v) => `${v} or more`,
  upTo: (v) => `up to ${v}`,
  under: (v) => `under ${v}`,
  anyVehicle: 'any vehicle',

  explainSchedule: (id, t, st, act) => `Schedule ${id} “${t}” (${st}), under ${act}.`,
  explainRow: (l, ref) => (ref ? `Row ${ref}: ${l}.` : `Row: ${l}.`),
  explainBase: (b, cur, how) => `Base rate ${b} ${cur}${how ? ` (${how})` : ''}.`,
  seriesBase: (m, s, v, f) => `${m} × ${s} ${v} in force from ${f}`,
  explainFormula: (b, c, fee, cur) => `Fee = ${b} × ${c} = ${fee} ${cur}.`,
  explainAmount: (fee, cur) => `Fixed fee ${fee} ${cur}.`,
  explainZero: (r) => `Nothing is owed: ${r}.`,
  explainAge: (y, p, d) => `Age: ${years(y)} completed between ${p} and ${d}.`,
  explainAssumption: (m) => `Assumption: ${m}.`,
  explainWarning: (m) => `Warning: ${m}.`,
  explainConfidence: (c) => `Confidence: ${c}.`,
  explainSources: (s) => `Sources: ${s}.`,
  explainFailed: (id) => (id ? `Row ${id}: no fee computed.` : 'No fee computed.'),
  explainError: (f, m) => `${f}: ${m}`,
  scenarioAsGiven: 'as entered',
  scenarioPersonal: 'individual, personal use',
  scenarioCompany: 'company',
  scenarioCountry: (c) => `in ${c} on the same date`,
  scenarioWith: (id, st) => `with ${id} (${st}) applied`,
};
