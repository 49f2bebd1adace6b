/**
 * Browser mode entry: `node out/main/web.js [--port N] [--data-dir DIR]`.
 * Serves the built renderer and the API on 127.0.0.1 and prints the URL (with its token).
 * Port: --port, else TAMGA_PORT, else 5177; 0 picks a free one. Data: --data-dir, else
 * TAMGA_DATA_DIR, else the same folder the desktop app uses.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createBackend } from './backend';
import { importThreadStarter } from './import-thread-starter';
import { resolveDataDir } from './paths';
import { startWebServer } from './web/server';
import { acquireDataDirLock } from './web/lock';

const DEFAULT_PORT = 5177;

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { port: { type: 'string' }, 'data-dir': { type: 'string' } },
    strict: true,
  });
  const portText = values.port ?? process.env.TAMGA_PORT ?? String(DEFAULT_PORT);
  const port = Number(portText);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`--port must be a whole number from 0 to 65535, got "${portText}"`);
  }
  const dataDir = values['data-dir'] ?? resolveDataDir();
  const here = dirname(fileURLToPath(import.meta.url));
  const lock = acquireDataDirLock(dataDir);
  process.on('exit', () => lock.release());
  const backend = await createBackend({ dataDir, mode: 'browser', spawnImportThread: await importThreadStarter() });
  const web = await startWebServer({ registry: backend.registry, rendererDir: join(here, '../renderer'), port });
  console.log(`Tamga browser mode: ${web.url}`);
  console.log(`Data folder: ${dataDir}`);

  const stop = () => {
    void web.close().then(() => {
      backend.close();
      process.exit(0);
    });
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(`Tamga could not start: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
