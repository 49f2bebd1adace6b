import { describe, expect, it } from 'vitest';
import type { CaseSummary, Client, VehicleRow } from '../../../src/core/api/contract';
import { useTempDir } from '../../helpers/tmp';
import { backendIn, call, kzCar } from './helpers';

const tempDir = useTempDir();
const ROWS = 10_000;

describe('a 10,000-row case', () => {
  it('is stored in one paste and listed whole, in order, with stored results', async () => {
    const b = await backendIn(tempDir());
    const client = await call<Client>(b, 'clients.save', { kind: 'company', name: 'ТОО Авто', country: 'KZ', taxId: '150540012348' });
    const kase = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' });
    const changes = Array.from({ length: ROWS }, (_, i) => ({ op: 'upsert', record: { ...kzCar, id: `r${i}`, engineCc: i % 100 === 0 ? 0 : 900 + (i % 3000) } }));
    await call(b, 'vehicles.apply', { caseId: kase.id, changes });

    const rows = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    expect(rows).toHaveLength(ROWS);
    expect(rows.map((r) => r.record.id)).toEqual(changes.map((c) => c.record.id));
    expect(rows.every((r) => r.result !== null)).toBe(true);
    expect(rows.filter((r) => r.result?.ok === false)).toHaveLength(ROWS / 100);
    const summary = await call<CaseSummary>(b, 'cases.get', { id: kase.id });
    expect(summary).toMatchObject({ vehicleCount: ROWS, errorCount: ROWS / 100 });
    expect(summary.totals).toHaveLength(1);
    b.close();
  });
});
