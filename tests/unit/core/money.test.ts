import Decimal from 'decimal.js';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decimal, formatMoney, minorUnits, multiply, roundFee } from '../../../src/core/money';

const fee = (x: string, c: 'KZT' | 'RUB' | 'BYN' = 'BYN') => formatMoney(roundFee(x, c));

describe('money', () => {
  it('rounds half up to 2 decimals, on the decimal value (no binary float)', () => {
    expect(fee('0.005')).toBe('0.01');
    expect(fee('2.675')).toBe('2.68'); // a float would give 2.67
    expect(fee('1.125')).toBe('1.13'); // banker's rounding would give 1.12
    expect(fee('1.115', 'KZT')).toBe('1.12');
    expect(fee('0.0049', 'RUB')).toBe('0.00');
  });

  it('always two decimals', () => {
    expect(fee('756875', 'KZT')).toBe('756875.00');
    expect(fee('23575.9', 'BYN')).toBe('23575.90');
  });

  it('base × coefficient is exact before the one rounding', () => {
    expect(multiply('216250', '3.5').toFixed()).toBe('756875');
    expect(multiply('0.1', '0.2').toFixed()).toBe('0.02');
    expect(fee(multiply('544.5', '0.005').toFixed())).toBe('2.72');
  });

  it('does not change the global Decimal configuration', () => {
    expect(Decimal.rounding).toBe(Decimal.ROUND_HALF_UP);
    expect(Decimal.precision).toBe(20);
  });

  it('refuses numbers and malformed text', () => {
    expect(() => roundFee(1.5 as unknown as string, 'KZT')).toThrow();
    expect(() => roundFee('1e3', 'KZT')).toThrow();
  });
});

describe('minor units', () => {
  it('are the amount × 100 exactly, as decimal.js computes it, for every wire amount', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), (minor) => {
        const abs = minor < 0n ? -minor : minor;
        const text = `${minor < 0n ? '-' : ''}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
        expect(minorUnits(text)).toBe(decimal(text).times(100).toNumber() || 0);
        expect(minorUnits(text)).toBe(Number(minor));
      }),
      { seed: 20261204, numRuns: 2000 },
    );
  });

  it('reads other decimal strings through decimal.js and refuses what is not one', () => {
    expect(minorUnits('756875')).toBe(75687500);
    expect(minorUnits('0.5')).toBe(50);
    expect(minorUnits('12345678901234.50')).toBe(1234567890123450);
    expect(() => minorUnits('1e5')).toThrow(TypeError);
    expect(() => minorUnits('756 875,00')).toThrow(TypeError);
  });
});
