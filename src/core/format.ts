/**
 * Display formatting for money, dates and plain numbers, shared by the UI and printed statements.
 *
 * Written by hand instead of Intl.NumberFormat because Chromium prints the tenge as "KZT" in both
 * ru-RU and kk-KZ, and a statement must look the same on every machine whatever ICU data it has.
 *
 * Conventions (what brokers in KZ, RU and BY expect on paper):
 * - ru, kk: groups of three split by U+00A0 (no-break space), decimal comma: `756 875,00 ₸`.
 * - en: comma groups, decimal point: `756,875.00 ₸`. The currency sign follows the amount in
 *   every language, so one statement layout serves all three.
 * - The sign is separated from the amount by U+00A0 so a line never breaks between them.
 * - Negative amounts start with an ASCII hyphen-minus, which survives copy-paste into any program.
 * - Money is shown with 2 decimals, rounded half away from zero (0.005 → 0.01) like
 *   src/core/money.ts rounds fees, so an amount that is already rounded prints unchanged; a value
 *   that rounds to zero is printed without a sign.
 * - Dates are DD.MM.YYYY in every language, English included: the customs documents of all three
 *   countries use that form, and an English-speaking broker still files the same papers.
 */
import Decimal from 'decimal.js';
import type { Language } from './api/contract';
import type { Currency } from './rates/schema';

const CURRENCY_SIGN: Record<Currency, string> = {
  KZT: '₸',
  RUB: '₽',
  BYN: 'Br',
};

const NBSP = '\u00a0';

interface Separators {
  group: string;
  decimal: string;
}

const SEPARATORS: Record<Language, Separators> = {
  ru: { group: NBSP, decimal: ',' },
  kk: { group: NBSP, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** A plain decimal as amounts travel on the wire: optional minus, digits, optional fraction. */
const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

function parseDecimal(value: string | number): Decimal {
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return new Decimal(value);
  }
  if (!DECIMAL_TEXT.test(value)) throw new RangeError(`not a decimal number: "${value}"`);
  return new Decimal(value);
}

/** Lays out an already-rounded decimal with the language's separators. */
function layout(value: Decimal, fractionDigits: number | undefined, lang: Language): string {
  const fixed =
    fractionDigits === undefined
      ? value.abs().toFixed()
      : value.abs().toFixed(fractionDigits, Decimal.ROUND_HALF_UP);
  const [whole = '0', fraction] = fixed.split('.');
  const { group, decimal } = SEPARATORS[lang];
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const digits = fraction === undefined ? grouped : `${grouped}${decimal}${fraction}`;
  const isZero = /^[0.]*$/.test(fixed);
  return value.isNegative() && !isZero ? `-${digits}` : digits;
}

/**
 * `formatMoney('756875', 'KZT', 'ru')` → `756 875,00 ₸` (U+00A0 between groups and before ₸).
 * Throws RangeError when `amount` is not a decimal string: amounts come from the engine, so a
 * malformed one is a bug to surface, not a value to print.
 */
export function formatMoney(amount: string, currency: Currency, lang: Language): string {
  return `${layout(parseDecimal(amount), 2, lang)}${NBSP}${CURRENCY_SIGN[currency]}`;
}

/**
 * Groups and localises a plain number: `formatNumber(1598, 'ru')` → `1 598`,
 * `formatNumber('3.5', 'ru')` → `3,5`. Without `fractionDigits` the digits are kept as given;
 * with it the value is rounded half away from zero.
 */
export function formatNumber(
  value: string | number,
  lang: Language,
  fractionDigits?: number,
): string {
  return layout(parseDecimal(value), fractionDigits, lang);
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day, month, year in that order everywhere; only the separator is a per-language choice. */
const DATE_SEPARATOR: Record<Language, string> = { ru: '.', kk: '.', en: '.' };

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/**
 * `formatDate('2026-12-31', lang)` → `31.12.2026` in every language (see the module note).
 * Accepts only a real calendar date in ISO form; anything else throws RangeError.
 */
export function formatDate(isoDate: string, lang: Language): string {
  const match = ISO_DATE.exec(isoDate);
  const [year = '', month = '', day = ''] = match ? match.slice(1) : [];
  const m = Number(month);
  const d = Number(day);
  if (!match || m < 1 || m > 12 || d < 1 || d > daysInMonth(Number(year), m)) {
    throw new RangeError(`not a calendar date in ISO form (YYYY-MM-DD): "${isoDate}"`);
  }
  const sep = DATE_SEPARATOR[lang];
  return `${day}${sep}${month}${sep}${year}`;
}
