/**
 * Starts the reading thread from the TypeScript sources, for runs without a bundle: the tests,
 * the benchmarks. tsx's loader is registered inside the new thread (Node 20 does not pass
 * `--import tsx` on to worker threads), then import-worker.ts is loaded as the bundles load their
 * compiled copy. The bundles (out/main) never use this file: web.ts and index.ts start the
 * compiled worker through electron-vite's `?nodeWorker` import.
 */
import { Worker, type WorkerOptions } from 'node:worker_threads';

const ENTRY = new URL('./import-worker.ts', import.meta.url).href;

export function spawnImportThreadFromSource(options: WorkerOptions): Worker {
  const boot = `import('tsx/esm/api').then(({ tsImport }) => tsImport(${JSON.stringify(ENTRY)}, ${JSON.stringify(import.meta.url)}))`;
  return new Worker(boot, { ...options, eval: true });
}
