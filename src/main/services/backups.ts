/**
 * Backups as the broker sees them: a daily automatic backup, "create now", restore with a revert
 * point, and the whole database exported and imported as one file for moving to a new computer.
 * Replacing the open database is the backend's job (it closes, swaps and reopens every service);
 * this service decides what may replace it and keeps the revert point first.
 */
import type { Database } from 'better-sqlite3';
import type { Backup } from '../../core/api/contract';
import {
  backupTo,
  BackupRefusedError,
  findBackupFile,
  inspectDatabaseFile,
  listBackupFiles,
  pruneBackups,
  removePartialBackups,
  writeBackup,
  type BackupFile,
} from '../db/backups';
import type { Migration } from '../db/migrate';
import { migrations as knownMigrations } from '../db/migrations/index';
import { AppError } from '../api/errors';
import type { TransferStore } from '../io/transfers';

const DAY_MS = 24 * 60 * 60 * 1000;

export interface DatabaseHost {
  /** the open database */
  db(): Database;
  transfers(): TransferStore;
  /** closes every service, puts the (checked) file at `source` in place and reopens through the one opener */
  replaceWith(source: string, revertPoint: BackupFile): Promise<void>;
}

export interface BackupServiceOptions {
  dataDir: string;
  host: DatabaseHost;
  migrations?: readonly Migration[];
  now?: () => Date;
}

function toBackup(b: BackupFile): Backup {
  return { id: b.id, kind: b.kind, createdAt: b.createdAt.toISOString(), sizeBytes: b.sizeBytes };
}

function refused(field: string, error: BackupRefusedError): AppError {
  return new AppError('invalid-argument', error.message, [{ field, code: error.problem, message: error.message }]);
}

export class BackupService {
  private readonly dataDir: string;
  private readonly host: DatabaseHost;
  private readonly known: readonly Migration[];
  private readonly now: () => Date;

  constructor(options: BackupServiceOptions) {
    this.dataDir = options.dataDir;
    this.host = options.host;
    this.known = options.migrations ?? knownMigrations;
    this.now = options.now ?? (() => new Date());
  }

  list(): Backup[] {
    return listBackupFiles(this.dataDir).map(toBackup);
  }

  async create(): Promise<Backup> {
    return toBackup(await this.write('manual'));
  }

  /** At start-up: a backup when the newest automatic one is a day old (or there is none). */
  async backupIfDue(): Promise<Backup | null> {
    removePartialBackups(this.dataDir);
    const now = this.now();
    const last = listBackupFiles(this.dataDir).find((b) => b.kind === 'automatic');
    if (last && now.getTime() - last.createdAt.getTime() < DAY_MS && last.createdAt.getTime() <= now.getTime()) return null;
    return toBackup(await this.write('automatic'));
  }

  async restore(id: string): Promise<{ restored: Backup; revertPoint: Backup }> {
    const chosen = findBackupFile(this.dataDir, id);
    if (!chosen) throw new AppError('not-found', `No backup ${id}`);
    this.inspect(chosen.path, 'id');
    // Pruned only afterwards: pruning first could remove the very backup being restored.
    const revertPoint = await this.write('pre-restore', false);
    await this.host.replaceWith(chosen.path, revertPoint);
    pruneBackups(this.dataDir, this.now());
    return { restored: toBackup(chosen), revertPoint: toBackup(revertPoint) };
  }

  async exportDatabase(): Promise<{ downloadId: string; fileName: string }> {
    const day = this.now().toISOString().slice(0, 10);
    const out = await this.host.transfers().create(`tamga-${day}.sqlite`);
    await backupTo(this.host.db(), out.path);
    return { downloadId: out.id, fileName: out.name };
  }

  async importDatabase(fileId: string): Promise<{ revertPoint: Backup }> {
    const transfers = this.host.transfers();
    const file = await transfers.get(fileId);
    if (!file) throw new AppError('not-found', 'The uploaded file is gone; upload it again.');
    this.inspect(file.path, 'fileId');
    const revertPoint = await this.write('pre-restore');
    await this.host.replaceWith(file.path, revertPoint);
    // The transfer store belongs to the reopened backend now; the upload has served its purpose.
    await this.host.transfers().remove(fileId);
    return { revertPoint: toBackup(revertPoint) };
  }

  private inspect(path: string, field: string): void {
    try {
      inspectDatabaseFile(path, this.known);
    } catch (error) {
      if (error instanceof BackupRefusedError) throw refused(field, error);
      throw error;
    }
  }

  private async write(kind: Backup['kind'], prune = true): Promise<BackupFile> {
    const now = this.now();
    const written = await writeBackup(this.host.db(), this.dataDir, kind, now);
    if (prune) pruneBackups(this.dataDir, now);
    return written;
  }
}
