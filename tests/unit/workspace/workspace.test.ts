import { describe, expect, it } from 'vitest';
import type { AuditEntry, CaseSummary, Client, VehicleRow } from '../../../src/core/api/contract';
import type { Backend } from '../../../src/main/backend';
import { useTempDir } from '../../helpers/tmp';
import { backendIn, call, callError, KZ_IIN, kzCar } from './helpers';

const tempDir = useTempDir();
const ruCar = { country: 'RU', category: 'M1', propulsion: 'ice', engineCc: 1598, powerHp: 106, productionDate: '2024-01-01', personalUse: true };

type Applied = { rows: VehicleRow[]; deleted: number[] };

async function clientAndCase(b: Backend, caseArgs: Record<string, unknown> = {}): Promise<{ client: Client; kase: CaseSummary }> {
  const client = await call<Client>(b, 'clients.save', { kind: 'individual', name: 'Иванов Иван', country: 'KZ', taxId: KZ_IIN, phone: '+7 701 000 00 00' });
  const kase = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', reference: 'ДТ 123', ...caseArgs });
  return { client, kase };
}

const upsert = (record: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ op: 'upsert', record, ...extra });

describe('clients', () => {
  it('refuses a wrong ИИН with an invalid-tax-id issue and accepts a right one, stored without spaces', async () => {
    const b = await backendIn(tempDir());
    const error = await callError(b, 'clients.save', { kind: 'individual', name: 'Иванов', country: 'KZ', taxId: '900101300008' });
    expect(error.code).toBe('invalid-argument');
    expect(error.issues).toEqual([expect.objectContaining({ field: 'taxId', code: 'invalid-tax-id' })]);
    expect((await call<{ total: number }>(b, 'clients.list', {})).total).toBe(0);

    const saved = await call<Client>(b, 'clients.save', { kind: 'individual', name: 'Иванов', country: 'KZ', taxId: '900 101 300 007' });
    expect(saved).toMatchObject({ kind: 'individual', taxId: '900101300007', phone: '', email: '' });
    expect(await call(b, 'clients.get', { id: saved.id })).toEqual(saved);
    const edited = await call<Client>(b, 'clients.save', { id: saved.id, kind: 'individual', name: 'Иванов И.', country: 'KZ', taxId: KZ_IIN, email: 'i@example.kz' });
    expect(edited).toMatchObject({ id: saved.id, name: 'Иванов И.', email: 'i@example.kz', createdAt: saved.createdAt });
    expect((await call<{ items: Client[] }>(b, 'clients.list', { search: 'иванов' })).items.map((c) => c.id)).toEqual([saved.id]);
    expect(await callError(b, 'clients.get', { id: 999 })).toMatchObject({ code: 'not-found' });
    b.close();
  });
});

