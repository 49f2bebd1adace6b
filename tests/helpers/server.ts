/**
 * The browser-mode backend as a child process, for tests that must kill it (SIGKILL) and start it
 * again on the same data folder. It runs from source (`node --import tsx src/main/web.ts`), not
 * from out/main/web.js: a crash test must not depend on, or race another engineer's, build, and
 * tsx starts it in about a second. There is no renderer folder then; the API does not need one.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { createHash } from 'node:crypto';

export interface ApiAnswer<T> {
  ok: boolean;
  value?: T;
  error?: { code: string; message: string; issues?: { field: string; code: string; message: string }[] };
}

export interface ChildServer {
  child: ChildProcess;
  pid: number;
  origin: string;
  token: string;
  /** the API's whole answer, `{ ok, value | error }` */
  raw<T = unknown>(method: string, args: unknown): Promise<ApiAnswer<T>>;
  /** the value, or throws with the API's error */
  call<T = unknown>(method: string, args: unknown): Promise<T>;
  upload(path: string): Promise<string>;
  /** SIGKILL: no handler runs, nothing is flushed */
  kill(): Promise<void>;
  /** SIGTERM: the server closes the database and exits */
  stop(): Promise<void>;
}

const START_TIMEOUT_MS = 30_000;

export function startServer(dataDir: string): Promise<ChildServer> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/main/web.ts', '--port', '0', '--data-dir', dataDir], {
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, TAMGA_DATA_DIR: dataDir },
    });
    let output = '';
    let started = false;
    const exited = new Promise<void>((done) => child.once('exit', () => done()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`browser mode did not start:\n${output}`));
    }, START_TIMEOUT_MS);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Tamga browser mode: (\S+)/.exec(output);
      if (!match || started) return;
      started = true;
      clearTimeout(timer);
      const url = new URL(match[1]!);
      resolve(server(child, url.origin, url.searchParams.get('token') ?? '', exited));
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      if (!started) reject(new Error(`browser mode exited (${code ?? signal}):\n${output}`));
    });
  });
}

function server(child: ChildProcess, origin: string, token: string, exited: Promise<void>): ChildServer {
  const raw = async <T>(method: string, args: unknown): Promise<ApiAnswer<T>> => {
    const response = await fetch(`${origin}/api/${method}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-tamga-token': token },
      body: JSON.stringify(args),
    });
    return (await response.json()) as ApiAnswer<T>;
  };
  const signal = async (name: NodeJS.Signals) => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill(name);
    await exited;
  };
  return {
    child,
    pid: child.pid!,
    origin,
    token,
    raw,
    call: async <T>(method: string, args: unknown): Promise<T> => {
      const answer = await raw<T>(method, args);
      if (!answer.ok) throw new Error(`${method} failed: ${JSON.stringify(answer.error)}`);
      return answer.value as T;
    },
    upload: async (path: string) => {
      const response = await fetch(`${origin}/upload`, {
        method: 'POST',
        headers: { 'x-tamga-token': token, 'x-tamga-filename': encodeURIComponent(basename(path)) },
        body: await readFile(path),
      });
      const answer = (await response.json()) as ApiAnswer<{ fileId: string }>;
      if (!answer.ok) throw new Error(`upload failed: ${JSON.stringify(answer.error)}`);
      return answer.value!.fileId;
    },
    kill: () => signal('SIGKILL'),
    stop: () => signal('SIGTERM'),
  };
}

/** Per table, each row's SHA-256 by rowid: compares databases of 100,000 rows without holding them. */
export type DbSnapshot = Map<string, Map<number, string>>;

/** `PRAGMA integrity_check` and a snapshot, read-only, with no server running on the file. */
export function inspectDatabase(file: string): { integrity: string; snapshot: DbSnapshot } {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const integrity = (db.pragma('integrity_check') as { integrity_check: string }[]).map((r) => r.integrity_check).join('\n');
    const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
    const snapshot: DbSnapshot = new Map();
    for (const table of tables) {
      const rows = new Map<number, string>();
      for (const row of db.prepare(`SELECT rowid AS _rowid, * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) {
        rows.set(Number(row[0]), createHash('sha256').update(JSON.stringify(row.slice(1), (_k, v: unknown) => (Buffer.isBuffer(v) ? v.toString('base64') : v))).digest('hex'));
      }
      snapshot.set(table, rows);
    }
    return { integrity, snapshot };
  } finally {
    db.close();
  }
}

/** Rows of `before` that are missing or different in `after`, as "table#rowid" (rows added are not listed). */
export function changedRows(before: DbSnapshot, after: DbSnapshot): string[] {
  const changed: string[] = [];
  for (const [table, rows] of before) {
    const now = after.get(table);
    for (const [rowid, hash] of rows) if (now?.get(rowid) !== hash) changed.push(`${table}#${rowid}`);
  }
  return changed;
}

/** Rows of `after` that `before` did not have, as "table#rowid". */
export function addedRows(before: DbSnapshot, after: DbSnapshot): string[] {
  const added: string[] = [];
  for (const [table, rows] of after) {
    const old = before.get(table);
    for (const rowid of rows.keys()) if (!old?.has(rowid)) added.push(`${table}#${rowid}`);
  }
  return added;
}
