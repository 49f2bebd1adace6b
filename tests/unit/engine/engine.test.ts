import { describe, expect, it } from 'vitest';
import { compare, compute, explain, loadRates, standardScenarios } from '../../../src/core/engine';
import type { ComputeOk, ComputeResult } from '../../../src/core/vehicle';
import { fixtureFiles } from './fixture';

const { bundle, errors } = loadRates(fixtureFiles());
const kzCar = { id: 'r1', country: 'KZ', date: '2026-03-01', category: 'M1', propulsion: 'ice', engineCc: 1598, importer: 'company' };
const ok = (r: ComputeResult | undefined): ComputeOk => {
  if (!r?.ok) throw new Error(`expected ok, got ${JSON.stringify(r)}`);
  return r;
};
const codes = (notes: { code: string }[]) => notes.map((n) => n.code);
const one = (v: Record<string, unknown>, options = {}) => compute([v], bundle, options)[0]!;

describe('engine on the fixture bundle', () => {
  it('the fixture loads cleanly', () => expect(errors).toEqual([]));

  it('base (series × multiplier) × coefficient, rounded once, with row label and basis', () => {
    const r = ok(one(kzCar));
    expect(r).toMatchObject({ id: 'r1', fee: '192500.00', currency: 'KZT', schedule: 'KZ-STD', rowId: '1001-2000', baseRate: '55000', coefficient: '3.5', ageYears: null, status: 'in-force' });
    expect(r.row).toBe('M1, combustion engine/hybrid, 1001–2000 cm³');
    expect(r.basis).toContain('Test act');
    expect(r.confidence).toBe('medium'); // the 2026 index value is medium
    expect(r.sources.map((s) => s.key)).toContain('off');
  });

  it('labels rows in the requested language', () => {
    expect(ok(one(kzCar, { language: 'ru' })).row).toBe('M1, ДВС/гибрид, 1001–2000 см³');
  });

  it('the series value is taken on the rule date', () => {
    expect(ok(one({ ...kzCar, date: '2025-12-31' })).fee).toBe('175000.00');
  });

  it('a zero row is ok with fee 0.00 and its reason as basis', () => {
    const r = ok(one({ ...kzCar, propulsion: 'electric', engineCc: undefined }));
    expect(r.fee).toBe('0.00');
    expect(r.basis).toBe('Electric vehicles pay nothing');
  });

  it('rounds a fixed amount half up', () => {
    expect(ok(one({ country: 'RU', date: '2026-03-01', category: 'M2', propulsion: 'ice', engineCc: 5000, importer: 'company' })).fee).toBe('2.68');
  });

  it('an exemption beats the standard table; an inapplicable claim warns', () => {
    expect(ok(one({ ...kzCar, exemption: 'diplomatic' })).schedule).toBe('KZ-EX');
    const r = ok(one({ country: 'RU', date: '2026-03-01', category: 'M1', propulsion: 'ice', engineCc: 1500, powerKw: 100, productionDate: '2020-01-01', importer: 'company', exemption: 'diplomatic' }));
    expect(codes(r.warnings)).toContain('exemption-not-applicable');
  });

  it('unknown exemption or machine type code → unknown-code', () => {
    const r = one({ ...kzCar, exemption: 'royal' });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toMatchObject([{ field: 'exemption', code: 'unknown-code' }]);
    const s = one({ ...kzCar, category: 'special', machineType: 'crane' });
    if (!s.ok) expect(s.errors.map((e) => e.field)).toEqual(['machineType']);
  });

  it('opt-in schedules: off → warning with the other fee; on → applied with an assumption', () => {
    const v = { ...kzCar, date: '2026-06-01', dispatchCountry: 'RU' };
    const off = ok(one(v));
    expect(off.schedule).toBe('KZ-STD');
    const w = off.warnings.find((n) => n.code === 'unconfirmed-schedule-available');
    expect(w?.message).toContain('5500000.00');
    expect(codes(off.warnings)).toContain('kz-test-notice');
    const on = ok(one(v, { applyUnconfirmed: ['KZ-RB'] }));
    expect(on).toMatchObject({ schedule: 'KZ-RB', fee: '5500000.00', status: 'unconfirmed' });
    expect(codes(on.assumptions)).toContain('unconfirmed-schedule-applied');
    expect(codes(on.warnings)).toContain('secondary-source');
  });

  it('row warnings: low confidence, derived, near a band edge', () => {
    const r = ok(one({ ...kzCar, engineCc: 2010 }));
    expect(codes(r.warnings)).toEqual(expect.arrayContaining(['low-confidence', 'derived-rate', 'near-band-edge']));
  });

  const ru = { country: 'RU', date: '2026-03-01', category: 'M1', propulsion: 'ice', engineCc: 1998, importer: 'individual', personalUse: true };

  it('personal use: preferential row with age; third birthday still ≤ 3 years', () => {
    const r = ok(one({ ...ru, powerHp: 150, productionDate: '2023-03-01' }));
    expect(r).toMatchObject({ schedule: 'RU-PERS', rowId: 'ice-le3', fee: '3400.00', ageYears: 3 });
    expect(codes(r.assumptions)).toContain('power-converted');
    expect(ok(one({ ...ru, powerHp: 150, productionDate: '2023-02-28' }))).toMatchObject({ rowId: 'ice-gt3', ageYears: 3 });
  });

  it('personal use refused: names the failing condition', () => {
    const r = ok(one({ ...ru, powerHp: 180, productionDate: '2024-01-10' }));
    expect(r.schedule).toBe('RU-STD');
    const w = r.warnings.find((n) => n.code === 'personal-use-not-applicable');
    expect(w?.message).toContain('180 hp');
    expect(w?.message).toContain('exceeds 117.68 kW (160 hp)');
  });

  it('partial production date follows the jurisdiction rule (RU: 1 July)', () => {
    const r = ok(one({ ...ru, powerHp: 150, productionDate: '2023' }));
    expect(r).toMatchObject({ rowId: 'ice-le3', ageYears: 2 });
    expect(r.assumptions.find((a) => a.code === 'production-day-assumed')?.message).toContain('2023-07-01');
  });

  it('EV: 30-minute power estimated from peak with the data factor', () => {
    const r = ok(one({ ...ru, propulsion: 'electric', engineCc: undefined, powerKw: 120, productionDate: '2025-01-01' }));
    expect(r).toMatchObject({ rowId: 'ev-le3', fee: '3400.00' });
    expect(r.assumptions.find((a) => a.code === 'thirty-minute-power-estimated')?.message).toContain('54');
    // before the estimate rule starts, the 30-minute power is required
    const before = one({ ...ru, date: '2026-01-15', propulsion: 'electric', engineCc: undefined, powerKw: 120, productionDate: '2025-01-01' });
    expect(before.ok).toBe(false);
    if (!before.ok) expect(before.errors).toMatchObject([{ field: 'electricPower30minKw', code: 'required' }]);
  });

  it('a value the rate depends on is missing → required, never a fall-through', () => {
    const r = one({ ...ru, powerHp: 150 });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors).toMatchObject([{ field: 'productionDate', code: 'required' }]);
  });

  it('no rate → ok:false on category with a plain message', () => {
    const r = one({ country: 'RU', date: '2026-03-01', category: 'N3', propulsion: 'ice', engineCc: 12000, grossMassKg: 18000, importer: 'company' });
    expect(r).toMatchObject({ ok: false, errors: [{ field: 'category', code: 'no-rate' }] });
    if (!r.ok) expect(r.errors[0]!.message).toBe('No rate known for RU N3 (combustion engine, engine 12000 cm³, gross mass 18000 kg) on 2026-03-01 in the installed rate data');
    expect(one({ ...kzCar, date: '2019-01-01' })).toMatchObject({ ok: false, errors: [{ code: 'no-rate' }] });
  });

  it('validates every field and names the value', () => {
    const r = one({ id: 7, country: 'XX', date: '2026-02-30', category: 'M1', propulsion: 'ice', engineCc: 15.5, powerKw: -3, importer: 'company', offRoad: 'yes', vin: 'ABC' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.id).toBe('7');
    expect(r.errors.map((e) => e.field).sort()).toEqual(['country', 'date', 'engineCc', 'offRoad', 'powerKw', 'vin']);
    expect(r.errors.find((e) => e.field === 'date')!.message).toContain('2026-02-30');
    expect(r.errors.find((e) => e.field === 'powerKw')!.code).toBe('out-of-range');
  });

  it('required fields per category and propulsion', () => {
    const fields = (v: Record<string, unknown>) => {
      const r = one(v);
      return r.ok ? [] : r.errors.map((e) => e.field).sort();
    };
    expect(fields({ country: 'KZ', date: '2026-03-01', category: 'M1', importer: 'company' })).toEqual(['propulsion']);
    expect(fields({ country: 'KZ', date: '2026-03-01', category: 'M1', propulsion: 'hybrid', importer: 'company' })).toEqual(['engineCc']);
    expect(fields({ country: 'KZ', date: '2026-03-01', category: 'O4', importer: 'company' })).toEqual(['grossMassKg']);
    expect(fields({ country: 'KZ', date: '2026-03-01', category: 'special', importer: 'company' })).toEqual(['machineType']);
    expect(fields({ date: '2026-03-01', category: 'M1', propulsion: 'electric' })).toEqual(['country', 'importer']);
  });

  it('VIN: letters I, O, Q refused; a check digit mismatch only warns', () => {
    expect(one({ ...kzCar, vin: 'WVWZZZ1JZXW00000O' }).ok).toBe(false);
    const r = ok(one({ ...kzCar, vin: 'WVWZZZ1JZXW000001' }));
    expect(codes(r.warnings)).toContain('vin-check-digit');
    expect(codes(ok(one({ ...kzCar, vin: '1M8GDM9AXKP042788' })).warnings)).not.toContain('vin-check-digit');
  });

  it('unknown fields warn; the importer\'s descriptive columns do not', () => {
    const r = ok(one({ ...kzCar, make: 'Lada', engineCC: 1600 }));
    expect(r.warnings.filter((w) => w.code === 'unknown-field').map((w) => w.message)).toEqual(['Field engineCC is not part of the vehicle record and was ignored']);
  });

  it('hp and kW disagreeing by more than 1 % → power-mismatch', () => {
    expect(codes(ok(one({ ...kzCar, powerKw: 100, powerHp: 150 })).warnings)).toContain('power-mismatch');
    expect(codes(ok(one({ ...kzCar, powerKw: 110.33, powerHp: 150 })).warnings)).not.toContain('power-mismatch');
  });

  it('never throws: bad rows come back as results, in order', () => {
    const rs = compute([null, 5, [], kzCar, { country: 'KZ' }], bundle);
    expect(rs.map((r) => r.ok)).toEqual([false, false, false, true, false]);
  });

  it('an internal failure becomes an internal error on that row only', () => {
    const broken = loadRates(fixtureFiles()).bundle;
    broken.scheduleById.get('KZ-STD')!.rows[2]!.cond.test = () => {
      throw new Error('boom');
    };
    const rs = compute([kzCar, { ...kzCar, engineCc: 900 }], broken);
    expect(rs[0]).toMatchObject({ ok: false, errors: [{ code: 'internal' }] });
    expect(rs[1]!.ok).toBe(true);
  });

  it('explain gives sentences with the formula, in the asked language', () => {
    const input = { ...kzCar, date: '2026-06-01', dispatchCountry: 'RU' };
    const lines = explain(one(input), input, bundle, 'ru');
    expect(lines.join('\n')).toContain('55000 × 3.5 = 192500.00 KZT');
    expect(lines.join('\n')).toContain('Предупреждение');
    expect(lines.some((l) => l.includes('KZ-RB'))).toBe(true);
  });

  it('compare: personal use vs company, other countries, each opt-in schedule', () => {
    const v = { ...kzCar, date: '2026-06-01', dispatchCountry: 'RU' };
    const out = compare(v, standardScenarios(v, bundle), bundle);
    expect(out.map((s) => s.label)).toEqual(['as entered', 'individual, personal use', 'company', 'in RU on the same date', 'with KZ-RB (unconfirmed) applied']);
    expect(ok(out[4]!.result).fee).toBe('5500000.00');
  });
});
