/**
 * The one migration runner. A database records the migrations applied to it in `_migrations`;
 * that history must be a prefix of the app's list. A longer history means the file was written
 * by a newer Tamga; a different one means it is not ours (or was tampered with). Both are
 * refused before anything is written, so the user's file is left exactly as it was.
 */
import type { Database } from 'better-sqlite3';

export interface Migration {
  id: number;
  name: string;
  sql: string;
}

export type RefusalReason = 'newer' | 'unknown-history' | 'not-a-database';

export class DatabaseRefusedError extends Error {
  constructor(
    readonly reason: RefusalReason,
    message: string,
  ) {
    super(message);
    this.name = 'DatabaseRefusedError';
  }
}

interface AppliedRow {
  id: number;
  name: string;
}

export function appliedMigrations(db: Database): AppliedRow[] {
  const table = db
    .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name = '_migrations'")
    .get();
  if (!table) return [];
  return db.prepare('SELECT id, name FROM _migrations ORDER BY id').all() as AppliedRow[];
}

/** Which known migrations are still to apply; throws DatabaseRefusedError for a foreign history. */
export function pendingMigrations(applied: AppliedRow[], known: readonly Migration[], file: string): Migration[] {
  if (applied.length > known.length) {
    throw new DatabaseRefusedError(
      'newer',
      `The database ${file} was written by a newer version of Tamga (schema ${applied.length}, this app knows ${known.length}). ` +
        'Install the newer version; the file has not been changed.',
    );
  }
  applied.forEach((row, i) => {
    const expected = known[i];
    if (!expected || expected.id !== row.id || expected.name !== row.name) {
      throw new DatabaseRefusedError(
        'unknown-history',
        `The database ${file} has an unknown migration history (step ${i + 1} is "${row.id} ${row.name}", ` +
          `expected "${expected ? `${expected.id} ${expected.name}` : 'nothing'}"). The file has not been changed.`,
      );
    }
  });
  return known.slice(applied.length);
}

/** Applies each migration in its own transaction and records it, so a crash leaves a clean prefix. */
export function applyMigrations(db: Database, pending: readonly Migration[], now: () => Date): void {
  db.exec(`CREATE TABLE IF NOT EXISTS _migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL) STRICT`);
  const record = db.prepare('INSERT INTO _migrations (id, name, applied_at) VALUES (?, ?, ?)');
  for (const m of pending) {
    db.transaction(() => {
      db.exec(m.sql);
      record.run(m.id, m.name, now().toISOString());
    })();
  }
}