describe('cases and vehicles', () => {
  it('numbers cases per year and fills importer from the client', async () => {
    const b = await backendIn(tempDir());
    const { client, kase } = await clientAndCase(b);
    expect(kase).toMatchObject({ number: `${new Date().getUTCFullYear()}-0001`, status: 'draft', archived: false, importer: 'individual', vehicleCount: 0, totals: [] });
    const second = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'RU', ruleDate: '2026-06-01' });
    expect(second.number).toBe(`${new Date().getUTCFullYear()}-0002`);
    expect(await callError(b, 'cases.create', { clientId: 999, country: 'KZ', ruleDate: '2026-06-01' })).toMatchObject({ code: 'not-found' });
    expect(await callError(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-02-30' })).toMatchObject({ code: 'invalid-argument' });
    const found = await call<{ items: CaseSummary[] }>(b, 'cases.list', { search: 'дт 1' });
    expect(found.items.map((c) => c.id)).toEqual([kase.id]);
    b.close();
  });

  it('stores 50 upserts in one call, invalid vehicles as drafts with their errors', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    const changes = Array.from({ length: 50 }, (_, i) => upsert(i % 5 === 0 ? { ...kzCar, engineCc: 'big', vin: `XTA0000000000${String(i).padStart(4, '0')}` } : { ...kzCar, id: `row-${i}` }));
    const applied = await call<Applied>(b, 'vehicles.apply', { caseId: kase.id, changes });
    expect(applied.rows).toHaveLength(50);
    expect(applied.rows.map((r) => r.position)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    const bad = applied.rows.filter((r) => r.result?.ok === false);
    expect(bad).toHaveLength(10);
    expect(bad[0]!.result).toMatchObject({ ok: false, errors: [expect.objectContaining({ field: 'engineCc' })] });
    expect(applied.rows[1]!.result).toMatchObject({ ok: true, fee: '756875.00', currency: 'KZT' });
    // make/model are for people: the engine does not see them, so no unknown-field warning
    expect(JSON.stringify(applied.rows[1]!.result)).not.toContain('unknown-field');

    const summary = await call<CaseSummary>(b, 'cases.get', { id: kase.id });
    expect(summary).toMatchObject({ vehicleCount: 50, errorCount: 10, totals: [{ currency: 'KZT', amount: '30275000.00' }] }); // 40 × 756 875
    const listed = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    expect(listed).toEqual(applied.rows);
    expect((await call<{ items: CaseSummary[] }>(b, 'cases.list', { search: '0045' })).items.map((c) => c.id)).toEqual([kase.id]); // part of a VIN
    b.close();
  });

  it('refuses a change set with one bad change whole, naming the change, and keeps every stored row', async () => {
    const b = await backendIn(tempDir());
    const { client, kase } = await clientAndCase(b);
    const other = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' });
    const foreign = (await call<Applied>(b, 'vehicles.apply', { caseId: other.id, changes: [upsert(kzCar)] })).rows[0]!;
    const stored = (await call<Applied>(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(kzCar), upsert(kzCar)] })).rows;
    const before = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    const auditBefore = (await call<{ total: number }>(b, 'audit.list', { caseId: kase.id })).total;

    const fromOtherCase = await callError(b, 'vehicles.apply', {
      caseId: kase.id,
      changes: [upsert({ ...kzCar, engineCc: 2500 }, { id: stored[0]!.id }), { op: 'delete', id: stored[1]!.id }, upsert(kzCar), upsert(kzCar, { id: foreign.id })],
    });
    expect(fromOtherCase).toMatchObject({ code: 'invalid-argument', issues: [{ field: 'changes.3.id', code: 'not-in-case' }] });

    const tooLong = await callError(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'delete', id: stored[1]!.id }, upsert({ ...kzCar, model: 'x'.repeat(201) })] });
    expect(tooLong.code).toBe('invalid-argument');
    expect(tooLong.issues).toEqual([expect.objectContaining({ field: 'changes.1.record.model', code: 'too_big' })]);

    const deletedTwice = await callError(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'delete', id: stored[1]!.id }, { op: 'delete', id: stored[1]!.id }] });
    expect(deletedTwice.issues).toEqual([expect.objectContaining({ field: 'changes.1.id', code: 'deleted' })]);

    expect(await call(b, 'vehicles.list', { caseId: kase.id })).toEqual(before);
    expect((await call<{ total: number }>(b, 'audit.list', { caseId: kase.id })).total).toBe(auditBefore);
    expect((await call<VehicleRow[]>(b, 'vehicles.list', { caseId: other.id })).map((r) => r.id)).toEqual([foreign.id]);
    expect(await callError(b, 'vehicles.apply', { caseId: kase.id, changes: Array.from({ length: 20_001 }, () => upsert({})) })).toMatchObject({ code: 'invalid-argument' });
    b.close();
  });

  it('totals each currency separately, exactly', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    await call<Applied>(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(kzCar), upsert(kzCar), upsert(ruCar), upsert({ ...ruCar, country: 'BY', powerHp: undefined })] });
    const summary = await call<CaseSummary>(b, 'cases.get', { id: kase.id });
    expect(summary.totals).toEqual([
      { currency: 'BYN', amount: '544.50' },
      { currency: 'KZT', amount: '1513750.00' },
      { currency: 'RUB', amount: '3400.00' },
    ]);
    expect(summary).toMatchObject({ vehicleCount: 4, errorCount: 0 });
    b.close();
  });

  it('deletes rows, inserts between rows by position, and moves a row', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    const [a, c, d] = (await call<Applied>(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert({ ...kzCar, id: 'a' }), upsert({ ...kzCar, id: 'c' }), upsert({ ...kzCar, id: 'd' })] })).rows;
    const result = await call<Applied>(b, 'vehicles.apply', {
      caseId: kase.id,
      changes: [{ op: 'delete', id: d!.id }, upsert({ ...kzCar, id: 'b' }, { position: 1.5 }), upsert({ ...kzCar, id: 'a' }, { id: a!.id, position: 10 })],
    });
    expect(result.deleted).toEqual([d!.id]);
    const order = (await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id })).map((r) => r.record.id);
    expect(order).toEqual(['b', 'c', 'a']);
    expect(c).toBeDefined();
    expect((await call<CaseSummary>(b, 'cases.get', { id: kase.id })).vehicleCount).toBe(3);
    b.close();
  });

  it('duplicates a case: new number, draft, rows copied; the original is untouched', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(kzCar), upsert({ ...kzCar, engineCc: 'big' })] });
    await call(b, 'cases.update', { id: kase.id, status: 'issued' });
    const copy = await call<CaseSummary>(b, 'cases.duplicate', { id: kase.id });
    expect(copy.id).not.toBe(kase.id);
    expect(copy.number).not.toBe(kase.number);
    expect(copy).toMatchObject({ status: 'draft', archived: false, clientId: kase.clientId, ruleDate: kase.ruleDate, vehicleCount: 2, errorCount: 1, totals: [{ currency: 'KZT', amount: '756875.00' }] });
    const original = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    const copied = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: copy.id });
    expect(copied.map((r) => r.record)).toEqual(original.map((r) => r.record));
    expect(copied.every((r, i) => r.id !== original[i]!.id && r.caseId === copy.id)).toBe(true);
    expect((await call<CaseSummary>(b, 'cases.get', { id: kase.id })).status).toBe('issued');
    b.close();
  });

  it('recomputes every row when the case rule date changes, and a row’s own date wins', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(kzCar), upsert({ ...kzCar, date: '2026-06-01' })] });
    const updated = await call<CaseSummary>(b, 'cases.update', { id: kase.id, ruleDate: '2023-06-01' });
    expect(updated.ruleDate).toBe('2023-06-01');
    const rows = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    expect(rows.map((r) => (r.result?.ok ? r.result.fee : null))).toEqual(['603750.00', '756875.00']);
    expect(updated.totals).toEqual([{ currency: 'KZT', amount: '1360625.00' }]);
    expect(await call(b, 'vehicles.recompute', { caseId: kase.id })).toEqual({ count: 2 });
    b.close();
  });

  it('writes who, when and what to the audit log, old → new per field', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    const row = (await call<Applied>(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(kzCar)] })).rows[0]!;
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert({ ...kzCar, engineCc: 2500, colour: 'white' }, { id: row.id })] });
    await call(b, 'cases.update', { id: kase.id, ruleDate: '2023-06-01', reference: 'ДТ 456' });
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'delete', id: row.id }] });
    const { items } = await call<{ items: AuditEntry[] }>(b, 'audit.list', { caseId: kase.id, limit: 1000 });
    const find = (action: string, field: string) => items.filter((e) => e.action === action && e.field === field).map((e) => [e.oldValue, e.newValue]);
    expect(items.every((e) => e.actor === 'broker' && /Z$/.test(e.at) && e.caseId === kase.id)).toBe(true);
    expect(find('case.create', 'ruleDate')).toEqual([[null, '2026-06-01']]);
    expect(find('vehicle.add', 'engineCc')).toEqual([[null, '1598']]);
    expect(find('vehicle.update', 'engineCc')).toEqual([['1598', '2500']]);
    expect(find('vehicle.update', 'colour')).toEqual([[null, 'white']]);
    expect(find('case.update', 'ruleDate')).toEqual([['2026-06-01', '2023-06-01']]);
    expect(find('case.update', 'reference')).toEqual([['ДТ 123', 'ДТ 456']]);
    expect(find('vehicle.delete', 'engineCc')).toEqual([['2500', null]]);
    const fees = find('vehicle.fee', 'fee');
    expect(fees[fees.length - 1]).toEqual([null, '756875.00 KZT']); // newest first: the add is last
    expect(fees.length).toBe(2); // add, engine size change: edits of the row itself
    expect(find('case.recompute', 'totals')).toEqual([['1081250.00 KZT; 0 errors', '862500.00 KZT; 0 errors']]); // 50 MRP × 5 for 2.5 L: MRP 4 325 (2026) → 3 450 (2023)
    expect(items.filter((e) => e.vehicleId === row.id).length).toBeGreaterThan(5);
    b.close();
  });

  it('archives and un-archives; the list hides archived cases unless asked', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    expect((await call<CaseSummary>(b, 'cases.archive', { id: kase.id, archived: true })).archived).toBe(true);
    expect((await call<{ total: number }>(b, 'cases.list', {})).total).toBe(0);
    expect((await call<{ total: number }>(b, 'cases.list', { archived: true })).total).toBe(1);
    expect((await call<CaseSummary>(b, 'cases.archive', { id: kase.id, archived: false })).archived).toBe(false);
    b.close();
  });
});

