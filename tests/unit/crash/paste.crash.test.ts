/**
 * A grid paste of 20,000 rows (one `vehicles.apply`, one transaction) killed with SIGKILL while
 * the request is in flight. The kill is timed off the WAL file: SQLite spills the transaction's
 * pages into it long before the commit, so "the WAL moved and no answer came yet" is a kill inside
 * the write. Later attempts kill later, and the last only after the answer: then the paste must be
 * there whole (synchronous=FULL: an answered write survives a crash).
 * Slow suite (~20 s): a backend child process restarted twice per attempt.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../src/core/api/contract';
import type { ChildServer } from '../../helpers/server';
import { expectKeptIntact, judge, seedCase, sleep, snapshotOf, startServer, stopAndSnapshot, until, upserts, walMark, type Kept, type Outcome } from './scenario';

const PASTE_ROWS = 20_000;
/** ms after the first WAL write; `answer`: after the reply */
const KILL_AT: (number | 'answer')[] = [0, 0, 150, 600, 'answer'];

const dir = mkdtempSync(join(tmpdir(), 'tamga-crash-paste-'));
let server: ChildServer | null = null;
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

describe('SIGKILL during a 20,000-row grid paste', () => {
  it('keeps the paste whole or absent, and everything stored before intact', async () => {
    server = await startServer(dir);
    const kept: Kept[] = [await seedCase(server)];
    const target = kept[0]!.caseId;
    let before = await stopAndSnapshot(server, dir);
    const log: { killAt: number | 'answer'; wroteBeforeKill: boolean; answered: boolean; outcome: Outcome; ms: number }[] = [];

    for (const [attempt, killAt] of KILL_AT.entries()) {
      server = await startServer(dir);
      const count = (await server.call<CaseSummary>('cases.get', { id: target })).vehicleCount;
      const mark = walMark(dir);
      const started = Date.now();
      let answered = false;
      const request = server.raw('vehicles.apply', { caseId: target, changes: upserts(`P${attempt}`, PASTE_ROWS) }).then(
        (a) => { answered = a.ok; },
        () => undefined,
      );
      if (killAt === 'answer') await request;
      else {
        expect(await until(() => walMark(dir) !== mark || answered, 30_000), 'the paste never wrote').toBe(true);
        await sleep(killAt);
      }
      const wroteBeforeKill = walMark(dir) !== mark;
      const answeredBeforeKill = answered;
      await server.kill();
      await request;

      server = await startServer(dir);
      await expectKeptIntact(server, kept);
      const countAfter = (await server.call<CaseSummary>('cases.get', { id: target })).vehicleCount;
      const after = await stopAndSnapshot(server, dir);
      const { outcome, added } = judge(before, after, (row) => row === `cases#${target}`);
      if (outcome === 'all') {
        expect(countAfter).toBe(count + PASTE_ROWS);
        expect(added.filter((r) => r.startsWith('vehicles#'))).toHaveLength(PASTE_ROWS);
      } else {
        expect(countAfter).toBe(count);
      }
      if (answeredBeforeKill) expect(outcome, 'an answered paste was lost').toBe('all');
      log.push({ killAt, wroteBeforeKill, answered: answeredBeforeKill, outcome, ms: Date.now() - started });
      before = after;
    }
    console.log(`paste crash attempts: ${JSON.stringify(log)}`);
    // At least one kill landed inside the write (pages written, no answer) and left nothing.
    expect(log.some((a) => a.wroteBeforeKill && !a.answered && a.outcome === 'none')).toBe(true);
    expect(log.some((a) => a.outcome === 'all')).toBe(true);
    expect(snapshotOf(dir).size).toBeGreaterThan(0);
  }, 150_000);
});
