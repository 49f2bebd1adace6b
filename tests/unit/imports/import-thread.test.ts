/**
 * The import thread (src/main/services/import-thread.ts, import-worker.ts): an import that reads
 * and prepares its rows on a thread of its own stores exactly what an import on the main thread
 * stores, whichever thread prepared which batch; cancelling, a damaged file, an error while
 * storing and a thread that cannot start all end as they do without a thread.
 */
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport, VehicleRow } from '../../../src/core/api/contract';
import { compute } from '../../../src/core/engine/index';
import { createBackend, type Backend } from '../../../src/main/backend';
import { defaultRatesDir, loadRatesFromDir } from '../../../src/main/rates/load-files';
import { IN_FLIGHT, PREPARE_WHEN_WAITING } from '../../../src/main/services/import-protocol';
import type { Compute, PreparedBatch, PrepareContext } from '../../../src/main/services/import-rows';
import { InThreadReader, ThreadReader, type ImportReader, type SpawnImportThread } from '../../../src/main/services/import-thread';
import { spawnImportThreadFromSource } from '../../../src/main/services/import-worker-source';
import { STORE_BATCH } from '../../../src/main/services/imports';
import { useTempDir } from '../../helpers/tmp';
import { call, cancelAfter, importFile, KZ_IIN, preview, rows, text, upload, xlsx, type Cell } from './helpers';

const tempDir = useTempDir('tamga-import-thread-');
const quiet = { error: () => undefined };

const bundle = loadRatesFromDir().bundle;
const engine: Compute = (inputs, options) => compute(inputs, bundle, options);
const context: PrepareContext = {
  language: 'ru',
  caseDefaults: { id: 1, country: 'KZ', rule_date: '2026-06-01', importer: 'individual', personal_use: null },
  computeOptions: { language: 'ru', applyUnconfirmed: [] },
};

const vin = (n: number) => `XTA21099${String(n).padStart(9, '0')}`;

/**
 * Four and a half batches of everything an import meets: good cars, trucks and buses (several
 * rate rows, so several shared result parts), unreadable values stored as drafts, an unread flag
 * noted, duplicate VINs, an empty row and a section title inside the data.
 */
async function mixedList(path: string): Promise<string> {
  const lines: Cell[][] = [['Список ТС, партия 7'], [], ['VIN', 'Категория', 'Тип двигателя', 'Объём двигателя, см3', 'Полная масса, кг', 'Дата выпуска', 'Внедорожник', 'Примечание']];
  const n = Math.floor(STORE_BATCH * 4.5);
  for (let i = 0; i < n; i += 1) {
    if (i === 1500) lines.push([]);
    if (i === 2500) lines.push(['Партия 2 — от 10.02.2026, перевозчик ТОО «Карго-Транзит»']);
    const category = ['M1', 'N1', 'N3', 'M2', 'M1', 'легковой'][i % 6]!;
    lines.push([
      i % 97 === 0 ? vin(i - 1) : vin(i),
      i % 211 === 0 ? 'Ракета' : category,
      ['бензин', 'дизель', 'электро', 'гибрид'][i % 4]!,
      i % 157 === 0 ? 'много' : 998 + (i % 3000),
      category.startsWith('N') || category === 'M2' ? 1500 + (i % 20_000) : null,
      i % 131 === 0 ? '31.02.2020' : `${String((i % 28) + 1).padStart(2, '0')}.0${(i % 9) + 1}.20${18 + (i % 8)}`,
      i % 173 === 0 ? 'может быть' : i % 5 === 0 ? 'да' : null,
      i % 10 === 0 ? `=ВАЖНО ${i}` : null,
    ]);
  }
  return xlsx(path, lines);
}

/** Every row of every batch with its part's text in place of the part's number, in order. */
function flatten(batches: PreparedBatch[]): unknown[] {
  const bodies = new Map<number, string>();
  const out: unknown[] = [];
  for (const batch of batches) {
    for (const p of batch.parts) bodies.set(p.index, p.body);
    for (const row of batch.rows) {
      const { part, ...stored } = row;
      out.push({ ...stored, part: part === null ? null : bodies.get(part) });
    }
  }
  return out;
}

async function readAll(reader: ImportReader, path: string): Promise<{ result: unknown; batches: PreparedBatch[] }> {
  const batches: PreparedBatch[] = [];
  const result = await reader.read(path, { language: 'ru', batchSize: STORE_BATCH, prepare: context, compute: engine, onBatch: (b) => void batches.push(b) });
  return { result, batches };
}

