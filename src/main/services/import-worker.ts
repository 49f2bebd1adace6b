/**
 * The import's reading thread: reads the file (unzip, parse, map, check values) and prepares each
 * batch of rows for the `vehicles` table (record, engine result, encoding: import-rows.ts) while
 * the main thread inserts the batches before. An import's CPU work is about half reading and
 * preparing, half inserting, so on two cores a 100,000-row file imports in little more than the
 * time of its read (import-thread.ts starts this file and speaks to it).
 *
 * It serves one import at a time and then waits for the next, so a warm thread is reused. At most
 * `IN_FLIGHT` batches wait unacknowledged, so a slow store slows the read down instead of piling
 * rows up in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { compute } from '../../core/engine/index';
import type { RateBundle } from '../../core/rates/load';
import { formatLoadIssue } from '../../core/rates/load';
import { readVehicleFile } from '../io/read';
import { loadRatesFromDir } from '../rates/load-files';
import { ImportPreparer } from './import-rows';
import { IN_FLIGHT, toWire, type FromReader, type ImportThreadData, type ToReader } from './import-protocol';

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs as a worker thread only');

let current = -1;
let acknowledged: (() => void) | null = null;
let unacknowledged = 0;

const send = (message: FromReader) => port.postMessage(message);

/**
 * The same rate files the main thread loaded at start, loaded while the thread warms up (before
 * it says it is ready); a file that fails here fails every import on this thread, loudly.
 */
function loadRates(dir: string): RateBundle | Error {
  const loaded = loadRatesFromDir(dir);
  if (loaded.errors.length === 0) return loaded.bundle;
  return new Error(`The rate data could not be loaded:\n${loaded.errors.slice(0, 20).map(formatLoadIssue).join('\n')}`);
}
const data = workerData as ImportThreadData;
const rates = loadRates(data.ratesDir);

async function serve(message: Extract<ToReader, { type: 'read' }>): Promise<void> {
  const { id } = message;
  current = id;
  unacknowledged = 0;
  try {
    if (rates instanceof Error) throw rates;
    const bundle = rates;
    const preparer = new ImportPreparer(message.prepare, (inputs, options) => compute(inputs, bundle, options));
    const result = await readVehicleFile(message.path, {
      ...message.options,
      onProgress: (rowsRead) => send({ type: 'progress', id, rowsRead }),
      onRows: async (rows, sheet) => {
        // The main thread is (nearly) out of work: it prepares this batch itself while this
        // thread reads the next. Otherwise this thread prepares it, and the two stay about
        // equally busy whichever is the faster on the machine at hand.
        if (unacknowledged < data.prepareWhenWaiting) send({ type: 'rows', id, rows, sheet });
        else send({ type: 'batch', id, batch: preparer.prepare(rows), sheet });
        unacknowledged += 1;
        while (unacknowledged >= IN_FLIGHT) await new Promise<void>((resolve) => (acknowledged = resolve));
      },
    });
    send({ type: 'done', id, result });
  } catch (e) {
    send({ type: 'failed', id, error: toWire(e) });
  }
}

port.on('message', (message: ToReader) => {
  if (message.type === 'ack') {
    // an acknowledgement of a read that already failed must not free a batch of this one
    if (message.id !== current) return;
    unacknowledged -= 1;
    const wake = acknowledged;
    acknowledged = null;
    wake?.();
    return;
  }
  void serve(message);
});
send({ type: 'ready' });
