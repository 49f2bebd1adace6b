/**
 * Builds the backend both transports serve: opens the database, creates the services, registers
 * every API handler. Plain Node: used by the Electron shell, the browser-mode server and tests.
 */
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../core/api/contract';
import { openDatabase } from './db/open';
import { ApiRegistry, type Logger } from './api/registry';
import { ProfileService } from './services/profile';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  logger?: Logger;
}

export interface Backend {
  registry: ApiRegistry;
  db: Database;
  info: AppInfo;
  close(): void;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
  const opened = await openDatabase({ dataDir: options.dataDir });
  const { db } = opened;
  const profile = new ProfileService(db);
  const info: AppInfo = {
    version: APP_VERSION,
    dataDir: options.dataDir,
    databaseFile: opened.file,
    schemaVersion: opened.schemaVersion,
    mode: options.mode,
  };

  const registry = new ApiRegistry(options.logger);
  registry.registerAll({
    'app.info': () => info,
    'profile.get': () => profile.get(),
    'profile.save': (args) => profile.save(args),
  });

  return {
    registry,
    db,
    info,
    close: () => db.close(),
  };
}