const open: ImportReader[] = [];
afterEach(() => {
  for (const r of open.splice(0)) r.close();
});
function threadReader(options: { spawn?: SpawnImportThread; prepareWhenWaiting?: number } = {}): ThreadReader {
  const reader = new ThreadReader({ spawn: options.spawn ?? spawnImportThreadFromSource, ratesDir: defaultRatesDir(), logger: quiet, ...(options.prepareWhenWaiting !== undefined ? { prepareWhenWaiting: options.prepareWhenWaiting } : {}) });
  open.push(reader);
  return reader;
}

/** Where the rows' parts were numbered: parts prepared on the calling thread are numbered from 2^30. */
function preparedWhere(batches: PreparedBatch[]): Set<'thread' | 'caller'> {
  return new Set(batches.flatMap((b) => b.rows.flatMap((r) => (r.part === null ? [] : [r.part < 2 ** 30 ? 'thread' : 'caller'] as const))));
}

describe('rows prepared on the import thread', () => {
  it.each([
    ['the thread prepares every batch', 0, ['thread']],
    ['the main thread prepares every batch', IN_FLIGHT, ['caller']],
    ['the threads share the batches (as the app runs)', PREPARE_WHEN_WAITING, null],
  ] as const)('are the rows prepared on the main thread, value for value: %s', async (_name, prepareWhenWaiting, where) => {
    const file = await mixedList(`${tempDir()}/mixed.xlsx`);
    const here = await readAll(new InThreadReader(), file);
    const there = await readAll(threadReader({ prepareWhenWaiting }), file);

    expect(there.result).toEqual(here.result);
    expect(flatten(there.batches)).toEqual(flatten(here.batches));
    expect(flatten(here.batches)).toHaveLength(Math.floor(STORE_BATCH * 4.5));
    if (where) expect([...preparedWhere(there.batches)]).toEqual(where);
    // the list really has drafts, warnings and several shared parts to get right
    const all = here.batches.flatMap((b) => b.rows);
    expect(all.filter((r) => r.ok === 0).length).toBeGreaterThan(50);
    expect(all.filter((r) => (r.issues?.length ?? 0) > 0).length).toBeGreaterThan(50);
    expect(new Set(all.map((r) => r.part)).size).toBeGreaterThan(5);
  });

  it('passes an error thrown while storing back as it is, and stops reading', async () => {
    const file = await mixedList(`${tempDir()}/mixed.xlsx`);
    const reader = threadReader();
    const failure = new Error('disk full');
    let batches = 0;
    const read = reader.read(file, {
      language: 'ru', batchSize: STORE_BATCH, prepare: context, compute: engine,
      onBatch: () => {
        batches += 1;
        if (batches === 2) throw failure;
      },
    });
    await expect(read).rejects.toBe(failure);
    expect(batches).toBe(2);
    // a new read gets a new thread and works
    expect((await readAll(reader, file)).batches.flatMap((b) => b.rows)).toHaveLength(Math.floor(STORE_BATCH * 4.5));
  });

  it('survives a warm thread that fails while idle: the next read starts another', async () => {
    let spawned = 0;
    const reader = threadReader({
      spawn: (options) => {
        spawned += 1;
        if (spawned > 1) return spawnImportThreadFromSource(options);
        // ready, then an uncaught error while waiting for work
        return new Worker("const { parentPort } = require('node:worker_threads'); parentPort.postMessage({ type: 'ready' }); setTimeout(() => { throw new Error('idle failure'); }, 20);", { ...options, eval: true });
      },
    });
    reader.warm();
    await new Promise((r) => setTimeout(r, 300));
    const file = await mixedList(`${tempDir()}/mixed.xlsx`);
    expect((await readAll(reader, file)).batches.flatMap((b) => b.rows)).toHaveLength(Math.floor(STORE_BATCH * 4.5));
    expect(spawned).toBe(2);
  });

  it('reports a damaged file with the same error, in the same words, as the main thread', async () => {
    const corrupt = await text(`${tempDir()}/broken.xlsx`, 'PK\u0003\u0004 truncated');
    const here = await readAll(new InThreadReader(), corrupt).catch((e: unknown) => e);
    const there = await readAll(threadReader(), corrupt).catch((e: unknown) => e);
    expect(there).toMatchObject({ name: 'VehicleFileError', code: 'corrupt-file' });
    expect((there as Error).message).toBe((here as Error).message);
  });
});

/** The stored case as the broker sees it: rows (values and results) and the report, without ids and times. */
function comparable(list: VehicleRow[], report: ImportReport | null): unknown {
  return { rows: list.map((r) => ({ position: r.position, record: r.record, result: r.result })), report };
}

