/**
 * Backup files of the broker's database: how they are named, written, listed, checked and pruned.
 * Every copy is taken with SQLite's online backup API (`db.backup`), never a file copy: under WAL
 * the main file alone may lack committed pages that still live in the -wal file.
 *
 * A backup is written to a `.partial` name and renamed when complete, so a crash mid-backup never
 * leaves a half-written file that looks like a backup. The file name carries the time and kind,
 * so listing needs no index that could disagree with the folder.
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type { BackupKind } from '../../core/api/contract';
import { appliedMigrations, DatabaseRefusedError, pendingMigrations, type Migration } from './migrate';


export interface BackupFile {
  /** the file name: the only handle the API gives out, never a path */
  id: string;
  kind: BackupKind;
  createdAt: Date;
  sizeBytes: number;
  path: string;
}

const SQLITE_HEADER = 'SQLite format 3\u0000';
/** `tamga-2026-03-01T10-15-00-000Z-automatic.sqlite`, optionally `-2` etc. when two share a millisecond. */
const NAME = /^tamga-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z-(automatic|pre-migration|pre-restore|manual|before-migration-\d+)(?:-(\d+))?\.sqlite$/;
export const BACKUP_ID_PATTERN = NAME;

export function backupDirOf(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(d: Date): string {
  return d.toISOString().replace(/[:.]/g, '-');
}

/** The kind and time a backup's name records, or null for a file that is not one of ours. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: Date } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const createdAt = new Date(`${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z`);
  if (Number.isNaN(createdAt.getTime())) return null;
  // Databases backed up before this module existed were named "before-migration-<id>".
  const kind = m[6]!.startsWith('before-migration') ? 'pre-migration' : (m[6] as BackupKind);
  return { kind, createdAt };
}

export function listBackupFiles(dataDir: string): BackupFile[] {
  const dir = backupDirOf(dataDir);
  if (!existsSync(dir)) return [];
  const out: BackupFile[] = [];
  for (const name of readdirSync(dir)) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const path = join(dir, name);
    const info = statSync(path, { throwIfNoEntry: false });
    if (!info?.isFile()) continue;
    out.push({ id: name, ...parsed, sizeBytes: info.size, path });
  }
  return out.sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
}

/** The backup of an id from the API, or null: the id must be a backup name, so it can never be a path. */
export function findBackupFile(dataDir: string, id: string): BackupFile | null {
  if (!NAME.test(id)) return null;
  return listBackupFiles(dataDir).find((b) => b.id === id) ?? null;
}

/** Writes an online backup of `db` into the backups folder and returns it. */
export async function writeBackup(db: Database, dataDir: string, kind: BackupKind, now: Date): Promise<BackupFile> {
  const dir = backupDirOf(dataDir);
  mkdirSync(dir, { recursive: true });
  const base = `tamga-${stamp(now)}-${kind}`;
  let name = `${base}.sqlite`;
  for (let n = 2; existsSync(join(dir, name)); n++) name = `${base}-${n}.sqlite`;
  const path = join(dir, name);
  await backupTo(db, path);
  return { id: name, kind, createdAt: now, sizeBytes: statSync(path).size, path };
}

/** An online backup of `db` to `path`, appearing there only once complete. */
export async function backupTo(db: Database, path: string): Promise<void> {
  const partial = `${path}.partial`;
  rmSync(partial, { force: true });
  try {
    await db.backup(partial);
    // A backup of a WAL database is marked WAL too; as a rollback-journal file it stands alone,
    // so reading it later leaves no -wal or -shm beside it and it can be moved as one file.
    const copy = new BetterSqlite3(partial, { fileMustExist: true });
    try {
      copy.pragma('journal_mode = DELETE');
    } finally {
      copy.close();
    }
    renameSync(partial, path);
  } catch (error) {
    rmSync(partial, { force: true });
    throw error;
  }
}

/** Removes `.partial` files a crash mid-backup may have left. */
export function removePartialBackups(dataDir: string): void {
  const dir = backupDirOf(dataDir);
  if (!existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (name.endsWith('.partial')) rmSync(join(dir, name), { force: true });
}

/** Copies a checked database file beside the live one (through the backup API), ready to swap in. */
export async function stageReplacement(source: string, databaseFile: string): Promise<string> {
  const staged = `${databaseFile}.restoring`;
  const from = new BetterSqlite3(source, { readonly: true, fileMustExist: true });
  try {
    await backupTo(from, staged);
  } finally {
    from.close();
  }
  return staged;
}

export class DatabaseStillOpenError extends Error {
  constructor() {
    super('The database is still in use (an import may be running); nothing was changed.');
    this.name = 'DatabaseStillOpenError';
  }
}

/**
 * With every connection closed, the staged file replaces the database in one rename. The last
 * connection to close checkpoints and deletes the -wal file; one still there means someone still
 * writes, and a stale -wal beside a new main file would corrupt it, so that refuses the swap.
 */
export function swapInStaged(staged: string, databaseFile: string): void {
  const wal = `${databaseFile}-wal`;
  if ((statSync(wal, { throwIfNoEntry: false })?.size ?? 0) > 0) throw new DatabaseStillOpenError();
  rmSync(wal, { force: true });
  rmSync(`${databaseFile}-shm`, { force: true });
  renameSync(staged, databaseFile);
  syncFolderOf(databaseFile);
}

/** Makes a rename durable where the platform allows it (POSIX); Windows cannot open a folder. */
function syncFolderOf(file: string): void {
  try {
    const fd = openSync(join(file, '..'), 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // best effort: the rename itself is atomic either way
  }
}

export type BackupProblem = 'not-a-database' | 'corrupt' | 'newer' | 'unknown-history';

export class BackupRefusedError extends Error {
  constructor(
    readonly problem: BackupProblem,
    message: string,
  ) {
    super(message);
    this.name = 'BackupRefusedError';
  }
}

/**
 * Checks that a file can stand in for the broker's database: a SQLite file, intact, written by
 * Tamga (a known migration history, not from a newer app). Reads only; throws BackupRefusedError.
 */
export function inspectDatabaseFile(path: string, known: readonly Migration[]): { schemaVersion: number } {
  let head: string;
  try {
    head = readFileSync(path).subarray(0, 16).toString('latin1');
  } catch {
    throw new BackupRefusedError('not-a-database', 'The file cannot be read.');
  }
  if (head !== SQLITE_HEADER) throw new BackupRefusedError('not-a-database', 'The file is not a SQLite database.');
  let probe: Database | null = null;
  try {
    probe = new BetterSqlite3(path, { readonly: true, fileMustExist: true });
    const check = probe.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new BackupRefusedError('corrupt', `The database is damaged: ${String(check).slice(0, 200)}`);
    const applied = appliedMigrations(probe);
    if (applied.length === 0) throw new BackupRefusedError('unknown-history', 'The database was not written by Tamga.');
    pendingMigrations(applied, known, 'backup');
    return { schemaVersion: applied.length };
  } catch (error) {
    if (error instanceof BackupRefusedError) throw error;
    if (error instanceof DatabaseRefusedError) {
      throw new BackupRefusedError(error.reason === 'newer' ? 'newer' : 'unknown-history', error.message);
    }
    throw new BackupRefusedError('corrupt', `The database cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    probe?.close();
  }
}

export const RETENTION = {
  /** backups kept from the current day, newest first */
  today: 5,
  /** earlier days that keep their newest backup */
  days: 30,
  /** months (beyond those days) that keep their newest backup */
  months: 12,
} as const;

const DAY_MS = 24 * 60 * 60 * 1000;
const dayKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}-${d.getDate()}`;
const monthKey = (d: Date) => `${d.getFullYear()}-${d.getMonth()}`;
const startOfDay = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate());

/**
 * Which backups to keep, following Actual Budget's policy: several from today, the newest of each
 * of the last 30 days, the newest of each month for a year; the rest go. Days are the broker's
 * local calendar days. A backup dated in the future (a clock set wrong) counts as today's, and the
 * newest backup is always kept, so a machine whose clock jumps a year ahead keeps something.
 */
export function backupsToKeep(backups: readonly { id: string; createdAt: Date }[], now: Date): Set<string> {
  const newestFirst = [...backups].sort((a, b) => b.createdAt.getTime() - a.createdAt.getTime() || b.id.localeCompare(a.id));
  const keep = new Set<string>();
  if (newestFirst.length > 0) keep.add(newestFirst[0]!.id);
  const today = startOfDay(now).getTime();
  const daysFrom = today - RETENTION.days * DAY_MS;
  // Months counted back from the current month: 12 earlier months plus the current one's remainder.
  const monthsFrom = new Date(now.getFullYear(), now.getMonth() - RETENTION.months, 1).getTime();
  let todayKept = 0;
  const daysSeen = new Set<string>();
  const monthsSeen = new Set<string>();
  for (const b of newestFirst) {
    const t = b.createdAt.getTime();
    if (Number.isNaN(t)) continue;
    if (t >= today) {
      if (todayKept < RETENTION.today) {
        keep.add(b.id);
        todayKept++;
      }
    } else if (t >= daysFrom) {
      const key = dayKey(b.createdAt);
      if (!daysSeen.has(key)) {
        daysSeen.add(key);
        keep.add(b.id);
      }
    } else if (t >= monthsFrom) {
      const key = monthKey(b.createdAt);
      if (!monthsSeen.has(key)) {
        monthsSeen.add(key);
        keep.add(b.id);
      }
    }
  }
  return keep;
}

/** Deletes the backups the retention policy does not keep; returns the ids removed. */
export function pruneBackups(dataDir: string, now: Date): string[] {
  const all = listBackupFiles(dataDir);
  const keep = backupsToKeep(all, now);
  const removed: string[] = [];
  for (const b of all) {
    if (keep.has(b.id)) continue;
    rmSync(b.path, { force: true });
    removed.push(b.id);
  }
  return removed;
}
