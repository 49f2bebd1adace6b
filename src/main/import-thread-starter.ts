/**
 * How this run starts the import thread (services/import-thread.ts). The bundles (out/main) start
 * the compiled worker electron-vite emits for the `?nodeWorker` import; a run from the TypeScript
 * sources (`node --import tsx src/main/web.ts`, as the crash tests start it) has no compiled
 * worker, and starts it from source instead. Both imports are dynamic so that each kind of run
 * loads only the one it can resolve.
 */
import type { SpawnImportThread } from './services/import-thread';

export async function importThreadStarter(): Promise<SpawnImportThread> {
  if (import.meta.url.endsWith('.ts')) return (await import('./services/import-worker-source')).spawnImportThreadFromSource;
  return (await import('./services/import-worker?nodeWorker')).default;
}
