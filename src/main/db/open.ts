/**
 * The one place a database is opened. Policy, following Signal Desktop's SQL layer:
 * WAL for concurrent readers and crash safety, synchronous=FULL because a broker's issued
 * statement must survive a power cut, foreign_keys=ON because SQLite leaves it off by default.
 * Before migrating an existing database we take an online backup (never a file copy under WAL).
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { migrations as knownMigrations } from './migrations/index';
import { writeBackup } from './backups';
import { appliedMigrations, applyMigrations, DatabaseRefusedError, pendingMigrations, type Migration } from './migrate';

export const DATABASE_FILE_NAME = 'tamga.sqlite';
const SQLITE_HEADER = 'SQLite format 3\u0000';

export interface OpenOptions {
  dataDir: string;
  migrations?: readonly Migration[];
  now?: () => Date;
}

export interface OpenedDatabase {
  db: Database;
  file: string;
  schemaVersion: number;
  /** the backup taken before migrating, if any */
  preMigrationBackup: string | null;
}

export { backupDirOf } from './backups';

function assertSqliteFile(file: string): void {
  const head = readFileSync(file).subarray(0, 16).toString('latin1');
  if (head.length > 0 && head !== SQLITE_HEADER) {
    throw new DatabaseRefusedError('not-a-database', `${file} is not a SQLite database; it has not been changed.`);
  }
}

export async function openDatabase(options: OpenOptions): Promise<OpenedDatabase> {
  const known = options.migrations ?? knownMigrations;
  const now = options.now ?? (() => new Date());
  mkdirSync(options.dataDir, { recursive: true });
  const file = join(options.dataDir, DATABASE_FILE_NAME);
  const existed = existsSync(file);

  // Read the history through a read-only handle first: a refused file must not even get a WAL.
  let pending: Migration[] = [...known];
  let appliedCount = 0;
  if (existed) {
    assertSqliteFile(file);
    const probe = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
    try {
      const applied = appliedMigrations(probe);
      appliedCount = applied.length;
      pending = pendingMigrations(applied, known, file);
    } finally {
      probe.close();
    }
  }

  const db = new BetterSqlite3(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');

    let preMigrationBackup: string | null = null;
    if (existed && appliedCount > 0 && pending.length > 0) {
      preMigrationBackup = (await writeBackup(db, options.dataDir, 'pre-migration', now())).path;
    }
    applyMigrations(db, pending, now);
    return { db, file, schemaVersion: known.length, preMigrationBackup };
  } catch (error) {
    db.close();
    throw error;
  }
}
