/**
 * Where an import reads its file and prepares its rows (import-rows.ts): on a thread of its own
 * (import-worker.ts) while the main thread inserts the batches already prepared, or, without one,
 * on the main thread between its inserts. Both keep `readVehicleFile`'s behaviour: batches arrive
 * through `onBatch` in order, one call at a time; `onProgress` reports rows read; aborting
 * rejects with the `aborted` file error; an error thrown by `onBatch` stops the read and is passed
 * back as it is.
 *
 * One thread is kept warm between imports (`warm()` starts it ahead of need: the import screen's
 * preview does); an import started while another runs gets a thread of its own. A thread that
 * cannot be started (a build whose worker file is missing, a platform without worker threads) is
 * logged once, and from then on `read` refuses with `ImportThreadUnavailable` before reading
 * anything, so the import reads on the main thread instead: slower, never broken.
 */
import type { Worker, WorkerOptions } from 'node:worker_threads';
import type { HeaderMapping } from '../../core/import/types';
import type { Logger } from '../api/registry';
import { VehicleFileError } from '../io/errors';
import { readVehicleFile } from '../io/read';
import type { ReadOptions, ReadResult } from '../io/types';
import { ImportPreparer, type Compute, type PreparedBatch, type PrepareContext } from './import-rows';
import { fromWire, PREPARE_WHEN_WAITING, type FromReader, type ImportThreadData, type ToReader, type WireReadOptions } from './import-protocol';

/** Starts import-worker.ts: electron-vite's `?nodeWorker` in the bundles, import-worker-source.ts from sources. */
export type SpawnImportThread = (options: WorkerOptions) => Worker;

export interface ImportReadOptions extends Omit<ReadOptions, 'onRows'> {
  prepare: PrepareContext;
  /** the app's engine (FeeService.compute), for rows prepared on the calling thread */
  compute: Compute;
  onBatch: (batch: PreparedBatch, sheet: { name: string; mapping: HeaderMapping }) => void | Promise<void>;
}

export interface ImportReader {
  read(path: string, options: ImportReadOptions): Promise<ReadResult>;
  /** starts what a read will need, so that the import does not wait for it */
  warm(): void;
  close(): void;
}

/** Parts prepared on the calling thread are numbered from here, apart from the thread's own. */
const CALLER_PARTS = 2 ** 30;

/** Reads and prepares on the calling thread. */
export class InThreadReader implements ImportReader {
  read(path: string, { prepare, compute, onBatch, ...options }: ImportReadOptions): Promise<ReadResult> {
    const preparer = new ImportPreparer(prepare, compute);
    return readVehicleFile(path, { ...options, onRows: (rows, sheet) => onBatch(preparer.prepare(rows), sheet) });
  }

  warm(): void {}

  close(): void {}
}

interface Thread {
  worker: Worker;
  /** resolves when the thread has loaded its code; rejects if it never does */
  ready: Promise<void>;
  alive: boolean;
}

export interface ThreadReaderOptions {
  spawn: SpawnImportThread;
  /** the rate data the app loaded: the thread computes with the same files */
  ratesDir: string;
  logger?: Logger;
  /** tests only: pins which thread prepares the batches (see ImportThreadData) */
  prepareWhenWaiting?: number;
}

/** No thread could be started: the caller reads on its own thread instead (nothing was read). */
export class ImportThreadUnavailable extends Error {
  override readonly name = 'ImportThreadUnavailable';
}

export class ThreadReader implements ImportReader {
  private idle: Thread | null = null;
  private readonly busy = new Set<Thread>();
  private nextId = 1;
  private closed = false;
  /** set when a thread could not start: from then on this process reads on the calling thread */
  private unavailable = false;

  constructor(private readonly options: ThreadReaderOptions) {}

  warm(): void {
    if (this.closed || this.unavailable || this.idle?.alive) return;
    try {
      this.idle = this.start();
    } catch (e) {
      this.giveUp(e);
    }
  }

  async read(path: string, options: ImportReadOptions): Promise<ReadResult> {
    if (this.closed) throw new Error('The import reader is closed');
    if (this.unavailable) throw new ImportThreadUnavailable('No import thread');
    let thread: Thread | null = null;
    try {
      thread = this.idle?.alive ? this.idle : this.start();
      if (thread === this.idle) this.idle = null;
      this.busy.add(thread);
      await thread.ready;
    } catch (e) {
      if (thread) this.busy.delete(thread);
      this.giveUp(e);
      throw new ImportThreadUnavailable('No import thread', { cause: e });
    }
    return this.readOn(thread, path, options);
  }

  close(): void {
    this.closed = true;
    for (const thread of [this.idle, ...this.busy]) if (thread) void thread.worker.terminate();
    this.idle = null;
    this.busy.clear();
  }

