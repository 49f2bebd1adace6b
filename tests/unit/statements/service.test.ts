/**
 * Statements through the API on a real database and the shipped rate data: issue, edit the case,
 * reprint (unchanged), cancel, reissue, verify, and recompute under changed rate data.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ApiResponse, CaseSummary, Client, StatementDiff, StatementSummary, StatementVerify, VehicleRow } from '../../../src/core/api/contract';
import { createBackend, type Backend } from '../../../src/main/backend';
import { defaultRatesDir } from '../../../src/main/rates/load-files';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir('tamga-statements-');
const quiet = { error: () => undefined };
const KZ_IIN = '900101300007';
const VINS = ['XTA21180000000001', 'XTA21180000000002', 'XTA21180000000003'];

async function call<T>(b: Backend, method: string, args: unknown): Promise<T> {
  const response = (await b.registry.dispatch(method, args)) as ApiResponse<T>;
  if (!response.ok) expect.fail(`${method} failed: ${JSON.stringify(response.error)}`);
  return response.value;
}

async function callError(b: Backend, method: string, args: unknown): Promise<{ code: string; issues?: { field: string; code: string }[] }> {
  const response = await b.registry.dispatch(method, args);
  if (response.ok) expect.fail(`${method} unexpectedly succeeded`);
  return response.error;
}

async function withProfile(b: Backend, language: 'ru' | 'kk' | 'en' = 'ru'): Promise<void> {
  await call(b, 'profile.save', { brokerName: 'ТОО «Тамга Брокер»', licenseNumber: 'ЛБ-0042', address: 'Алматы, пр. Абая, 10', phone: '+7 727 000 00 00', footerText: 'IBAN KZ00 0000 0000 0000', defaultCountry: 'KZ', language });
}

/** A client and a KZ case of three 1.6 L cars (756 875 ₸ each on 2026-06-01). */
async function caseOfThree(b: Backend): Promise<{ kase: CaseSummary; rows: VehicleRow[] }> {
  const client = await call<Client>(b, 'clients.save', { kind: 'individual', name: 'Сәрсенов Әлихан', country: 'KZ', taxId: KZ_IIN });
  const kase = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual', reference: 'ДТ-1' });
  const applied = await call<{ rows: VehicleRow[] }>(b, 'vehicles.apply', {
    caseId: kase.id,
    changes: VINS.map((vin) => ({ op: 'upsert', record: { vin, category: 'M1', propulsion: 'ice', engineCc: 1598, productionDate: '2024-03', make: 'Lada', model: 'Vesta' } })),
  });
  return { kase, rows: applied.rows };
}

describe('issuing a statement', () => {
  it('freezes the case: editing the case, the client and the profile afterwards changes neither the HTML nor the hash', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase, rows } = await caseOfThree(b);
    const issued = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id });
    expect(issued.number).toMatch(/^\d{4}-000001$/);
    expect(issued.totals).toEqual([{ currency: 'KZT', amount: '2270625.00' }]);
    expect(issued.vehicleCount).toBe(3);
    expect(issued.hash).toMatch(/^[0-9a-f]{64}$/);
    expect((await call<CaseSummary>(b, 'cases.get', { id: kase.id })).status).toBe('issued');

    const { html } = await call<{ html: string }>(b, 'statements.html', { id: issued.id });
    for (const vin of VINS) expect(html).toContain(vin);
    expect(html).toContain('2\u00a0270\u00a0625,00\u00a0₸');
    expect(html).toContain('Два миллиона двести семьдесят тысяч шестьсот двадцать пять тенге 00 тиынов');
    expect(html).toContain(issued.shortHash);

    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'upsert', id: rows[0]!.id, record: { ...rows[0]!.record, engineCc: 2500, vin: 'CHANGED0000000000' } }] });
    await call(b, 'cases.update', { id: kase.id, reference: 'edited', ruleDate: '2026-07-01' });
    await call(b, 'clients.save', { id: kase.clientId, kind: 'individual', name: 'Someone Else', country: 'KZ', taxId: KZ_IIN });
    await withProfile(b, 'en');

    const again = await call<{ html: string }>(b, 'statements.html', { id: issued.id });
    expect(again.html).toBe(html);
    expect((await call<StatementSummary>(b, 'statements.get', { id: issued.id })).hash).toBe(issued.hash);
    b.close();
  });

  it('speaks the language asked for, numbers never repeat, and a subset of vehicles can be issued', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase, rows } = await caseOfThree(b);
    const kk = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id, language: 'kk', vehicleIds: [rows[1]!.id] });
    const en = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id, language: 'en' });
    expect(kk.vehicleCount).toBe(1);
    expect(kk.totals[0]!.amount).toBe('756875.00');
    expect(en.number).not.toBe(kk.number);
    const kkHtml = (await call<{ html: string }>(b, 'statements.html', { id: kk.id })).html;
    expect(kkHtml).toContain('Жеті жүз елу алты мың сегіз жүз жетпіс бес теңге 00 тиын');
    expect(kkHtml).toContain(VINS[1]);
    expect(kkHtml).not.toContain(VINS[0]);
    const enHtml = (await call<{ html: string }>(b, 'statements.html', { id: en.id })).html;
    expect(enHtml).toContain('Two million two hundred seventy thousand six hundred twenty-five tenge 00 tiyn');
    const listed = await call<StatementSummary[]>(b, 'statements.list', { caseId: kase.id });
    expect(listed.map((s) => s.id)).toEqual([en.id, kk.id]);
    b.close();
  });

  it('refuses without a profile, with a vehicle in error, or with a vehicle of another case', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const { kase, rows } = await caseOfThree(b);
    expect(await callError(b, 'statements.issue', { caseId: kase.id })).toMatchObject({ code: 'conflict', issues: [{ code: 'no-profile' }] });
    await withProfile(b);
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'upsert', record: { vin: 'BAD', category: 'M1', propulsion: 'ice' } }] });
    const error = await callError(b, 'statements.issue', { caseId: kase.id });
    expect(error.code).toBe('conflict');
    expect(error.issues?.[0]?.code).toBe('vehicle-has-errors');
    expect((await callError(b, 'statements.issue', { caseId: kase.id, vehicleIds: [999_999] })).code).toBe('invalid-argument');
    expect(await call<StatementSummary[]>(b, 'statements.list', {})).toEqual([]);
    const ok = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id, vehicleIds: rows.map((r) => r.id) });
    expect(ok.vehicleCount).toBe(3);
    b.close();
  });
});