describe('client history', () => {
  it('warns when an individual imports for personal use more than once within twelve months', async () => {
    const b = await backendIn(tempDir());
    const { client, kase } = await clientAndCase(b, { ruleDate: '2025-03-01', personalUse: true });
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(kzCar)] });
    expect((await call<{ warnings: unknown[] }>(b, 'clients.history', { id: client.id })).warnings).toEqual([]);

    const second = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-02-27', personalUse: true });
    await call(b, 'vehicles.apply', { caseId: second.id, changes: [upsert(kzCar)] });
    const far = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2028-01-01', personalUse: true });
    await call(b, 'vehicles.apply', { caseId: far.id, changes: [upsert(kzCar)] });
    const commercial = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-01-01' });
    await call(b, 'vehicles.apply', { caseId: commercial.id, changes: [upsert(kzCar)] });

    const history = await call<{ cases: CaseSummary[]; warnings: { code: string; message: string; caseIds: number[] }[] }>(b, 'clients.history', { id: client.id });
    expect(history.cases.map((c) => c.id)).toEqual([far.id, second.id, commercial.id, kase.id]);
    expect(history.warnings).toEqual([{ code: 'repeat-personal-import', message: expect.stringContaining('2025-03-01') as string, caseIds: [kase.id, second.id] }]);

    // a year and a day apart is not within twelve months
    await call(b, 'cases.update', { id: second.id, ruleDate: '2026-03-01' });
    expect((await call<{ warnings: unknown[] }>(b, 'clients.history', { id: client.id })).warnings).toEqual([]);
    b.close();
  });
});

