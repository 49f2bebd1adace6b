/**
 * Cell values as people type them, to the vehicle record's types. Every parser returns a result
 * or a reason; none throws, whatever the cell holds.
 */
import type { Category, Importer, Propulsion } from '../rates/schema';
import { countryCode } from './countries';
import { normaliseHeader } from './headers';
import type { Unit } from './types';

/** A cell reduced to a primitive: exceljs rich text, hyperlinks and formulas give their text or result. */
export type Plain = string | number | boolean | Date | null;

export function plainValue(cell: unknown): Plain {
  if (cell === null || cell === undefined) return null;
  if (typeof cell === 'string') {
    const t = cell.trim();
    return t === '' ? null : t;
  }
  if (typeof cell === 'number') return Number.isFinite(cell) ? cell : null;
  if (typeof cell === 'boolean') return cell;
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? null : cell;
  if (typeof cell === 'object') {
    const o = cell as { richText?: { text?: unknown }[]; text?: unknown; result?: unknown; formula?: unknown; error?: unknown };
    if (Array.isArray(o.richText)) return plainValue(o.richText.map((r) => (typeof r.text === 'string' ? r.text : '')).join(''));
    if ('result' in o || 'formula' in o) return plainValue(o.result);
    if (typeof o.text === 'string') return plainValue(o.text);
    if (typeof o.error === 'string') return o.error;
  }
  return null;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; detail?: string };
const fail = <T>(detail?: string): Parsed<T> => (detail === undefined ? { ok: false } : { ok: false, detail });
const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });

/**
 * A column repeats a handful of spellings ("бензин", "юрлицо", "Китай") thousands of times, and
 * reading one takes normalising and a dozen patterns: the word parsers remember their reading of
 * each spelling. Bounded, so a column of unique values cannot grow it without end; readings are
 * frozen, since every row with that spelling shares one.
 */
const REMEMBERED = 1000;
function remembered<T>(read: (text: string) => Parsed<T>): (cell: unknown) => Parsed<T> {
  const seen = new Map<string, Parsed<T>>();
  return (cell) => {
    const v = plainValue(cell);
    if (typeof v !== 'string') return fail();
    let reading = seen.get(v);
    if (reading === undefined) {
      reading = read(v);
      if (reading.ok && typeof reading.value === 'object' && reading.value !== null) Object.freeze(reading.value);
      Object.freeze(reading);
      if (seen.size >= REMEMBERED) seen.clear();
      seen.set(v, reading);
    }
    return reading;
  };
}

// ── numbers ────────────────────────────────────────────────────────────────────────────────