describe('cancelling, reissuing, verifying', () => {
  it('cancel keeps the record, prints the mark and refuses a second cancel; the database refuses edits and deletion', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase } = await caseOfThree(b);
    const issued = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id });
    const cancelled = await call<StatementSummary>(b, 'statements.cancel', { id: issued.id, reason: 'ошибка в VIN <b>' });
    expect(cancelled.cancelledAt).not.toBeNull();
    expect(cancelled.cancelReason).toBe('ошибка в VIN <b>');
    expect(cancelled.hash).toBe(issued.hash);
    const { html } = await call<{ html: string }>(b, 'statements.html', { id: issued.id });
    expect(html).toContain('АННУЛИРОВАНО / CANCELLED');
    expect(html).toContain('ошибка в VIN &lt;b&gt;');
    expect((await call<CaseSummary>(b, 'cases.get', { id: kase.id })).status).toBe('draft');
    expect((await callError(b, 'statements.cancel', { id: issued.id, reason: 'again' })).code).toBe('conflict');
    expect(() => b.db.prepare('DELETE FROM statements WHERE id = ?').run(issued.id)).toThrow(/never deleted/);
    expect(() => b.db.prepare("UPDATE statements SET snapshot = '{}' WHERE id = ?").run(issued.id)).toThrow(/cannot be changed/);
    expect(await call<StatementSummary[]>(b, 'statements.list', {})).toHaveLength(1);
    b.close();
  });

  it('reissue: a new number from the current case, naming and cancelling the one it replaces', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase, rows } = await caseOfThree(b);
    const first = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id });
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'upsert', id: rows[2]!.id, record: { ...rows[2]!.record, engineCc: 3500 } }] });
    const second = await call<StatementSummary>(b, 'statements.reissue', { id: first.id });
    expect(second.number).not.toBe(first.number);
    expect(second.replaces).toEqual({ id: first.id, number: first.number });
    expect(second.totals[0]!.amount).not.toBe(first.totals[0]!.amount);
    const old = await call<StatementSummary>(b, 'statements.get', { id: first.id });
    expect(old.cancelReason).toBe(`Заменён расчётом № ${second.number}`);
    expect(old.replacedBy).toEqual({ id: second.id, number: second.number });
    const { html } = await call<{ html: string }>(b, 'statements.html', { id: second.id });
    expect(html).toContain(`Взамен расчёта № ${first.number}`);
    expect((await call<CaseSummary>(b, 'cases.get', { id: kase.id })).status).toBe('issued');
    expect((await callError(b, 'statements.reissue', { id: first.id })).code).toBe('conflict');
    // a paid case keeps its status when a corrected statement is issued
    await call(b, 'cases.update', { id: kase.id, status: 'paid' });
    await call<StatementSummary>(b, 'statements.reissue', { id: second.id });
    expect((await call<CaseSummary>(b, 'cases.get', { id: kase.id })).status).toBe('paid');
    b.close();
  });

  it('verify: full hash, the printed 16 digits, a wrong hash, an unknown number, a tampered row', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase } = await caseOfThree(b);
    const s = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id });
    expect(await call<StatementVerify>(b, 'statements.verify', { number: s.number, hash: s.hash })).toMatchObject({ found: true, matches: true });
    expect(await call<StatementVerify>(b, 'statements.verify', { number: ` ${s.number} `, hash: s.shortHash.toUpperCase() })).toMatchObject({ found: true, matches: true });
    const wrong = s.hash.replace(/^./, (c) => (c === '0' ? '1' : '0'));
    expect(await call<StatementVerify>(b, 'statements.verify', { number: s.number, hash: wrong })).toMatchObject({ found: true, matches: false });
    expect(await call<StatementVerify>(b, 'statements.verify', { number: '1999-000001', hash: s.hash })).toEqual({ found: false, matches: false, statement: null });
    // Someone edits the stored snapshot behind the app's back (the trigger dropped first):
    b.db.exec('DROP TRIGGER statements_frozen');
    b.db.prepare('UPDATE statements SET snapshot = replace(snapshot, ?, ?) WHERE id = ?').run('756875.00', '1.00', s.id);
    expect(await call<StatementVerify>(b, 'statements.verify', { number: s.number, hash: s.hash })).toMatchObject({ found: true, matches: false });
    b.close();
  });
});

