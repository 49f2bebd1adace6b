/**
 * Builds the backend both transports serve: opens the database, creates the services, registers
 * every API handler. Plain Node: used by the Electron shell, the browser-mode server and tests.
 */
import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3';
import { methodNames, type AppInfo, type MethodName } from '../core/api/contract';
import { openDatabase } from './db/open';
import { ApiRegistry, type Handler, type Handlers, type Logger } from './api/registry';
import { AppError } from './api/errors';
import { BackupService } from './services/backups';
import { stageReplacement, swapInStaged, type BackupFile } from './db/backups';
import { ProfileService } from './services/profile';
import { SettingsService } from './services/settings';
import { FeeService } from './services/fees';
import { defaultRatesDir, loadRatesFromDir, readRateFiles } from './rates/load-files';
import { AuditService } from './services/audit';
import { CaseService } from './services/cases';
import { ClientService } from './services/clients';
import { VehicleService } from './services/vehicles';
import { ImportService } from './services/imports';
import { ExportService } from './services/exports';
import { TransferStore } from './io/transfers';
import { ThreadReader, type ImportReader, type SpawnImportThread } from './services/import-thread';
import { formatLoadIssue } from '../core/rates/load';
import { APP_VERSION } from './version';
import { StatementService } from './services/statements';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  /** the rate-data folder; resources/rates of this checkout when absent */
  ratesDir?: string;
  logger?: Logger;
  /**
   * Starts the thread imports read and prepare their rows on (services/import-thread.ts):
   * electron-vite's `?nodeWorker` in the bundles, `spawnImportThreadFromSource` in tests and
   * benchmarks. Without it an import does all its work on the main thread.
   */
  spawnImportThread?: SpawnImportThread;
}

export interface Backend {
  registry: ApiRegistry;
  db: Database;
  info: AppInfo;
  /** uploaded files and prepared downloads, by id (the shell's dialogs and the web server use it) */
  transfers: TransferStore;
  imports: ImportService;
  statements: StatementService;
  close(): void;
}

/** The methods the outer backend serves itself: they replace the database under every other service. */
type BackupMethod = Extract<MethodName, `backups.${string}`>;
type Wired = Omit<Backend, 'registry'> & { handlers: Omit<Handlers, BackupMethod> };

/** Opens the database and builds every service on it; run again after a restore replaced the file. */
async function wire(options: BackendOptions, importThread: ImportReader | null): Promise<Wired> {
  // Rates first: a broken rate file must stop the app before it shows a single wrong fee.
  const rates = loadRatesFromDir(options.ratesDir);
  if (rates.errors.length > 0) {
    throw new Error(`The rate data could not be loaded:\n${rates.errors.slice(0, 20).map(formatLoadIssue).join('\n')}`);
  }
  const opened = await openDatabase({ dataDir: options.dataDir });
  const { db } = opened;
  const profile = new ProfileService(db);
  const settings = new SettingsService(db);
  const fees = new FeeService(rates.bundle, {
    language: () => profile.get()?.language ?? 'ru',
    settings: () => settings.get(),
  });
  const audit = new AuditService(db);
  const vehicles = new VehicleService(db, fees, audit);
  const cases = new CaseService(db, vehicles, audit);
  const clients = new ClientService(db, cases, () => profile.get()?.language ?? 'ru');
  const statements = new StatementService(db, { bundle: rates.bundle, fees, vehicles, cases, clients, profile, settings, appVersion: APP_VERSION });
  const transfers = new TransferStore(options.dataDir);
  await transfers.sweep();
  const imports = new ImportService(db, vehicles, fees, transfers, () => profile.get()?.language ?? 'ru', importThread);
  const exports = new ExportService(vehicles, (id) => cases.get(id), transfers);
  // Read once, on first request: the renderer asks for them once per window to run the engine itself.
  let rateFiles: { file: string; data: unknown }[] | null = null;
  const info: AppInfo = {
    version: APP_VERSION,
    dataDir: options.dataDir,
    databaseFile: opened.file,
    schemaVersion: opened.schemaVersion,
    mode: options.mode,
  };

  const handlers: Omit<Handlers, BackupMethod> = {
    'app.info': () => info,
    'profile.get': () => profile.get(),
    'profile.save': (args) => profile.save(args),
    'settings.get': () => settings.get(),
    'settings.save': (args) => {
      fees.assertOptIn(args.applyUnconfirmed);
      return settings.save(args);
    },
    'fees.compute': (args) => fees.compute(args.vehicles, args),
    'fees.explain': (args) => fees.explain(args.vehicle, args),
    'fees.compare': (args) => fees.compare(args.vehicle, args.language),
    'rates.list': (args) => fees.list(args),
    'rates.gaps': (args) => fees.gaps(args),
    'rates.codes': (args) => fees.codes(args),
    'rates.files': () => (rateFiles ??= readRateFiles(options.ratesDir ?? defaultRatesDir()).files),
    'clients.list': (args) => clients.list(args),
    'clients.get': (args) => clients.get(args.id),
    'clients.save': (args) => clients.save(args),
    'clients.history': (args) => clients.history(args.id),
    'cases.list': (args) => cases.list(args),
    'cases.get': (args) => cases.get(args.id),
    'cases.create': (args) => cases.create(args),
    'cases.update': (args) => cases.update(args),
    'cases.duplicate': (args) => cases.duplicate(args.id),
    'cases.archive': (args) => cases.archive(args.id, args.archived),
    'vehicles.list': (args) => vehicles.list(args.caseId),
    'vehicles.listCompact': (args) => vehicles.listCompact(args.caseId),
    'vehicles.apply': (args) => vehicles.apply(args.caseId, args.changes),
    'vehicles.recompute': (args) => vehicles.recompute(args.caseId),
    'audit.list': (args) => {
      cases.get(args.caseId);
      return audit.list(args.caseId, args.limit, args.offset);
    },
    // Issuing also freezes the rendered document, so the first print is already the stored one.
    'statements.issue': async (args) => {
      const issued = statements.issue(args);
      await statements.html(issued.id);
      return issued;
    },
    'statements.list': (args) => statements.list(args),
    'statements.get': (args) => statements.get(args.id),
    'statements.html': (args) => statements.html(args.id),
    'statements.cancel': (args) => statements.cancel(args.id, args.reason),
    'statements.reissue': async (args) => {
      const issued = statements.reissue(args.id);
      await statements.html(issued.id);
      return issued;
    },
    'statements.verify': (args) => statements.verify(args),
    'statements.diff': (args) => statements.diff(args.id),
    'imports.preview': (args) => imports.preview(args),
    'imports.start': (args) => imports.start(args),
    'imports.status': (args) => imports.status(args.jobId),
    'imports.cancel': (args) => imports.cancel(args.jobId),
    'imports.saveReport': (args) => imports.saveReport(args.jobId, args.format, args.language),
    'imports.listMappings': (args) => imports.listMappings(args.clientId),
    'imports.saveMapping': (args) => imports.saveMapping(args.clientId, args.name, args.mapping),
    'imports.deleteMapping': (args) => imports.deleteMapping(args.id),
    'exports.case': (args) => exports.exportCase(args),
    'exports.template': (args) => exports.template(args.language),
  };

  return {
    handlers,
    db,
    info,
    transfers,
    imports,
    statements,
    close: () => db.close(),
  };
}

