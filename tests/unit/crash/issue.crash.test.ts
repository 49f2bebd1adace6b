/**
 * Issuing a statement on a 1,000-vehicle case (recompute, snapshot, number, case status: one
 * transaction) killed with SIGKILL mid-request. Each attempt issues on a fresh copy of the case;
 * the kill comes after the answer, half-way through, or off the WAL file (first page written by the
 * transaction) and later. After a restart the case has no statement and its number was
 * not used, or one whole statement that verifies, and every statement issued before still
 * verifies and prints byte for byte as it did.
 * Slow suite (~20 s): a backend child process restarted three times per attempt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseSummary, StatementSummary, StatementVerify, VehicleRow } from '../../../src/core/api/contract';
import type { ChildServer } from '../../helpers/server';
import { expectKeptIntact, judge, seedCase, sleep, startServer, stopAndSnapshot, until, upserts, walMark, type Kept, type Outcome } from './scenario';

const CASE_ROWS = 1_000;
/**
 * `answer`: after the reply (and it times the issue); `half`: half that time after the request,
 * inside the transaction before its pages reach the WAL; a number: ms after the first WAL write,
 * which races the commit itself.
 */
const KILL_AT: (number | 'answer' | 'half')[] = ['answer', 'half', 0, 0, 20, 80];

const dir = mkdtempSync(join(tmpdir(), 'tamga-crash-issue-'));
let server: ChildServer | null = null;
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL while issuing a statement on a 1,000-vehicle case', () => {
  it('leaves one whole, verifiable statement or none, and every earlier statement intact', async () => {
    server = await startServer(dir);
    const seeded = await seedCase(server);
    const kept: Kept[] = [seeded];
    const base = await server.call<CaseSummary>('cases.create', { clientId: seeded.clientId, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual', reference: 'ДТ-1000' });
    await server.call('vehicles.apply', { caseId: base.id, changes: upserts('B', CASE_ROWS) });
    let answerMs = 0;
    const log: { killAt: number | 'answer' | 'half'; wroteBeforeKill: boolean; answered: boolean; outcome: Outcome; ms: number }[] = [];

    for (const killAt of KILL_AT) {
      const target = await server.call<CaseSummary>('cases.duplicate', { id: base.id });
      const ids = new Set((await server.call<VehicleRow[]>('vehicles.list', { caseId: target.id })).map((v) => v.id));
      const numbersBefore = (await server.call<StatementSummary[]>('statements.list', {})).map((s) => s.number);
      const before = await stopAndSnapshot(server, dir);
      server = await startServer(dir);

      const mark = walMark(dir);
      const started = Date.now();
      let answered = false;
      const request = server.raw('statements.issue', { caseId: target.id }).then(
        (a) => { answered = a.ok; },
        () => undefined,
      );
      if (killAt === 'answer') {
        await request;
        answerMs = Date.now() - started;
      } else if (killAt === 'half') await sleep(answerMs / 2);
      else {
        expect(await until(() => walMark(dir) !== mark || answered, 30_000), 'issuing never wrote').toBe(true);
        await sleep(killAt);
      }
      const wroteBeforeKill = walMark(dir) !== mark;
      const answeredBeforeKill = answered;
      await server.kill();
      await request;

      server = await startServer(dir);
      await expectKeptIntact(server, kept);
      const statements = await server.call<StatementSummary[]>('statements.list', { caseId: target.id });
      const kase = await server.call<CaseSummary>('cases.get', { id: target.id });
      const after = await stopAndSnapshot(server, dir);
      // The issue recomputes the case's rows, numbers the statement and marks the case issued.
      const mayChange = (row: string) => row === `cases#${target.id}` || row.startsWith('sequences#') || (row.startsWith('vehicles#') && ids.has(Number(row.slice('vehicles#'.length))));
      const { outcome } = judge(before, after, mayChange);
      server = await startServer(dir);
      if (outcome === 'all') {
        expect(statements).toHaveLength(1);
        expect(kase.status).toBe('issued');
        expect(statements[0]!.vehicleCount).toBe(CASE_ROWS);
        expect(numbersBefore).not.toContain(statements[0]!.number);
        const verify = await server.call<StatementVerify>('statements.verify', { number: statements[0]!.number, hash: statements[0]!.hash });
        expect(verify).toMatchObject({ found: true, matches: true });
        kept.push({ caseId: target.id, statement: statements[0]!, html: (await server.call<{ html: string }>('statements.html', { id: statements[0]!.id })).html });
      } else {
        expect(statements).toHaveLength(0);
        expect(kase.status).toBe(target.status);
      }
      if (answeredBeforeKill) expect(outcome, 'an answered statement was lost').toBe('all');
      log.push({ killAt, wroteBeforeKill, answered: answeredBeforeKill, outcome, ms: Date.now() - started });
    }
    await expectKeptIntact(server, kept);
    console.log(`statement crash attempts: ${JSON.stringify(log)}`);
    expect(log.some((a) => !a.answered && a.outcome === 'none')).toBe(true);
    expect(log.some((a) => a.outcome === 'all')).toBe(true);
  }, 150_000);
});