describe('rate data changes after issue', () => {
  it('a reprint under new rate data is the same bytes; diff shows old fee → new fee and changes nothing', async () => {
    const ratesDir = join(tempDir(), 'rates');
    cpSync(defaultRatesDir(), ratesDir, { recursive: true });
    const dataDir = tempDir();
    const b = await createBackend({ dataDir, mode: 'browser', logger: quiet, ratesDir });
    await withProfile(b);
    const { kase } = await caseOfThree(b);
    const s = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id });
    const before = (await call<{ html: string }>(b, 'statements.html', { id: s.id })).html;
    const unchanged = await call<StatementDiff>(b, 'statements.diff', { id: s.id });
    expect(unchanged.changedCount).toBe(0);
    b.close();

    // The MRP for 2026 is revised: 4 325 → 4 500 tenge, so 50 × 4 500 × 3.5 = 787 500.
    const mrp = join(ratesDir, 'series', 'KZ-MRP.json');
    writeFileSync(mrp, readFileSync(mrp, 'utf8').replace('"value": "4325"', '"value": "4500"'));
    const later = await createBackend({ dataDir, mode: 'browser', logger: quiet, ratesDir });
    const after = (await call<{ html: string }>(later, 'statements.html', { id: s.id })).html;
    expect(after).toBe(before);
    const diff = await call<StatementDiff>(later, 'statements.diff', { id: s.id });
    expect(diff.changedCount).toBe(3);
    expect(diff.rows[0]).toMatchObject({ line: 1, vin: VINS[0], oldFee: '756875.00', newFee: '787500.00', changed: true });
    expect(diff.totals).toEqual([{ currency: 'KZT', old: '2270625.00', new: '2362500.00' }]);
    expect((await call<StatementSummary>(later, 'statements.get', { id: s.id })).hash).toBe(s.hash);
    expect((await call<{ html: string }>(later, 'statements.html', { id: s.id })).html).toBe(before);
    later.close();
  });
});

describe('the stored document', () => {
  it('is rendered once at issue and reprinted from storage byte for byte; the database refuses to change it', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase } = await caseOfThree(b);
    const issued = await call<StatementSummary>(b, 'statements.issue', { caseId: kase.id });
    const stored = b.db.prepare('SELECT html FROM statements WHERE id = ?').pluck().get(issued.id) as string | null;
    expect(stored).not.toBeNull();
    expect((await call<{ html: string }>(b, 'statements.html', { id: issued.id })).html).toBe(stored);
    expect(() => b.db.prepare("UPDATE statements SET html = 'forged' WHERE id = ?").run(issued.id)).toThrow(/cannot be changed/);
    b.close();
  });

  it('is what a reprint returns even when the layout code would now render differently', async () => {
    const b = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    await withProfile(b);
    const { kase } = await caseOfThree(b);
    // Issue through the service directly, so the document is not yet stored; then store a
    // document as an older version of the app would have rendered it.
    const issued = b.statements.issue({ caseId: kase.id });
    b.db.prepare('UPDATE statements SET html = ? WHERE id = ?').run('<!doctype html><p>as printed in 2026</p>', issued.id);
    expect((await call<{ html: string }>(b, 'statements.html', { id: issued.id })).html).toBe('<!doctype html><p>as printed in 2026</p>');
    b.close();
  });
});