/**
 * The backend both transports hold for the whole run. Its registry stays the same object while a
 * restore swaps the database file underneath: every call goes to the services built on the
 * database open now, and calls arriving mid-swap are refused (conflict) rather than queued.
 */
export async function createBackend(options: BackendOptions): Promise<Backend> {
  // The import thread outlives a restore's rewiring: it holds no database.
  const importThread = options.spawnImportThread
    ? new ThreadReader({ spawn: options.spawnImportThread, ratesDir: options.ratesDir ?? defaultRatesDir(), ...(options.logger ? { logger: options.logger } : {}) })
    : null;
  let current = await wire(options, importThread);
  let swapping = false;

  const replaceWith = async (source: string, revertPoint: BackupFile): Promise<void> => {
    swapping = true;
    try {
      const staged = await stageReplacement(source, current.info.databaseFile);
      current.close();
      try {
        swapInStaged(staged, current.info.databaseFile);
      } catch (error) {
        rmSync(staged, { force: true });
        current = await wire(options, importThread);
        throw new AppError('conflict', error instanceof Error ? error.message : String(error));
      }
      try {
        current = await wire(options, importThread);
      } catch (error) {
        // The file passed inspection, so this is unexpected: put the revert point back.
        swapInStaged(await stageReplacement(revertPoint.path, current.info.databaseFile), current.info.databaseFile);
        current = await wire(options, importThread);
        throw error;
      }
    } finally {
      swapping = false;
    }
  };

  const backups = new BackupService({
    dataDir: options.dataDir,
    host: { db: () => current.db, transfers: () => current.transfers, replaceWith },
  });
  await backups.backupIfDue();

  const own: Pick<Handlers, BackupMethod> = {
    'backups.list': () => backups.list(),
    'backups.create': () => backups.create(),
    'backups.restore': (args) => backups.restore(args.id),
    'backups.exportDatabase': () => backups.exportDatabase(),
    'backups.importDatabase': (args) => backups.importDatabase(args.fileId),
  };
  const isOwn = (name: MethodName): name is BackupMethod => Object.prototype.hasOwnProperty.call(own, name);
  const registry = new ApiRegistry(options.logger);
  for (const name of methodNames) {
    const handler: Handler<typeof name> = (args) => {
      if (swapping) throw new AppError('conflict', 'The database is being restored; try again in a moment.');
      const target = isOwn(name) ? own[name] : current.handlers[name];
      return (target as Handler<typeof name>)(args);
    };
    registry.register(name, handler);
  }
  registry.assertComplete();

  return {
    registry,
    get db() {
      return current.db;
    },
    get info() {
      return current.info;
    },
    get transfers() {
      return current.transfers;
    },
    get imports() {
      return current.imports;
    },
    get statements() {
      return current.statements;
    },
    close: () => {
      importThread?.close();
      current.close();
    },
  };
}