  private giveUp(e: unknown): void {
    if (!this.unavailable) (this.options.logger ?? console).error('The import thread could not start; imports read on the main thread', e);
    this.unavailable = true;
  }

  /** A new thread, loading its code; throws if it cannot even be created. */
  private start(): Thread {
    const workerData: ImportThreadData = { ratesDir: this.options.ratesDir, prepareWhenWaiting: this.options.prepareWhenWaiting ?? PREPARE_WHEN_WAITING };
    const worker = this.options.spawn({ workerData });
    const thread: Thread = { worker, ready: Promise.resolve(), alive: true };
    thread.ready = new Promise<void>((resolve, reject) => {
      const onMessage = (m: FromReader) => {
        if (m.type !== 'ready') return;
        worker.off('message', onMessage);
        worker.off('error', reject);
        resolve();
      };
      worker.on('message', onMessage);
      worker.on('error', reject);
      worker.once('exit', (code) => {
        thread.alive = false;
        if (this.idle === thread) this.idle = null;
        reject(new Error(`The import thread stopped before it was ready (exit code ${code})`));
      });
    });
    thread.ready.catch(() => undefined);
    // An error of an idle thread (none is expected: it only waits for work) must not become an
    // unhandled 'error' event of the main process; the thread ends, and the next import starts another.
    worker.on('error', () => {
      thread.alive = false;
    });
    // An idle thread must not keep the process alive; a reading one is referenced while it reads.
    worker.unref();
    return thread;
  }

  private readOn(thread: Thread, path: string, options: ImportReadOptions): Promise<ReadResult> {
    const { worker } = thread;
    const id = this.nextId++;
    const language = options.language ?? 'ru';
    return new Promise<ReadResult>((resolve, reject) => {
      // Batches go to `onBatch` one at a time, in order; `stopped` holds the first reason to stop.
      let queue: Promise<void> = Promise.resolve();
      let stopped: { error: unknown } | null = null;
      let settled = false;
      let preparer: ImportPreparer | null = null;
      const store = (batch: () => PreparedBatch, sheet: { name: string; mapping: HeaderMapping }) => {
        queue = queue.then(async () => {
          if (stopped) return;
          try {
            await options.onBatch(batch(), sheet);
            worker.postMessage({ type: 'ack', id } satisfies ToReader);
          } catch (e) {
            stop(e);
          }
        });
      };

      const finish = (outcome: () => void, reusable: boolean) => {
        if (settled) return;
        settled = true;
        worker.off('message', onMessage);
        worker.off('error', onError);
        worker.off('exit', onExit);
        options.signal?.removeEventListener('abort', onAbort);
        this.busy.delete(thread);
        if (reusable && thread.alive && !this.closed && !this.idle) {
          worker.unref();
          this.idle = thread;
        } else {
          void worker.terminate();
        }
        outcome();
      };
      /** Stops reading now; rejects once the batch being stored (if any) is done with. */
      const stop = (error: unknown) => {
        if (stopped) return;
        stopped = { error };
        void worker.terminate();
        void queue.then(() => finish(() => reject(error), false));
      };
      const onMessage = (m: FromReader) => {
        if (m.type === 'ready' || m.id !== id || stopped) return;
        switch (m.type) {
          case 'progress':
            options.onProgress?.(m.rowsRead);
            return;
          case 'batch':
            store(() => m.batch, m.sheet);
            return;
          case 'rows':
            store(() => (preparer ??= new ImportPreparer(options.prepare, options.compute, CALLER_PARTS)).prepare(m.rows), m.sheet);
            return;
          case 'done':
            void queue.then(() => {
              if (!stopped) finish(() => resolve(m.result), true);
            });
            return;
          case 'failed':
            void queue.then(() => {
              if (!stopped) finish(() => reject(fromWire(m.error)), true);
            });
            return;
        }
      };
      const onError = (e: unknown) => stop(e);
      const onExit = (code: number) => stop(new Error(`The import thread stopped while reading (exit code ${code})`));
      const onAbort = () => stop(new VehicleFileError('aborted', language));

      if (options.signal?.aborted) {
        finish(() => reject(new VehicleFileError('aborted', language)), true);
        return;
      }
      worker.on('message', onMessage);
      worker.on('error', onError);
      worker.on('exit', onExit);
      options.signal?.addEventListener('abort', onAbort, { once: true });
      worker.ref();
      // What crosses to the thread: the read's options without its callbacks and signal.
      const { prepare, compute: _compute, onBatch: _onBatch, onProgress: _onProgress, signal: _signal, ...read } = options;
      worker.postMessage({ type: 'read', id, path, options: read satisfies WireReadOptions, prepare } satisfies ToReader);
    });
  }
}