describe('stored results', () => {
  it('are listed exactly as the engine returned them (same keys, same order, sources included), whole or in parts', async () => {
    const { joinResult } = await import('../../../src/core/api/resultParts');
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b, { importer: 'company' });
    const records: Record<string, unknown>[] = [{ ...kzCar, id: 'a' }, { ...kzCar, id: 'b', engineCc: 2500 }, { category: 'M1', propulsion: 'electric', powerKw: 100 }, { category: 'M1', propulsion: 'ice', engineCc: 'big' }];
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: records.map((r) => upsert(r)) });
    const inputs = records.map(({ make: _m, model: _n, ...r }) => ({ ...r, country: 'KZ', date: '2026-06-01', importer: 'company' }));
    const engine = JSON.stringify(await call<unknown[]>(b, 'fees.compute', { vehicles: inputs }));
    const listed = async () => JSON.stringify((await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id })).map((r) => r.result));
    expect(await listed()).toBe(engine);
    await call(b, 'vehicles.recompute', { caseId: kase.id });
    expect(await listed()).toBe(engine);

    const compact = await call<{ rows: (Omit<VehicleRow, 'result'> & { result: never; part: number | null })[]; parts: never[] }>(b, 'vehicles.listCompact', { caseId: kase.id });
    expect(compact.parts.length).toBeLessThan(records.length);
    expect(JSON.stringify(compact.rows.map((r) => joinResult(r.result, r.part === null ? null : compact.parts[r.part]!)))).toBe(engine);

    // the renderer's reply check accepts this reply and refuses one of another shape
    const { contract } = await import('../../../src/core/api/contract');
    const check = (value: unknown) => contract['vehicles.listCompact'].result.safeParse(value).success;
    expect(check(compact)).toBe(true);
    expect(check({ ...compact, rows: compact.rows.map((r) => ({ ...r, part: compact.parts.length })) })).toBe(false);
    expect(check({ ...compact, rows: compact.rows.map((r) => ({ ...r, record: 'x' })) })).toBe(false);
    expect(check({ rows: compact.rows })).toBe(false);

    // a row stored whole, before parts existed, is read as it was stored
    const [first] = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    b.db.prepare('UPDATE vehicles SET result = ?, result_part = NULL WHERE id = ?').run(JSON.stringify(first!.result), first!.id);
    expect(await listed()).toBe(engine);
    b.close();
  });
});

