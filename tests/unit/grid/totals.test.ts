import { describe, expect, it } from 'vitest';
import { summarise } from '../../../src/core/grid/totals';
import { matchesFilter, viewOrder } from '../../../src/core/grid/view';
import type { ComputeResult } from '../../../src/core/vehicle';

const ok = (fee: string, currency: 'KZT' | 'RUB', warnings = 0): ComputeResult => ({
  ok: true, fee, currency, schedule: 's', row: 'r', baseRate: null, coefficient: null, basis: 'b', confidence: 'high',
  ageYears: null, assumptions: [], warnings: Array.from({ length: warnings }, () => ({ code: 'w', message: 'w' })),
  rowId: 'r', status: 'in-force', sources: [],
});

describe('footer', () => {
  it('sums fees per currency as decimals, counts errors and warnings', () => {
    const s = summarise([ok('0.10', 'KZT'), ok('0.20', 'KZT', 1), ok('3400000.00', 'RUB'), { ok: false, errors: [] }, null]);
    expect(s).toEqual({ rows: 5, errors: 1, warnings: 1, totals: [{ currency: 'KZT', amount: '0.30' }, { currency: 'RUB', amount: '3400000.00' }] });
  });
});

describe('view order', () => {
  it('sorts stably with blanks last in both directions and filters', () => {
    const items = ['b', '', 'a', 'c', 'a'];
    expect(viewOrder(items, null, { valueOf: (s) => s, dir: 'asc' })).toEqual([2, 4, 0, 3, 1]);
    expect(viewOrder(items, null, { valueOf: (s) => s, dir: 'desc' })).toEqual([3, 0, 2, 4, 1]);
    expect(viewOrder(items, (s) => s !== 'a', null)).toEqual([0, 1, 3]);
    expect(matchesFilter('1\u00a0598', '1598')).toBe(true);
    expect(matchesFilter('M1', 'м1')).toBe(true);
  });
});
