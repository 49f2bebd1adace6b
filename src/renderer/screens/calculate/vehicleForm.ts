/**
 * The quick-calculation form's rules, apart from its markup: what the broker typed (always text,
 * so a half-typed value stays on screen), which fields matter for the chosen category and
 * propulsion, and the vehicle record sent to the engine. The engine validates; this module only
 * reshapes, so a wrong value reaches the engine as typed and comes back as a field error.
 */
import type { Country } from '../../../core/rates/schema';
import type { Category, Importer, Propulsion } from '../../../core/rates/schema';

export type PowerUnit = 'kw' | 'hp';

export interface VehicleFormValues {
  country: Country;
  date: string;
  category: Category;
  offRoad: boolean;
  tractorUnit: boolean;
  internationalHaulage: boolean;
  propulsion: Propulsion;
  engineCc: string;
  power: string;
  powerUnit: PowerUnit;
  electricPower30minKw: string;
  grossMassKg: string;
  productionDate: string;
  importer: Importer;
  personalUse: boolean;
  dispatchCountry: string;
  originCountry: string;
  exemption: string;
  machineType: string;
}

/** Fields of the form that can be shown or hidden; each names the vehicle field it fills. */
export type FormField =
  | 'offRoad'
  | 'tractorUnit'
  | 'internationalHaulage'
  | 'propulsion'
  | 'engineCc'
  | 'power'
  | 'electricPower30minKw'
  | 'grossMassKg'
  | 'personalUse'
  | 'machineType';

export function initialValues(country: Country, today: string): VehicleFormValues {
  return {
    country,
    date: today,
    category: 'M1',
    offRoad: false,
    tractorUnit: false,
    internationalHaulage: false,
    propulsion: 'ice',
    engineCc: '',
    power: '',
    powerUnit: 'kw',
    electricPower30minKw: '',
    grossMassKg: '',
    productionDate: '',
    importer: 'individual',
    personalUse: false,
    dispatchCountry: '',
    originCountry: '',
    exemption: '',
    machineType: '',
  };
}

const isTrailer = (c: Category) => c.startsWith('O');
const isTruck = (c: Category) => c.startsWith('N');
const isRoadMotor = (c: Category) => c.startsWith('M') || isTruck(c);
const burnsFuel = (p: Propulsion) => p !== 'electric';
const measuresThirtyMinutePower = (p: Propulsion) => p === 'electric' || p === 'series-hybrid';

/** Whether a field matters for this vehicle; a field the engine complains about is shown anyway. */
export function isRelevant(field: FormField, v: VehicleFormValues): boolean {
  switch (field) {
    case 'offRoad':
      return isRoadMotor(v.category);
    case 'tractorUnit':
      return isTruck(v.category);
    case 'internationalHaulage':
      return isTruck(v.category) || isTrailer(v.category);
    case 'propulsion':
    case 'power':
      return !isTrailer(v.category);
    case 'engineCc':
      return !isTrailer(v.category) && burnsFuel(v.propulsion);
    case 'electricPower30minKw':
      return !isTrailer(v.category) && measuresThirtyMinutePower(v.propulsion);
    case 'grossMassKg':
      return isTruck(v.category) || isTrailer(v.category);
    case 'personalUse':
      return v.importer === 'individual';
    case 'machineType':
      return v.category === 'special';
  }
}

/** "1 598", "1598,5" → 1598 / 1598.5; anything else is passed on as typed for the engine to name. */
function numberOrText(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const normalised = trimmed.replace(/[\s\u00a0]/g, '').replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : trimmed;
}

/**
 * The production-date forms brokers type: дд.мм.гггг, мм.гггг, гггг-мм-дд, гггг-мм, гггг.
 * Returns the record's ISO form (YYYY-MM-DD, YYYY-MM or YYYY), or the text as typed.
 */
export function normaliseProductionDate(text: string): string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  const dayMonthYear = /^(\d{1,2})[./](\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (dayMonthYear) {
    const [, day = '', month = '', year = ''] = dayMonthYear;
    return `${year}-${month.padStart(2, '0')}-${day.padStart(2, '0')}`;
  }
  const monthYear = /^(\d{1,2})[./](\d{4})$/.exec(trimmed);
  if (monthYear) {
    const [, month = '', year = ''] = monthYear;
    return `${year}-${month.padStart(2, '0')}`;
  }
  return trimmed;
}

const countryCode = (text: string) => {
  const trimmed = text.trim().toUpperCase();
  return trimmed === '' ? undefined : trimmed;
};

const optionalText = (text: string) => (text.trim() === '' ? undefined : text.trim());

/** The vehicle record for the engine: only fields that matter and that the broker filled. */
export function toVehicle(v: VehicleFormValues): Record<string, unknown> {
  const shown = (field: FormField) => isRelevant(field, v);
  const record: Record<string, unknown> = {
    country: v.country,
    date: v.date,
    category: v.category,
    importer: v.importer,
  };
  const put = (key: string, value: unknown) => {
    if (value !== undefined && value !== false) record[key] = value;
  };
  if (shown('offRoad')) put('offRoad', v.offRoad);
  if (shown('tractorUnit')) put('tractorUnit', v.tractorUnit);
  if (shown('internationalHaulage')) put('internationalHaulage', v.internationalHaulage);
  if (shown('propulsion')) put('propulsion', v.propulsion);
  if (shown('engineCc')) put('engineCc', numberOrText(v.engineCc));
  if (shown('power')) put(v.powerUnit === 'kw' ? 'powerKw' : 'powerHp', numberOrText(v.power));
  if (shown('electricPower30minKw')) put('electricPower30minKw', numberOrText(v.electricPower30minKw));
  if (shown('grossMassKg')) put('grossMassKg', numberOrText(v.grossMassKg));
  put('productionDate', normaliseProductionDate(v.productionDate));
  if (shown('personalUse')) put('personalUse', v.personalUse);
  put('dispatchCountry', countryCode(v.dispatchCountry));
  put('originCountry', countryCode(v.originCountry));
  put('exemption', optionalText(v.exemption));
  if (shown('machineType')) put('machineType', optionalText(v.machineType));
  return record;
}

/** Engine error fields → the form field showing them (power is one field with a unit switch). */
export function formFieldOf(vehicleField: string): string {
  return vehicleField === 'powerKw' || vehicleField === 'powerHp' ? 'power' : vehicleField;
}
