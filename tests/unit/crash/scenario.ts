/**
 * Shared steps of the crash tests: a data folder holding a client, a 200-vehicle case with an
 * issued statement; a kill; a restart; and the checks that nothing stored before was lost and the
 * interrupted write landed whole or not at all.
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CaseSummary, Client, StatementSummary, StatementVerify } from '../../../src/core/api/contract';
import { addedRows, changedRows, inspectDatabase, startServer, type ChildServer, type DbSnapshot } from '../../helpers/server';

export const KZ_IIN = '900101300007';
export const PROFILE = { brokerName: 'ТОО «Тамга Брокер»', licenseNumber: 'ЛБ-0042', address: 'Алматы, пр. Абая, 10', phone: '+7 727 000 00 00', footerText: 'IBAN KZ00 0000 0000 0000', defaultCountry: 'KZ', language: 'ru' };

/** 17 characters, no I, O or Q; `series` keeps the VINs of different batches apart. */
export function vin(series: string, n: number): string {
  return `XTA${series.padEnd(5, '0').slice(0, 5)}${String(n).padStart(9, '0')}`;
}

export function car(series: string, n: number): Record<string, unknown> {
  return { vin: vin(series, n), category: 'M1', propulsion: 'ice', engineCc: 1400 + (n % 600), productionDate: '2024-03', make: 'Lada', model: 'Vesta' };
}

export function upserts(series: string, count: number): { op: 'upsert'; record: Record<string, unknown> }[] {
  return Array.from({ length: count }, (_, n) => ({ op: 'upsert' as const, record: car(series, n) }));
}

export interface Kept {
  caseId: number;
  statement: StatementSummary;
  html: string;
}

/** A client, a case of 200 cars and its issued statement, as the broker left them. */
export async function seedCase(s: ChildServer, clientId: number | null = null): Promise<Kept & { clientId: number }> {
  if (clientId === null) {
    await s.call('profile.save', PROFILE);
    clientId = (await s.call<Client>('clients.save', { kind: 'individual', name: 'Сәрсенов Әлихан', country: 'KZ', taxId: KZ_IIN })).id;
  }
  const kase = await s.call<CaseSummary>('cases.create', { clientId, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual', reference: 'ДТ-200' });
  await s.call('vehicles.apply', { caseId: kase.id, changes: upserts(`K${kase.id}`, 200) });
  const statement = await s.call<StatementSummary>('statements.issue', { caseId: kase.id });
  const { html } = await s.call<{ html: string }>('statements.html', { id: statement.id });
  return { caseId: kase.id, statement, html, clientId };
}

export const dbFile = (dataDir: string) => join(dataDir, 'tamga.sqlite');

/** The database as the stopped server left it. */
export function snapshotOf(dataDir: string): DbSnapshot {
  const { integrity, snapshot } = inspectDatabase(dbFile(dataDir));
  expect(integrity).toBe('ok');
  return snapshot;
}

/** Statements issued before still verify, and print byte for byte as they did. */
export async function expectKeptIntact(s: ChildServer, kept: readonly Kept[]): Promise<void> {
  for (const k of kept) {
    const verify = await s.call<StatementVerify>('statements.verify', { number: k.statement.number, hash: k.statement.hash });
    expect(verify).toMatchObject({ found: true, matches: true });
    const { html } = await s.call<{ html: string }>('statements.html', { id: k.statement.id });
    expect(html === k.html, `statement ${k.statement.number} prints differently after the crash`).toBe(true);
  }
}

export type Outcome = 'none' | 'all';

/**
 * After a kill and a restart: `integrity_check` ok; either the database is exactly as before
 * (none) or every row that existed is unchanged but those `mayChange` allows and the added rows
 * are exactly the write's (all). Anything in between fails.
 */
export function judge(before: DbSnapshot, after: DbSnapshot, mayChange: (row: string) => boolean): { outcome: Outcome; changed: string[]; added: string[] } {
  const changed = changedRows(before, after);
  const added = addedRows(before, after);
  const outcome: Outcome = changed.length === 0 && added.length === 0 ? 'none' : 'all';
  if (outcome === 'all') expect(changed.filter((r) => !mayChange(r)), 'rows stored before the crash changed').toEqual([]);
  return { outcome, changed, added };
}

/** The WAL file's size and modification time: it moves as soon as SQLite writes a page. */
export function walMark(dataDir: string): string {
  try {
    const st = statSync(`${dbFile(dataDir)}-wal`, { bigint: true });
    return `${st.size}:${st.mtimeNs}`;
  } catch {
    return 'none';
  }
}

/** Stops (SIGTERM) and returns the database's snapshot; checks integrity on the way. */
export async function stopAndSnapshot(s: ChildServer, dataDir: string): Promise<DbSnapshot> {
  await s.stop();
  return snapshotOf(dataDir);
}

export { startServer };

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `condition` every millisecond; false when `timeoutMs` passes first. */
export async function until(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) return false;
    await sleep(1);
  }
  return true;
}