describe('settings, lists and rate files', () => {
  it('stores results under the broker’s saved choice of unconfirmed schedules', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    const fromRussia = { ...kzCar, dispatchCountry: 'RU' };
    const off = (await call<Applied>(b, 'vehicles.apply', { caseId: kase.id, changes: [upsert(fromRussia)] })).rows[0]!;
    expect(off.result).toMatchObject({ ok: true, fee: '756875.00' });
    const optIn = (await call<{ id: string; status: string }[]>(b, 'rates.list', { country: 'KZ', date: '2026-06-01' })).filter((s) => s.status !== 'in-force').map((s) => s.id);
    await call(b, 'settings.save', { applyUnconfirmed: optIn });
    await call(b, 'vehicles.recompute', { caseId: kase.id });
    const [on] = await call<VehicleRow[]>(b, 'vehicles.list', { caseId: kase.id });
    expect(on!.result).toMatchObject({ ok: true, assumptions: expect.arrayContaining([expect.objectContaining({ code: 'unconfirmed-schedule-applied' })]) as unknown });
    expect(on!.result?.ok && on!.result.fee).not.toBe('756875.00');
    b.close();
  });

  it('filters, sorts and pages cases; finds clients by part of a name or tax id', async () => {
    const b = await backendIn(tempDir());
    const { kase } = await clientAndCase(b);
    const company = await call<Client>(b, 'clients.save', { kind: 'company', name: 'ООО Восток', country: 'RU', taxId: '7707083893' });
    const ru = await call<CaseSummary>(b, 'cases.create', { clientId: company.id, country: 'RU', ruleDate: '2025-01-15' });
    await call(b, 'cases.update', { id: ru.id, status: 'issued' });
    const ids = async (args: Record<string, unknown>) => (await call<{ items: CaseSummary[] }>(b, 'cases.list', args)).items.map((c) => c.id);
    expect(await ids({ country: 'RU' })).toEqual([ru.id]);
    expect(await ids({ status: 'draft' })).toEqual([kase.id]);
    expect(await ids({ from: '2026-01-01' })).toEqual([kase.id]);
    expect(await ids({ to: '2025-12-31' })).toEqual([ru.id]);
    expect(await ids({ sort: 'client' })).toEqual([kase.id, ru.id]); // «Иванов» before «ООО Восток»
    expect(await ids({ sort: 'client', dir: 'desc' })).toEqual([ru.id, kase.id]);
    expect(await ids({ sort: 'number', dir: 'desc' })).toEqual([ru.id, kase.id]);
    const page = await call<{ items: CaseSummary[]; total: number }>(b, 'cases.list', { sort: 'number', limit: 1, offset: 1 });
    expect(page).toMatchObject({ total: 2, items: [{ id: ru.id }] });
    expect(await ids({ search: 'восток' })).toEqual([ru.id]);
    expect((await call<{ items: Client[] }>(b, 'clients.list', { search: '770708' })).items.map((c) => c.id)).toEqual([company.id]);
    expect((await call<{ items: Client[] }>(b, 'clients.list', { search: '%' })).items).toEqual([]);
    expect((await call<{ total: number }>(b, 'clients.list', { limit: 1 })).total).toBe(2);
    b.close();
  });

  it('serves the raw rate files the engine loads', async () => {
    const b = await backendIn(tempDir());
    const files = await call<{ file: string; data: unknown }[]>(b, 'rates.files', {});
    expect(files.length).toBeGreaterThan(3);
    expect(files.every((f) => f.file.endsWith('.json') && typeof f.data === 'object')).toBe(true);
    expect(files.some((f) => f.file.startsWith('kz/') || f.file.includes('kz'))).toBe(true);
    b.close();
  });
});
