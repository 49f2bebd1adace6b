import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, formatNumber } from '../../src/core/format';

/** Writes U+00A0 visibly in expectations: `_` stands for the no-break space. */
const nb = (text: string) => text.replace(/_/g, '\u00a0');

describe('formatMoney', () => {
  it('prints the tenge after the amount with no-break spaces in ru and kk', () => {
    expect(formatMoney('756875', 'KZT', 'ru')).toBe(nb('756_875,00_₸'));
    expect(formatMoney('756875.00', 'KZT', 'kk')).toBe(nb('756_875,00_₸'));
  });

  it('uses comma groups and a decimal point in en, sign still after the amount', () => {
    expect(formatMoney('756875.00', 'KZT', 'en')).toBe(nb('756,875.00_₸'));
  });

  it('never emits a plain space or the ISO code', () => {
    const text = formatMoney('1234567.5', 'KZT', 'ru');
    expect(text).not.toContain(' ');
    expect(text).not.toContain('KZT');
  });

  it('knows the rouble and the Belarusian rouble', () => {
    expect(formatMoney('1500', 'RUB', 'ru')).toBe(nb('1_500,00_₽'));
    expect(formatMoney('1500', 'BYN', 'en')).toBe(nb('1,500.00_Br'));
  });

  it('rounds halves away from zero', () => {
    expect(formatMoney('0.005', 'KZT', 'ru')).toBe(nb('0,01_₸'));
    expect(formatMoney('2.345', 'KZT', 'en')).toBe(nb('2.35_₸'));
    expect(formatMoney('2.344999', 'KZT', 'en')).toBe(nb('2.34_₸'));
    expect(formatMoney('-0.005', 'KZT', 'ru')).toBe(nb('-0,01_₸'));
    expect(formatMoney('999.995', 'KZT', 'ru')).toBe(nb('1_000,00_₸'));
  });

  it('prints zero without a sign, also when a negative rounds to zero', () => {
    expect(formatMoney('0', 'KZT', 'ru')).toBe(nb('0,00_₸'));
    expect(formatMoney('-0', 'KZT', 'en')).toBe(nb('0.00_₸'));
    expect(formatMoney('-0.004', 'KZT', 'kk')).toBe(nb('0,00_₸'));
  });

  it('puts the minus before the digits in every language', () => {
    expect(formatMoney('-756875.5', 'KZT', 'ru')).toBe(nb('-756_875,50_₸'));
    expect(formatMoney('-756875.5', 'KZT', 'kk')).toBe(nb('-756_875,50_₸'));
    expect(formatMoney('-756875.5', 'KZT', 'en')).toBe(nb('-756,875.50_₸'));
  });

  it('keeps every digit of amounts beyond float precision', () => {
    expect(formatMoney('123456789012345678901.23', 'KZT', 'ru')).toBe(
      nb('123_456_789_012_345_678_901,23_₸'),
    );
    expect(formatMoney('9007199254740993.01', 'RUB', 'en')).toBe(
      nb('9,007,199,254,740,993.01_₽'),
    );
  });

  it('does not group below a thousand', () => {
    expect(formatMoney('999', 'KZT', 'ru')).toBe(nb('999,00_₸'));
    expect(formatMoney('1000', 'KZT', 'ru')).toBe(nb('1_000,00_₸'));
  });

  it('refuses text that is not a decimal amount', () => {
    for (const bad of ['', 'abc', '1,5', '1e5', ' 12', 'NaN', '12.']) {
      expect(() => formatMoney(bad, 'KZT', 'ru'), bad).toThrow(RangeError);
    }
  });
});

describe('formatNumber', () => {
  it('groups whole numbers per language', () => {
    expect(formatNumber(1598, 'ru')).toBe(nb('1_598'));
    expect(formatNumber(1598, 'kk')).toBe(nb('1_598'));
    expect(formatNumber(1598, 'en')).toBe('1,598');
    expect(formatNumber(0, 'en')).toBe('0');
  });

  it('keeps the given fraction digits unless told how many to show', () => {
    expect(formatNumber('3.5', 'ru')).toBe('3,5');
    expect(formatNumber('3.5', 'en')).toBe('3.5');
    expect(formatNumber('216250', 'kk')).toBe(nb('216_250'));
    expect(formatNumber('2.5', 'ru', 0)).toBe('3');
    expect(formatNumber('-2.5', 'en', 0)).toBe('-3');
    expect(formatNumber('0.7355', 'ru', 2)).toBe('0,74');
  });

  it('handles negative and large values', () => {
    expect(formatNumber(-1234567, 'ru')).toBe(nb('-1_234_567'));
    expect(formatNumber('-1234567.891', 'en')).toBe('-1,234,567.891');
  });

  it('refuses non-finite numbers', () => {
    expect(() => formatNumber(Number.NaN, 'ru')).toThrow(RangeError);
    expect(() => formatNumber(Number.POSITIVE_INFINITY, 'en')).toThrow(RangeError);
  });
});

describe('formatDate', () => {
  it('prints DD.MM.YYYY in every language', () => {
    expect(formatDate('2026-12-31', 'ru')).toBe('31.12.2026');
    expect(formatDate('2026-12-31', 'kk')).toBe('31.12.2026');
    expect(formatDate('2026-12-31', 'en')).toBe('31.12.2026');
    expect(formatDate('2026-03-01', 'ru')).toBe('01.03.2026');
  });

  it('accepts 29 February only in leap years', () => {
    expect(formatDate('2028-02-29', 'ru')).toBe('29.02.2028');
    expect(formatDate('2000-02-29', 'en')).toBe('29.02.2000');
    expect(() => formatDate('2026-02-29', 'ru')).toThrow(RangeError);
    expect(() => formatDate('2100-02-29', 'ru')).toThrow(RangeError);
  });

  it('refuses anything but a real ISO calendar date', () => {
    for (const bad of ['', '31.12.2026', '2026-13-01', '2026-04-31', '2026-00-10', '2026-1-5']) {
      expect(() => formatDate(bad, 'ru'), bad).toThrow(RangeError);
    }
  });
});
