import { describe, expect, it } from 'vitest';
import { formatLoadIssue, loadRates, type RateFile } from '../../../src/core/rates/load';
import { fixtureFiles, jurisdiction, kzSeries, schedule } from '../engine/fixture';

const base = () => fixtureFiles().filter((f) => f.file === 'kz/jurisdiction.json' || f.file.startsWith('series/'));
const row = (id: string, when: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id, when, coefficient: '1', source: ['off'], confidence: 'high', ...extra });
const errorsOf = (files: RateFile[]) => loadRates(files).errors.map(formatLoadIssue);

describe('rate data validation', () => {
  it('schema errors name the file and the JSON path', () => {
    const errs = errorsOf([...base(), { file: 'kz/bad.json', data: schedule({ base: { amount: '1', source: ['off'], confidence: 'high' }, rows: [row('a', { engineCc: { gt: 1, gte: 2 } })] }) }]);
    expect(errs).toEqual(['kz/bad.json: rows.0.when.engineCc: give gt or gte, not both']);
    expect(errorsOf([...base(), { file: 'kz/x.json', data: schedule({ extra: 1, rows: [row('a', {})] }) }])[0]).toMatch(/^kz\/x\.json: .*extra/);
  });

  it('overlapping rows in one schedule name both rows', () => {
    const errs = errorsOf([...base(), { file: 'kz/o.json', data: schedule({ base: { amount: '1', source: ['off'], confidence: 'high' }, rows: [
      row('a', { category: ['M1'], engineCc: { lte: 2000 } }),
      row('b', { category: ['M1', 'N1'], engineCc: { gte: 2000 } }),
      row('c', { category: ['M1'], engineCc: { gt: 2000 }, propulsion: ['electric'] }),
    ] }) }]);
    expect(errs).toHaveLength(2);
    expect(errs[0]).toBe('kz/o.json: rows.1: rows a and b can both match one vehicle (their conditions overlap)');
    expect(errs[1]).toContain('rows b and c');
  });

  it('power bands in hp and kW are compared in one unit', () => {
    const errs = errorsOf([...base(), { file: 'kz/p.json', data: schedule({ base: { amount: '1', source: ['off'], confidence: 'high' }, rows: [
      row('kw', { powerKw: { lte: 117.68 } }),
      row('hp', { powerHp: { gt: 160 } }),
    ] }) }]);
    expect(errs).toEqual([]);
  });

  it('gaps in a contiguous dimension', () => {
    const errs = errorsOf([...base(), { file: 'kz/g.json', data: schedule({ base: { amount: '1', source: ['off'], confidence: 'high' }, contiguous: ['engineCc'], rows: [
      row('a', { category: ['M1'], engineCc: { lte: 1000 } }),
      row('b', { category: ['M1'], engineCc: { gte: 1001, lte: 2000 } }),
      row('c', { category: ['M1'], engineCc: { gt: 2000 } }),
      row('n', { category: ['N1'], engineCc: { lt: 500 } }),
      row('m', { category: ['N1'], engineCc: { gte: 500 } }),
    ] }) }]);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^kz\/g\.json: rows\.1\.when\.engineCc: gap between rows a .* and b/);
  });

  it('two in-force schedules of one kind overlapping in dates with intersecting rows', () => {
    const a = schedule({ id: 'KZ-A', effectiveTo: '2025-12-31', base: { amount: '1', source: ['off'], confidence: 'high' }, rows: [row('x', { category: ['M1'] })] });
    const b = schedule({ id: 'KZ-B', effectiveFrom: '2025-12-31', base: { amount: '1', source: ['off'], confidence: 'high' }, rows: [row('y', { category: ['M1', 'M2'] })] });
    const errs = errorsOf([...base(), { file: 'kz/a.json', data: a }, { file: 'kz/b.json', data: b }]);
    expect(errs).toHaveLength(1);
    expect(errs[0]).toContain('kz/b.json: rows.0: in-force standard schedules KZ-A (kz/a.json) and KZ-B overlap in dates');
    // the day after: no overlap
    expect(errorsOf([...base(), { file: 'kz/a.json', data: a }, { file: 'kz/b.json', data: { ...b, effectiveFrom: '2026-01-01' } }])).toEqual([]);
    // opt-in against in-force is expected; two opt-ins are checked like two in-force ones
    const c = { ...b, id: 'KZ-C', status: 'draft' };
    expect(errorsOf([...base(), { file: 'kz/a.json', data: a }, { file: 'kz/c.json', data: c }])).toEqual([]);
    const errs2 = errorsOf([...base(), { file: 'kz/c.json', data: c }, { file: 'kz/d.json', data: { ...c, id: 'KZ-D' } }]);
    expect(errs2[0]).toContain('opt-in standard schedules KZ-C');
  });

  it('unknown source keys, missing series, missing base, overlapping series values', () => {
    const errs = errorsOf([
      ...base(),
      { file: 'kz/s.json', data: schedule({ rows: [row('a', { category: ['M1'] }, { source: ['nope'] }), row('b', { category: ['M2'] }, { base: { series: 'KZ-NONE', multiplier: '1' } })] }) },
      { file: 'series/KZ-BAD.json', data: { ...kzSeries, id: 'KZ-BAD', values: [kzSeries.values[0], { ...kzSeries.values[1], from: '2025-12-31' }] } },
    ]);
    expect(errs).toEqual(expect.arrayContaining([
      'kz/s.json: rows.0.source.0: unknown source key "nope" (not in this file\'s sources)',
      'kz/s.json: rows.0.coefficient: row a has a coefficient but neither the row nor the schedule gives a base',
      'kz/s.json: rows.1.base.series: series KZ-NONE does not exist',
      'series/KZ-BAD.json: values.1: values 0 (2025-01-01…2025-12-31) and 1 (2025-12-31…open) overlap in time',
    ]));
  });

  it('a schedule needs its jurisdiction, and age bounds are whole years', () => {
    const errs = errorsOf([{ file: 'ru/r.json', data: schedule({ id: 'RU-X', jurisdiction: 'RU', currency: 'RUB', base: { amount: '1', source: ['off'], confidence: 'high' }, rows: [row('a', { ageYears: { lte: 3.5 } })] }) }]);
    expect(errs).toEqual(['ru/r.json: jurisdiction: no jurisdiction.json loaded for RU', 'ru/r.json: rows.0.when.ageYears: age bounds must be whole years, got 3.5']);
    expect(errorsOf([{ file: 'ru/jurisdiction.json', data: jurisdiction('RU') }])).toEqual([]);
  });
});
