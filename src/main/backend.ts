/**
 * Builds the backend both transports serve: opens the database, creates the services, registers
 * every API handler. Plain Node: used by the Electron shell, the browser-mode server and tests.
 */
import type { Database } from 'better-sqlite3';
import type { AppInfo } from '../core/api/contract';
import { openDatabase } from './db/open';
import { ApiRegistry, type Logger } from './api/registry';
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
import { formatLoadIssue } from '../core/rates/load';
import { APP_VERSION } from './version';

export interface BackendOptions {
  dataDir: string;
  mode: AppInfo['mode'];
  /** the rate-data folder; resources/rates of this checkout when absent */
  ratesDir?: string;
  logger?: Logger;
}

export interface Backend {
  registry: ApiRegistry;
  db: Database;
  info: AppInfo;
  /** uploaded files and prepared downloads, by id (the shell's dialogs and the web server use it) */
  transfers: TransferStore;
  imports: ImportService;
  close(): void;
}

export async function createBackend(options: BackendOptions): Promise<Backend> {
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
  const transfers = new TransferStore(options.dataDir);
  await transfers.sweep();
  const imports = new ImportService(db, vehicles, fees, transfers, () => profile.get()?.language ?? 'ru');
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

  const registry = new ApiRegistry(options.logger);
  registry.registerAll({
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
    'vehicles.apply': (args) => vehicles.apply(args.caseId, args.changes),
    'vehicles.recompute': (args) => vehicles.recompute(args.caseId),
    'audit.list': (args) => {
      cases.get(args.caseId);
      return audit.list(args.caseId, args.limit, args.offset);
    },
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
  });

  return {
    registry,
    db,
    info,
    transfers,
    imports,
    close: () => db.close(),
  };
}
