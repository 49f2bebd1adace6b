/**
 * A 100,000-row import into a case that holds data (200 vehicles and an issued statement), killed
 * with SIGKILL: mid-store (the job reports rows stored, fewer than all: the transaction is open),
 * at the end of the store (commit or not, a race we accept either way), and after the job said
 * done (then every row must be there: an import reported done survives a crash).
 * Slow suite (~60 s): three imports of 100,000 rows in a backend child process.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary, ImportJob } from '../../../src/core/api/contract';
import { BIG_ROWS, bigVehicleWorkbook } from '../../helpers/big-xlsx';
import type { ChildServer } from '../../helpers/server';
import { expectKeptIntact, judge, seedCase, sleep, startServer, stopAndSnapshot, type Kept, type Outcome } from './scenario';

type KillWhen = 'mid-store' | 'end-of-store' | 'done';
const KILL_WHEN: KillWhen[] = ['mid-store', 'end-of-store', 'done'];

const dir = mkdtempSync(join(tmpdir(), 'tamga-crash-import-'));
let server: ChildServer | null = null;
let workbook = '';
beforeAll(async () => {
  workbook = await bigVehicleWorkbook();
}, 120_000);
afterAll(async () => {
  await server?.kill();
  rmSync(dir, { recursive: true, force: true });
});

function reached(when: KillWhen, job: ImportJob): boolean {
  if (job.state === 'failed' || job.state === 'cancelled') throw new Error(`import ${job.state}: ${JSON.stringify(job.error)}`);
  const total = job.rowsTotal ?? Infinity;
  switch (when) {
    case 'mid-store':
      return job.state === 'storing' && job.rowsStored > 0 && job.rowsStored < total;
    case 'end-of-store':
      return job.state === 'done' || (job.state === 'storing' && job.rowsStored >= total);
    case 'done':
      return job.state === 'done';
  }
}

describe('SIGKILL during a 100,000-row import', () => {
  it('stores none or all of the file, and keeps everything stored before', async () => {
    server = await startServer(dir);
    const kept: Kept[] = [await seedCase(server)];
    const target = kept[0]!.caseId;
    let before = await stopAndSnapshot(server, dir);
    const log: { when: KillWhen; stored: string; outcome: Outcome; ms: number }[] = [];

    for (const when of KILL_WHEN) {
      server = await startServer(dir);
      const count = (await server.call<CaseSummary>('cases.get', { id: target })).vehicleCount;
      const started = Date.now();
      const fileId = await server.upload(workbook);
      const { jobId } = await server.call<{ jobId: string }>('imports.start', { caseId: target, fileId });
      let job = await server.call<ImportJob>('imports.status', { jobId });
      while (!reached(when, job)) {
        await sleep(when === 'mid-store' ? 2 : 10);
        job = await server.call<ImportJob>('imports.status', { jobId });
      }
      await server.kill();

      server = await startServer(dir);
      await expectKeptIntact(server, kept);
      const countAfter = (await server.call<CaseSummary>('cases.get', { id: target })).vehicleCount;
      const after = await stopAndSnapshot(server, dir);
      const { outcome, added } = judge(before, after, (row) => row === `cases#${target}`);
      expect([count, count + BIG_ROWS]).toContain(countAfter);
      expect(countAfter === count ? 'none' : 'all').toBe(outcome);
      if (outcome === 'all') expect(added.filter((r) => r.startsWith('vehicles#'))).toHaveLength(BIG_ROWS);
      if (when === 'mid-store') expect(outcome, 'a kill with the transaction open left rows behind').toBe('none');
      if (when === 'done') expect(outcome, 'an import reported done was lost').toBe('all');
      log.push({ when, stored: `${job.rowsStored}/${job.rowsTotal}`, outcome, ms: Date.now() - started });
      before = after;
    }
    console.log(`import crash attempts: ${JSON.stringify(log)}`);
  }, 170_000);
});
