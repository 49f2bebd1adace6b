import { describe, expect, it } from 'vitest';
import { addYears, ageForBands, completedYears, inRange, parseIsoDate, resolveProductionDate, dayNumber } from '../../../src/core/dates';

const d = (s: string) => parseIsoDate(s)!;

describe('dates', () => {
  it('parses only real calendar dates', () => {
    expect(parseIsoDate('2026-02-30')).toBeNull();
    expect(parseIsoDate('2026-13-01')).toBeNull();
    expect(parseIsoDate('2026-1-01')).toBeNull();
    expect(parseIsoDate('2024-02-29')).toEqual({ y: 2024, m: 2, d: 29 });
    expect(parseIsoDate('2025-02-29')).toBeNull();
  });

  it('addYears: 29 February in a common year becomes 28 February', () => {
    expect(addYears(d('2024-02-29'), 1)).toEqual({ y: 2025, m: 2, d: 28 });
    expect(addYears(d('2024-02-29'), 4)).toEqual({ y: 2028, m: 2, d: 29 });
  });

  it('completed years count whole anniversaries', () => {
    expect(completedYears(d('2023-03-01'), d('2026-02-28'))).toBe(2);
    expect(completedYears(d('2023-03-01'), d('2026-03-01'))).toBe(3);
    expect(completedYears(d('2024-02-29'), d('2025-02-28'))).toBe(1);
    expect(completedYears(d('2024-02-29'), d('2025-02-27'))).toBe(0);
  });

  it('"not more than 3 years" holds on the third birthday, not the day after', () => {
    const within = (p: string, r: string) => ageForBands(d(p), d(r)).bandValue <= 3;
    expect(within('2023-03-01', '2026-03-01')).toBe(true);
    expect(within('2023-03-01', '2026-03-02')).toBe(false);
    expect(within('2023-03-01', '2026-02-28')).toBe(true);
    expect(ageForBands(d('2023-03-01'), d('2026-03-02'))).toEqual({ completed: 3, bandValue: 3.5 });
    // leap-day production: the third anniversary in a common year is 28 February
    expect(within('2020-02-29', '2023-02-28')).toBe(true);
    expect(within('2020-02-29', '2023-03-01')).toBe(false);
  });

  it('partial production dates follow the jurisdiction rule', () => {
    const ru = { yearOnly: '07-01', monthOnly: 'fifteenth' as const };
    const kz = { yearOnly: '01-01', monthOnly: 'last' as const };
    expect(resolveProductionDate('2023', ru)).toEqual({ date: d('2023-07-01'), assumed: true, precision: 'year' });
    expect(resolveProductionDate('2023', kz)!.date).toEqual(d('2023-01-01'));
    expect(resolveProductionDate('2024-02', kz)!.date).toEqual(d('2024-02-29'));
    expect(resolveProductionDate('2023-02', ru)!.date).toEqual(d('2023-02-15'));
    expect(resolveProductionDate('2023-05-04', ru)).toEqual({ date: d('2023-05-04'), assumed: false, precision: 'day' });
    expect(resolveProductionDate('2023-13', ru)).toBeNull();
    expect(resolveProductionDate('2023-02-30', ru)).toBeNull();
  });

  it('effectiveTo is inclusive; null is open-ended', () => {
    const from = dayNumber('2024-10-01')!;
    const to = dayNumber('2024-12-31')!;
    expect(inRange(dayNumber('2024-12-31')!, from, to)).toBe(true);
    expect(inRange(dayNumber('2025-01-01')!, from, to)).toBe(false);
    expect(inRange(dayNumber('2099-01-01')!, from, null)).toBe(true);
    expect(inRange(dayNumber('2024-09-30')!, from, null)).toBe(false);
  });
});