async function brokerCase(b: Backend): Promise<number> {
  const client = await call<{ id: number }>(b, 'clients.save', { kind: 'individual', name: 'Иванов Иван', country: 'KZ', taxId: KZ_IIN });
  return (await call<{ id: number }>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual' })).id;
}

describe('an import on the import thread', () => {
  it('stores the same case and report as one on the main thread, and the thread started by the preview serves both imports', async () => {
    const dir = tempDir();
    const file = await mixedList(`${dir}/mixed.xlsx`);
    const plain = await createBackend({ dataDir: `${dir}/plain`, mode: 'browser', logger: quiet });
    const workers: Worker[] = [];
    const threaded = await createBackend({
      dataDir: `${dir}/threaded`, mode: 'browser', logger: quiet,
      spawnImportThread: (options) => {
        const w = spawnImportThreadFromSource(options);
        workers.push(w);
        return w;
      },
    });
    try {
      const outcome = async (b: Backend) => {
        const caseId = await brokerCase(b);
        const fileId = await upload(b, file);
        await preview(b, caseId, fileId);
        const job = await importFile(b, caseId, fileId);
        expect(job.state).toBe('done');
        return { caseId, fileId, job };
      };
      const a = await outcome(plain);
      const t = await outcome(threaded);
      expect(comparable(await rows(threaded, t.caseId), t.job.report)).toEqual(comparable(await rows(plain, a.caseId), a.job.report));
      expect(t.job.report!.counts).toMatchObject({ rows: Math.floor(STORE_BATCH * 4.5), duplicates: expect.any(Number), skipped: 3 });
      expect(t.job.report!.counts.withErrors).toBeGreaterThan(50);

      // a second import of the same file: every VIN is now a duplicate of the case, same thread
      const again = await importFile(threaded, t.caseId, t.fileId);
      expect(again.report!.counts.duplicates).toBe(Math.floor(STORE_BATCH * 4.5));
      expect(workers).toHaveLength(1);
    } finally {
      plain.close();
      threaded.close();
    }
    // closing the backend ends its thread
    await Promise.all(workers.map((w) => new Promise((resolve) => (w.threadId === -1 ? resolve(null) : w.once('exit', resolve)))));
  });

  it('cancelled half-way leaves the case exactly as it was, and the next import works', async () => {
    const dir = tempDir();
    const b = await createBackend({ dataDir: `${dir}/data`, mode: 'browser', logger: quiet, spawnImportThread: spawnImportThreadFromSource });
    try {
      const caseId = await brokerCase(b);
      await call(b, 'vehicles.apply', { caseId, changes: [{ op: 'upsert', record: { vin: vin(999_999), category: 'M1', propulsion: 'ice', engineCc: 1598, productionDate: '2025' } }] });
      const before = await rows(b, caseId);
      const lines = ['vin;category;propulsion;engineCc;productionDate'];
      for (let i = 0; i < 30_000; i += 1) lines.push(`${vin(i)};M1;ice;${1000 + (i % 2000)};2025`);
      const fileId = await upload(b, await text(`${dir}/big.csv`, lines.join('\n')));
      const { jobId } = await call<{ jobId: string }>(b, 'imports.start', { caseId, fileId });
      const { whenCancelled, final } = await cancelAfter(b, jobId, 6000);
      expect(whenCancelled.state).toBe('storing');
      expect(final.state).toBe('cancelled');
      expect(await rows(b, caseId)).toEqual(before);

      const small = await xlsx(`${dir}/small.xlsx`, [['VIN', 'Категория', 'Тип двигателя', 'Объём двигателя, см3', 'Дата выпуска'], [vin(1), 'M1', 'бензин', 1598, '2025']]);
      const job = await importFile(b, caseId, await upload(b, small));
      expect(job).toMatchObject({ state: 'done', report: { counts: { stored: 1 } } });
      expect(await rows(b, caseId)).toHaveLength(2);
    } finally {
      b.close();
    }
  });

  it('falls back to the main thread when no thread can start, says so once, and imports all the same', async () => {
    const dir = tempDir();
    const logged: string[] = [];
    const b = await createBackend({
      dataDir: `${dir}/data`, mode: 'browser',
      logger: { error: (message: string) => void logged.push(message) },
      spawnImportThread: (options) => new Worker(new URL('./no-such-worker.js', import.meta.url), options),
    });
    try {
      const caseId = await brokerCase(b);
      const file = await mixedList(`${dir}/mixed.xlsx`);
      for (let i = 0; i < 2; i += 1) {
        const job = await importFile(b, caseId, await upload(b, file));
        expect(job).toMatchObject({ state: 'done', report: { counts: { stored: Math.floor(STORE_BATCH * 4.5) } } });
      }
      expect(logged.filter((m) => m.includes('could not start'))).toHaveLength(1);
    } finally {
      b.close();
    }
  });
});
