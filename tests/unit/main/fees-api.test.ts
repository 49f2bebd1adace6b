import { describe, expect, it } from 'vitest';
import { createBackend } from '../../../src/main/backend';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir();
const quiet = { error: () => undefined };

const car = { country: 'KZ', date: '2026-06-01', category: 'M1', propulsion: 'ice', engineCc: 1598, importer: 'individual' };
const fromRussia = { ...car, dispatchCountry: 'RU' };

describe('fees through the API (real rate data, real database)', () => {
  it('computes a batch in order and keeps going past a bad row', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const response = await backend.registry.dispatch('fees.compute', { vehicles: [car, { ...car, engineCc: 'big' }, car], language: 'en' });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const results = response.value as { ok: boolean; fee?: string; errors?: { field: string }[] }[];
    expect(results.map((r) => r.ok)).toEqual([true, false, true]);
    expect(results[0]!.fee).toBe('756875.00'); // 50 × MRP 4 325 × 3.5, seed: lada.kz 2026
    expect(results[1]!.errors!.map((e) => e.field)).toContain('engineCc');
    backend.close();
  });

  it('applies the unconfirmed RU/BY measure only once the broker turns it on, and remembers the choice', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, mode: 'browser', logger: quiet });
    const listed = await backend.registry.dispatch('rates.list', { country: 'KZ', date: '2026-06-01' });
    expect(listed.ok).toBe(true);
    if (!listed.ok) return;
    const optIn = (listed.value as { id: string; status: string }[]).filter((s) => s.status !== 'in-force').map((s) => s.id);
    expect(optIn.length).toBeGreaterThan(0);

    const off = await backend.registry.dispatch('fees.compute', { vehicles: [fromRussia] });
    const offResult = (off as { ok: true; value: { fee: string; warnings: { code: string }[] }[] }).value[0]!;
    expect(offResult.fee).toBe('756875.00');
    expect(offResult.warnings.map((w) => w.code)).toContain('unconfirmed-schedule-available');

    expect(await backend.registry.dispatch('settings.save', { applyUnconfirmed: ['KZ-NOT-A-SCHEDULE'] })).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await backend.registry.dispatch('settings.save', { applyUnconfirmed: optIn })).toEqual({ ok: true, value: { applyUnconfirmed: optIn } });
    backend.close();

    const reopened = await createBackend({ dataDir: dir, mode: 'browser', logger: quiet });
    const on = await reopened.registry.dispatch('fees.compute', { vehicles: [fromRussia] });
    const onResult = (on as { ok: true; value: { fee: string; assumptions: { code: string }[] }[] }).value[0]!;
    expect(onResult.fee).not.toBe('756875.00');
    expect(onResult.assumptions.map((a) => a.code)).toContain('unconfirmed-schedule-applied');
    reopened.close();
  });

  it('explains a fee in sentences and compares scenarios', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const explained = await backend.registry.dispatch('fees.explain', { vehicle: car, language: 'ru' });
    expect(explained.ok).toBe(true);
    if (!explained.ok) return;
    const { sentences } = explained.value as { sentences: string[] };
    expect(sentences.join(' ')).toMatch(/216\s?250|216250/);
    const compared = await backend.registry.dispatch('fees.compare', { vehicle: car, language: 'en' });
    expect(compared.ok).toBe(true);
    if (!compared.ok) return;
    const labels = (compared.value as { label: string }[]).map((s) => s.label);
    expect(labels.length).toBeGreaterThanOrEqual(4);
    backend.close();
  });

  it('lists the known gaps of each country as gaps', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const response = await backend.registry.dispatch('rates.gaps', { language: 'en' });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const countries = new Set((response.value as { country: string }[]).map((g) => g.country));
    expect([...countries].sort()).toEqual(['BY', 'KZ', 'RU']);
    backend.close();
  });

  it('lists each country\'s exemption and machine-type codes from the rate data, with names', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const response = await backend.registry.dispatch('rates.codes', { country: 'RU', language: 'ru' });
    expect(response.ok).toBe(true);
    if (!response.ok) return;
    const { exemptions, machineTypes } = response.value as { exemptions: { code: string; title: string }[]; machineTypes: { code: string }[] };
    expect(exemptions.map((e) => e.code)).toEqual(expect.arrayContaining(['diplomatic', 'vintage']));
    expect(exemptions.every((e) => e.title.length > 0)).toBe(true);
    expect(machineTypes.map((m) => m.code)).toEqual(expect.arrayContaining(['grader', 'bulldozer']));
    backend.close();
  });

  it('refuses a batch larger than the contract allows without computing anything', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const response = await backend.registry.dispatch('fees.compute', { vehicles: new Array(100_001).fill(car) });
    expect(response).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    backend.close();
  });
});