const SPACES = /[\s\u00a0\u2007\u202f\u2009']/g;

const VALUE_UNITS: { unit: Unit; re: RegExp }[] = [
  { unit: 'hp', re: /^(?:л\.?\s?с\.?|hp|bhp|ps|а\.?\s?к\.?|ат\s?күші|лошад\p{L}*(?:\s?сил\p{L}*)?)$/iu },
  { unit: 'kw', re: /^(?:квт|kw|kilowatts?|киловатт\p{L}*)$/iu },
  { unit: 'cc', re: /^(?:см3|см³|cm3|cm³|cc|куб\.?\s?см\.?|ccm|куб\.?)$/iu },
  { unit: 'l', re: /^(?:л\.?|l|литр\p{L}*|litre\p{L}*|liter\p{L}*|ltr)$/iu },
  { unit: 'kg', re: /^(?:кг\.?|kg|килограмм\p{L}*)$/iu },
  { unit: 't', re: /^(?:т\.?|t|тонн\p{L}*|tonne\p{L}*|tons?)$/iu },
];

export interface NumberValue {
  value: number;
  /** the unit typed after the number ("150 л.с."), null when none */
  unit: Unit | null;
}

/** "1 598", "1,6", "1.234,5", "150 л.с.", "110 kW", "1.6 л" and plain numbers. */
export function parseNumber(cell: unknown): Parsed<NumberValue> {
  const v = plainValue(cell);
  if (typeof v === 'number') return ok({ value: v, unit: null });
  if (typeof v !== 'string') return fail();
  const m = /^([-+]?[\d\s\u00a0\u2007\u202f\u2009'.,]*\d[.,]?)\s*([^\d\s].*)?$/u.exec(v);
  if (!m) return fail();
  let unit: Unit | null = null;
  if (m[2] !== undefined) {
    const suffix = m[2].trim();
    const found = VALUE_UNITS.find((u) => u.re.test(suffix));
    if (!found) return fail();
    unit = found.unit;
  }
  const n = decimalText(m[1]!.replace(SPACES, ''));
  return n === null ? fail() : ok({ value: n, unit });
}

function decimalText(s: string): number | null {
  let t = s.replace(/[.,]$/, '');
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  if (commas > 0 && dots > 0) {
    const decimal = t.lastIndexOf(',') > t.lastIndexOf('.') ? ',' : '.';
    const thousands = decimal === ',' ? '.' : ',';
    t = t.split(thousands).join('').replace(decimal, '.');
  } else if (commas > 1) {
    t = t.replace(/,/g, '');
  } else if (dots > 1) {
    t = t.replace(/\./g, '');
  } else {
    t = t.replace(',', '.');
  }
  if (!/^[-+]?\d+(\.\d+)?$/.test(t)) return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : null;
}

// ── dates ──────────────────────────────────────────────────────────────────────────────────

/** Excel's serial day 25569 is 1970-01-01 (1900 date system). */
const EXCEL_EPOCH_SERIAL = 25569;
const MS_PER_DAY = 86_400_000;
const MIN_YEAR = 1900;
const MAX_YEAR = 2100;

export type DatePrecision = 'day' | 'month' | 'year';
export interface DateValue {
  /** YYYY-MM-DD, YYYY-MM or YYYY */
  value: string;
  precision: DatePrecision;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function ymd(y: number, m: number, d: number): Parsed<DateValue> {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12 || d < 1) return fail();
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > days) return fail();
  return ok({ value: `${pad(y, 4)}-${pad(m)}-${pad(d)}`, precision: 'day' });
}

function ym(y: number, m: number): Parsed<DateValue> {
  if (y < MIN_YEAR || y > MAX_YEAR || m < 1 || m > 12) return fail();
  return ok({ value: `${pad(y, 4)}-${pad(m)}`, precision: 'month' });
}

function yearOnly(y: number): Parsed<DateValue> {
  return y >= MIN_YEAR && y <= MAX_YEAR ? ok({ value: pad(y, 4), precision: 'year' }) : fail();
}

function fromSerial(serial: number): Parsed<DateValue> {
  const d = new Date(Math.round((Math.floor(serial) - EXCEL_EPOCH_SERIAL) * MS_PER_DAY));
  return ymd(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

const twoDigitYear = (yy: number) => (yy <= 50 ? 2000 + yy : 1900 + yy);

const MONTHS: [RegExp, number][] = [
  [/^(январ|янв|jan|қаңтар)/, 1], [/^(феврал|фев|feb|ақпан)/, 2], [/^(март|мар|mar|наурыз)/, 3],
  [/^(апрел|апр|apr|сәуір)/, 4], [/^(ма[йя]|may|мамыр)/, 5], [/^(июн|jun|маусым)/, 6],
  [/^(июл|jul|шілде)/, 7], [/^(август|авг|aug|тамыз)/, 8], [/^(сентябр|сен|sep|қыркүйек)/, 9],
  [/^(октябр|окт|oct|қазан)/, 10], [/^(ноябр|ноя|nov|қараша)/, 11], [/^(декабр|дек|dec|желтоқсан)/, 12],
];

function monthNumber(word: string): number | null {
  const w = word.toLowerCase();
  for (const [re, n] of MONTHS) if (re.test(w)) return n;
  return null;
}

/**
 * Excel dates (Date cells, serial numbers) and text: 31.12.2023, 31/12/2023, 2023-12-31,
 * 12.2019, 2019, "15 марта 2019", "March 2019". Slashes are read day-first, as in the CIS, unless
 * only month-first makes sense (12/31/2023).
 */
export function parseDate(cell: unknown): Parsed<DateValue> {
  const v = plainValue(cell);
  if (v instanceof Date) return ymd(v.getUTCFullYear(), v.getUTCMonth() + 1, v.getUTCDate());
  if (typeof v === 'number') {
    if (Number.isInteger(v) && v >= MIN_YEAR && v <= MAX_YEAR) return yearOnly(v);
    if (v > 0 && v < 2_958_466) return fromSerial(v);
    return fail();
  }
  if (typeof v !== 'string') return fail();
  const s = v.replace(/\s*г(ода?|\.)?\s*$/u, '').replace(/\s+(г\.?\s*)?\d{1,2}:\d{2}(:\d{2})?$/u, '').trim();
  let m: RegExpExecArray | null;
  if ((m = /^(\d{4})$/.exec(s))) return yearOnly(Number(m[1]));
  if ((m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ].*)?$/.exec(s))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = /^(\d{1,2})[./-](\d{1,2})[./-](\d{4}|\d{2})$/.exec(s))) {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = m[3]!.length === 2 ? twoDigitYear(Number(m[3])) : Number(m[3]);
    return b > 12 && a <= 12 ? ymd(y, a, b) : ymd(y, b, a);
  }
  if ((m = /^(\d{1,2})[./-](\d{4})$/.exec(s))) return ym(Number(m[2]), Number(m[1]));
  if ((m = /^(\d{4})[./-](\d{1,2})$/.exec(s))) return ym(Number(m[1]), Number(m[2]));
  if (/^\d{5}(\.\d+)?$/.test(s)) return fromSerial(Number(s));
  if ((m = /^(\d{1,2})\s+(\p{L}+)\.?\s+(\d{4})$/u.exec(s))) {
    const month = monthNumber(m[2]!);
    return month === null ? fail() : ymd(Number(m[3]), month, Number(m[1]));
  }
  if ((m = /^(\p{L}+)\.?\s+(\d{4})$/u.exec(s))) {
    const month = monthNumber(m[1]!);
    return month === null ? fail() : ym(Number(m[2]), month);
  }
  return fail();
}

// ── VIN ────────────────────────────────────────────────────────────────────────────────────

/** Cyrillic letters that look like Latin ones: a VIN typed on a Russian keyboard layout. */
const LOOKALIKES: Record<string, string> = {
  А: 'A', В: 'B', Е: 'E', К: 'K', М: 'M', Н: 'H', О: 'O', Р: 'P', С: 'C', Т: 'T', Х: 'X', У: 'Y',
};

function latinise(s: string): string {
  return s.replace(/[АВЕКМНОРСТХУ]/g, (c) => LOOKALIKES[c] ?? c);
}

export interface VinValue {
  value: string;
  /** why the VIN looks wrong, when it does: it is still kept, for the broker to correct */
  problem: 'length' | 'characters' | null;
}

export function parseVin(cell: unknown): Parsed<VinValue> {
  const v = plainValue(cell);
  if (v === null || typeof v === 'boolean' || v instanceof Date) return fail();
  const value = latinise(String(v).toUpperCase().replace(/[\s\u00a0\-_.]/g, ''));
  if (value === '') return fail();
  if (!/^[A-Z0-9]+$/.test(value) || /[IOQ]/.test(value)) return ok({ value, problem: 'characters' });
  return ok({ value, problem: value.length === 17 ? null : 'length' });
}

// ── category ───────────────────────────────────────────────────────────────────────────────

/** Category groups whose member depends on the gross mass (TR CU 018 Annex 1). */
export type MassGroup = 'M2M3' | 'N' | 'O';
export type CategoryValue =
  | { category: Category; offRoad?: boolean; tractorUnit?: boolean }
  | { group: MassGroup; tractorUnit?: boolean };

const CATEGORY_WORDS: { re: RegExp; value: CategoryValue }[] = [
  { re: /седельн|тягач|tractor unit|semi.?trailer tractor|ершікті/, value: { group: 'N', tractorUnit: true } },
  { re: /полуприцеп|прицеп|trailer|тіркеме/, value: { group: 'O' } },
  { re: /комбайн|combine|harvester/, value: { category: 'combine' } },
  { re: /трактор|tractor/, value: { category: 'tractor' } },
  { re: /спецтехник|специальн|самоходн|special|self.?propelled|арнайы/, value: { category: 'special' } },
  { re: /автобус|bus|coach/, value: { group: 'M2M3' } },
  { re: /грузов|truck|lorry|жүк|самосвал|фургон|van/, value: { group: 'N' } },
  { re: /легков|passenger|^car$|^cars$|жеңіл|седан|хэтчбек|универсал|кроссовер|внедорожник|suv|sedan|hatchback/, value: { category: 'M1' } },
];

/** "M1", "М1" (Cyrillic), "m1g", "N3G", "легковой", "грузовой", "автобус", "прицеп", "tractor" … */
function readCategory(v: string): Parsed<CategoryValue> {
  const code = latinise(v.toUpperCase()).replace(/[\s.\-_]/g, '').replace(/^КАТ(ЕГОРИЯ)?/, '');
  // Н (Cyrillic en) has just been read as Latin H; in a category it can only mean N.
  const m = /^(M[123]|N[123]|O[1-4])(G)?$/.exec(code.replace(/^H(?=[123])/, 'N'));
  if (m) {
    const category = m[1] as Category;
    return ok(m[2] ? { category, offRoad: true } : { category });
  }
  const low = v.toLowerCase().trim();
  if (low === 'tractor' || low === 'combine' || low === 'special') return ok({ category: low });
  const words = normaliseHeader(v);
  for (const w of CATEGORY_WORDS) if (w.re.test(words)) return ok(w.value);
  return fail();
}
export const parseCategory = remembered(readCategory);

/** The member of a mass-dependent group (TR CU 018: N1 ≤ 3.5 t, N2 ≤ 12 t; M2 ≤ 5 t; O1 ≤ 0.75 t, O2 ≤ 3.5 t, O3 ≤ 10 t). */
export function categoryByMass(group: MassGroup, grossMassKg: number): Category {
  switch (group) {
    case 'M2M3':
      return grossMassKg <= 5000 ? 'M2' : 'M3';
    case 'N':
      return grossMassKg <= 3500 ? 'N1' : grossMassKg <= 12000 ? 'N2' : 'N3';
    case 'O':
      return grossMassKg <= 750 ? 'O1' : grossMassKg <= 3500 ? 'O2' : grossMassKg <= 10000 ? 'O3' : 'O4';
  }
}

// ── propulsion, importer, booleans, countries ──────────────────────────────────────────────

const SERIES = /последовательн|range extender|увеличенн\p{L}* запас|^erev$|^reev$|^rex$|^ereev$|series hybrid|series-hybrid|тізбекті/u;
const HYBRID = /гибрид|hybrid|^hev$|^phev$|^mhev$|plug in|подзаряжаем|\bphev\b|\bhev\b/u;
const ELECTRIC = /электр|electric|^ev$|^bev$|\bev\b|\bbev\b|аккумулятор/u;
const ICE = /бензин|дизел|двс|газ|гбо|метан|пропан|petrol|gasoline|diesel|^ice$|\bice\b|lpg|cng|\bgas\b|іштен жану|\bаи\b|солярк/u;

/** бензин/дизель/ДВС → ice; гибрид → hybrid; последовательный гибрид / range extender → series-hybrid; электро/EV → electric. */
function readPropulsion(v: string): Parsed<Propulsion> {
  const raw = v.toLowerCase().trim();
  if (raw === 'ice' || raw === 'hybrid' || raw === 'series-hybrid' || raw === 'electric') return ok(raw);
  const s = normaliseHeader(v);
  if (SERIES.test(s) || SERIES.test(raw)) return ok('series-hybrid');
  if (HYBRID.test(s)) return ok('hybrid');
  const electric = ELECTRIC.test(s);
  const ice = ICE.test(s);
  // "бензин + электро" is a hybrid drive, whatever word the sheet used for it.
  if (electric && ice) return ok('hybrid');
  if (electric) return ok('electric');
  if (ice) return ok('ice');
  return fail();
}
export const parsePropulsion = remembered(readPropulsion);

const COMPANY = /юр\p{L}* лиц|юрлиц|юридическ|^юл$|^юр$|^ип$|предпринимател|компани|организац|^тоо$|^ооо$|^ао$|^оао$|^зао$|^чуп$|^уп$|company|legal|entity|business|corporat|^llc$|^ltd$|заңды|^жк$|кәсіпкер|^зт$/u;
const INDIVIDUAL = /физ|частн|^фл$|individual|private|person|natural|жеке тұлға|^жеке$|^жт$|гражданин/u;

/** физлицо/individual/жеке тұлға → individual; юрлицо/ИП/компания/company/заңды тұлға → company. */
function readImporter(v: string): Parsed<Importer> {
  const s = normaliseHeader(v);
  if (s === 'individual' || s === 'company') return ok(s);
  // Checked first: "жеке кәсіпкер" (an entrepreneur) begins like "жеке тұлға" (a person).
  if (COMPANY.test(s)) return ok('company');
  if (INDIVIDUAL.test(s)) return ok('individual');
  return fail();
}
export const parseImporter = remembered(readImporter);

const TRUE_WORDS = new Set(['да', 'д', 'yes', 'y', 'иә', 'ия', 'ие', 'и', '1', 'true', 'истина', '+', '✓', '✔', '☑', 'x', 'х', 'v', 'есть', 'бар', 'on', 'ok']);
const FALSE_WORDS = new Set(['нет', 'н', 'no', 'n', 'жоқ', 'жок', '0', 'false', 'ложь', '-', '–', '—', '✗', '✘', '☐', 'off', 'отсутствует']);

/** да/нет, yes/no, иә/жоқ, 1/0, true/false, ✓ … */
export function parseBoolean(cell: unknown): Parsed<boolean> {
  const v = plainValue(cell);
  if (typeof v === 'boolean') return ok(v);
  if (v === 1 || v === 0) return ok(v === 1);
  if (typeof v !== 'string') return fail();
  const s = v.toLowerCase().replace(/[.!]$/, '').trim();
  if (TRUE_WORDS.has(s)) return ok(true);
  if (FALSE_WORDS.has(s)) return ok(false);
  return fail();
}

/** Россия/РФ/Russia/Ресей → RU, Қазақстан → KZ … and ISO codes (alpha-2, the main alpha-3) as they are. */
function readCountry(v: string): Parsed<string> {
  const code = countryCode(normaliseHeader(v));
  return code === null ? fail() : ok(code);
}
export const parseCountry = remembered(readCountry);

/** Text fields (id, make, notes …): numbers become their text, dates their ISO day. */
export function parseText(cell: unknown): Parsed<string> {
  const v = plainValue(cell);
  if (v === null) return fail();
  if (v instanceof Date) return ok(v.toISOString().slice(0, 10));
  return ok(String(v));
}
