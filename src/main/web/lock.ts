/**
 * One running browser-mode server per data folder. Two processes writing one SQLite file are safe
 * for SQLite, but not for the broker: two tabs against two servers would each swap the database
 * on a restore and keep their own import jobs. The Electron shell has requestSingleInstanceLock;
 * browser mode has this file, created atomically (`wx`), holding the owner's pid and start time.
 * A lock whose pid is no longer running was left by a crash and is taken over.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LOCK_FILE_NAME = 'tamga.lock';

export interface LockHolder {
  pid: number;
  startedAt: string;
  token: string;
}

export interface DataDirLock {
  file: string;
  holder: LockHolder;
  release(): void;
}

export class DataDirLockedError extends Error {
  constructor(
    readonly file: string,
    readonly holder: LockHolder,
  ) {
    super(
      `Another Tamga (process ${holder.pid}, started ${holder.startedAt}) is already using this data folder. ` +
        `Close it first; if none is running, delete ${file}.`,
    );
    this.name = 'DataDirLockedError';
  }
}

export interface LockOptions {
  pid?: number;
  now?: () => Date;
  /** whether a process is running; signal 0 asks the OS without touching the process */
  isAlive?: (pid: number) => boolean;
}

export function isProcessAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to another user, which still counts as running.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readHolder(file: string): LockHolder | null {
  try {
    const data = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof data.pid !== 'number' || !Number.isInteger(data.pid) || data.pid <= 0) return null;
    return { pid: data.pid, startedAt: String(data.startedAt ?? ''), token: String(data.token ?? '') };
  } catch {
    return null;
  }
}

const errno = (error: unknown) => (error as NodeJS.ErrnoException).code;

export function acquireDataDirLock(dataDir: string, options: LockOptions = {}): DataDirLock {
  const isAlive = options.isAlive ?? isProcessAlive;
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, LOCK_FILE_NAME);
  const holder: LockHolder = {
    pid: options.pid ?? process.pid,
    startedAt: (options.now ?? (() => new Date()))().toISOString(),
    token: randomBytes(8).toString('hex'),
  };
  const content = `${JSON.stringify(holder)}\n`;

  // A few rounds at most: each one either creates the lock, meets a live holder, or clears a dead one.
  for (let round = 0; round < 5; round++) {
    try {
      writeFileSync(file, content, { flag: 'wx' });
      return {
        file,
        holder,
        release: () => {
          if (readHolder(file)?.token === holder.token) rmSync(file, { force: true });
        },
      };
    } catch (error) {
      if (errno(error) !== 'EEXIST') throw error;
    }
    const existing = readHolder(file);
    if (existing && isAlive(existing.pid)) throw new DataDirLockedError(file, existing);
    // Stale (its process is gone) or unreadable (a crash mid-write): move it aside atomically, so
    // of two starting servers only one removes it.
    const aside = `${file}.stale-${holder.token}`;
    try {
      renameSync(file, aside);
    } catch (error) {
      if (errno(error) === 'ENOENT') continue;
      throw error;
    }
    const moved = readHolder(aside);
    if (moved && existing && moved.token !== existing.token) {
      // Another server took the stale lock between our read and our rename: give its lock back.
      try {
        renameSync(aside, file);
      } catch {
        rmSync(aside, { force: true });
      }
      continue;
    }
    rmSync(aside, { force: true });
  }
  const last = readHolder(file);
  if (last) throw new DataDirLockedError(file, last);
  throw new Error(`Could not take the lock ${file}`);
}
