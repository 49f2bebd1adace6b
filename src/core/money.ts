/**
 * The one money module. Amounts are decimal.js values behind a `Money` type; there is one
 * rounding site (`roundFee`) and one rule per currency.
 *
 * Rounding rule: KZT, RUB and BYN all round half up (away from zero) to 2 decimals. The fee
 * formulas are base × coefficient; the KZ operator computes round(MRP × 50 × k, 2), Russian
 * customs charges whole roubles that the formula already yields, and Belarusian payment
 * documents carry kopecks computed by ordinary arithmetic rounding (0.005 → 0.01). Half-up is
 * the arithmetic rounding all three use; banker's rounding would change BY amounts ending in 5.
 *
 * A dedicated Decimal clone carries the configuration, so nothing else in the process (or a
 * library that also uses decimal.js) sees a changed global.
 */
import Decimal from 'decimal.js';
import type { Currency } from './rates/schema';

export const Dec = Decimal.clone({ precision: 50, rounding: Decimal.ROUND_HALF_UP, toExpNeg: -30, toExpPos: 40 });
export type Dec = InstanceType<typeof Dec>;

interface CurrencyRule {
  decimals: number;
  rounding: Decimal.Rounding;
}

const CURRENCY_RULES: Record<Currency, CurrencyRule> = {
  KZT: { decimals: 2, rounding: Decimal.ROUND_HALF_UP },
  RUB: { decimals: 2, rounding: Decimal.ROUND_HALF_UP },
  BYN: { decimals: 2, rounding: Decimal.ROUND_HALF_UP },
};

const DECIMAL_TEXT = /^-?\d+(\.\d+)?$/;

export interface Money {
  readonly amount: Dec;
  readonly currency: Currency;
}

/** A decimal from a data-file string. Throws on anything but a plain decimal string: no floats. */
export function decimal(text: string): Dec {
  if (typeof text !== 'string' || !DECIMAL_TEXT.test(text)) {
    throw new TypeError(`not a decimal string: ${String(text)}`);
  }
  return new Dec(text);
}

/** Exact product of decimal strings or decimals (no rounding: precision 50 digits). */
export function multiply(a: string | Dec, b: string | Dec): Dec {
  return (typeof a === 'string' ? decimal(a) : a).times(typeof b === 'string' ? decimal(b) : b);
}

/** The single rounding site: the currency's rule applied once, to the final amount. */
export function roundFee(amount: string | Dec, currency: Currency): Money {
  const rule = CURRENCY_RULES[currency];
  const value = typeof amount === 'string' ? decimal(amount) : amount;
  return { amount: value.toDecimalPlaces(rule.decimals, rule.rounding), currency };
}

/** The wire format: a decimal string with exactly the currency's decimals ("756875.00"). */
export function formatMoney(money: Money): string {
  return money.amount.toFixed(CURRENCY_RULES[money.currency].decimals, CURRENCY_RULES[money.currency].rounding);
}

/** A plain decimal string without exponent or trailing zeros ("216250", "3.5"). */
export function formatDecimal(value: Dec): string {
  return value.toFixed();
}

const TWO_DECIMALS = /^(-?)(\d{1,13})\.(\d\d)$/;

/**
 * An amount in minor units (tiyn, kopecks, kapeiki) as an integer, for the totals columns: the
 * wire format's "756875.00" → 75687500. Exact: a wire amount has exactly two decimals and is read
 * digit by digit (an import converts 100,000 of them; decimal.js took half a microsecond each);
 * anything else goes through decimal.js.
 */
export function minorUnits(amount: string): number {
  const m = TWO_DECIMALS.exec(amount);
  if (m) {
    const minor = Number(m[2]) * 100 + Number(m[3]);
    return m[1] === '-' && minor !== 0 ? -minor : minor;
  }
  return decimal(amount).times(100).toNumber();
}

export function isZero(money: Money): boolean {
  return money.amount.isZero();
}

/** Compare two decimal strings numerically ("756875.00" equals "756875"). */
export function sameAmount(a: string, b: string): boolean {
  return decimal(a).eq(decimal(b));
}
