import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { Backup } from '../../../src/core/api/contract';
import { createBackend, type Backend } from '../../../src/main/backend';
import { backupDirOf } from '../../../src/main/db/backups';
import { openDatabase } from '../../../src/main/db/open';
import { migrations } from '../../../src/main/db/migrations/index';
import { useTempDir } from '../../helpers/tmp';
import { call, callError, KZ_IIN, quiet } from '../workspace/helpers';

const tempDir = useTempDir('tamga-backups-');
const open: Backend[] = [];
afterEach(() => {
  while (open.length) open.pop()!.close();
});

async function backendIn(dir: string): Promise<Backend> {
  const b = await createBackend({ dataDir: dir, mode: 'browser', logger: quiet });
  open.push(b);
  return b;
}

const client = (name: string) => ({ kind: 'individual', name, country: 'KZ', taxId: KZ_IIN });
const clientNames = async (b: Backend) => (await call<{ items: { name: string }[] }>(b, 'clients.list', {})).items.map((c) => c.name).sort();

/** Every table's rows, to prove a refused restore changed nothing. */
function snapshot(db: Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}"`).all()]));
}

function placeAsBackup(dir: string, source: string | Buffer, name: string): string {
  const target = join(backupDirOf(dir), name);
  if (typeof source === 'string') copyFileSync(source, target);
  else writeFileSync(target, source);
  return name;
}

describe('backups', () => {
  it('takes an automatic backup at start-up, and only once a day', async () => {
    const dir = tempDir();
    const first = await backendIn(dir);
    expect((await call<Backup[]>(first, 'backups.list', {})).map((b) => b.kind)).toEqual(['automatic']);
    first.close();
    open.pop();
    const second = await backendIn(dir);
    expect((await call<Backup[]>(second, 'backups.list', {})).filter((b) => b.kind === 'automatic')).toHaveLength(1);
  });

  it('restores a backup: the data comes back, a revert point is kept, and the API keeps working', async () => {
    const dir = tempDir();
    const b = await backendIn(dir);
    await call(b, 'clients.save', client('Before'));
    const manual = await call<Backup>(b, 'backups.create', {});
    expect(manual).toMatchObject({ kind: 'manual' });
    expect(manual.sizeBytes).toBeGreaterThan(0);
    await call(b, 'clients.save', client('After'));
    expect(await clientNames(b)).toEqual(['After', 'Before']);

    const result = await call<{ restored: Backup; revertPoint: Backup }>(b, 'backups.restore', { id: manual.id });
    expect(result.restored.id).toBe(manual.id);
    expect(result.revertPoint.kind).toBe('pre-restore');
    expect(await clientNames(b)).toEqual(['Before']);
    // Writes go to the restored database through the rebuilt services.
    await call(b, 'clients.save', client('Third'));
    expect(await clientNames(b)).toEqual(['Before', 'Third']);
    expect(b.db.prepare('SELECT count(*) FROM clients').pluck().get()).toBe(2);

    // The revert point undoes the restore.
    await call(b, 'backups.restore', { id: result.revertPoint.id });
    expect(await clientNames(b)).toEqual(['After', 'Before']);
    expect(existsSync(join(dir, 'tamga.sqlite.restoring'))).toBe(false);
  });

  it('restores a backup from an older schema and migrates it on reopening', async () => {
    const old = tempDir();
    const opened = await openDatabase({ dataDir: old, migrations: migrations.slice(0, 3) });
    opened.db.prepare("INSERT INTO profile (id, broker_name, license_number, address, phone, footer_text, default_country, language, updated_at) VALUES (1, 'Old broker', '', '', '', '', 'KZ', 'ru', '2025-01-01')").run();
    opened.db.pragma('wal_checkpoint(TRUNCATE)');
    opened.db.close();

    const dir = tempDir();
    const b = await backendIn(dir);
    const id = placeAsBackup(dir, join(old, 'tamga.sqlite'), 'tamga-2025-01-01T00-00-00-000Z-manual.sqlite');
    await call(b, 'backups.restore', { id });
    expect(await call(b, 'profile.get', {})).toMatchObject({ brokerName: 'Old broker' });
    expect(b.db.prepare('SELECT count(*) FROM _migrations').pluck().get()).toBe(migrations.length);
  });

  describe('refuses a backup that cannot stand in for the database, and changes nothing', () => {
    async function refusedRestore(make: (dir: string, b: Backend) => Promise<string> | string) {
      const dir = tempDir();
      const b = await backendIn(dir);
      await call(b, 'clients.save', client('Kept'));
      const id = await make(dir, b);
      const before = snapshot(b.db);
      const backupsBefore = readdirSync(backupDirOf(dir)).sort();
      const error = await callError(b, 'backups.restore', { id });
      expect(snapshot(b.db)).toEqual(before);
      expect(readdirSync(backupDirOf(dir)).sort()).toEqual(backupsBefore);
      expect(await clientNames(b)).toEqual(['Kept']);
      return error;
    }

    it('a file that is not a database', async () => {
      const error = await refusedRestore((dir) => placeAsBackup(dir, Buffer.from('PK\u0003\u0004 not sqlite at all'), 'tamga-2026-01-01T00-00-00-000Z-manual.sqlite'));
      expect(error).toMatchObject({ code: 'invalid-argument', issues: [{ field: 'id', code: 'not-a-database' }] });
    });

    it('a damaged database', async () => {
      const error = await refusedRestore(async (dir, b) => {
        const good = await call<Backup>(b, 'backups.create', {});
        const bytes = readFileSync(join(backupDirOf(dir), good.id));
        // Keep the header, scribble over the pages that follow it.
        for (let i = 100; i < bytes.length; i += 7) bytes[i] = (bytes[i]! + 91) & 0xff;
        return placeAsBackup(dir, bytes, 'tamga-2026-01-02T00-00-00-000Z-manual.sqlite');
      });
      expect(error.code).toBe('invalid-argument');
      expect(['corrupt', 'unknown-history', 'not-a-database']).toContain(error.issues?.[0]?.code);
    });

    it('a truncated database', async () => {
      const error = await refusedRestore(async (dir, b) => {
        const good = await call<Backup>(b, 'backups.create', {});
        const bytes = readFileSync(join(backupDirOf(dir), good.id));
        return placeAsBackup(dir, bytes.subarray(0, Math.floor(bytes.length / 2)), 'tamga-2026-01-03T00-00-00-000Z-manual.sqlite');
      });
      expect(error).toMatchObject({ code: 'invalid-argument', issues: [{ field: 'id', code: 'corrupt' }] });
    });

    it('a backup written by a newer Tamga', async () => {
      const error = await refusedRestore(async (dir, b) => {
        const good = await call<Backup>(b, 'backups.create', {});
        const file = join(backupDirOf(dir), good.id);
        const db = new BetterSqlite3(file);
        db.prepare("INSERT INTO _migrations (id, name, applied_at) VALUES (999, 'from-the-future', '2030-01-01')").run();
        db.close();
        return good.id;
      });
      expect(error).toMatchObject({ code: 'invalid-argument', issues: [{ field: 'id', code: 'newer' }] });
    });

    it('a database Tamga did not write', async () => {
      const error = await refusedRestore((dir) => {
        const file = join(backupDirOf(dir), 'tamga-2026-01-04T00-00-00-000Z-manual.sqlite');
        const db = new BetterSqlite3(file);
        db.exec('CREATE TABLE t (x)');
        db.close();
        return 'tamga-2026-01-04T00-00-00-000Z-manual.sqlite';
      });
      expect(error).toMatchObject({ code: 'invalid-argument', issues: [{ field: 'id', code: 'unknown-history' }] });
    });

    it('an id that names no backup or a path', async () => {
      expect((await refusedRestore(() => 'tamga-2026-01-05T00-00-00-000Z-manual.sqlite')).code).toBe('not-found');
      expect((await refusedRestore(() => '../../etc/passwd')).code).toBe('invalid-argument');
      expect((await refusedRestore(() => '../tamga.sqlite')).code).toBe('invalid-argument');
    });
  });

  it('moves the whole database to another computer: export one file, import it elsewhere', async () => {
    const from = await backendIn(tempDir());
    await call(from, 'clients.save', client('Moved'));
    const exported = await call<{ downloadId: string; fileName: string }>(from, 'backups.exportDatabase', {});
    expect(exported.fileName).toMatch(/^tamga-\d{4}-\d{2}-\d{2}\.sqlite$/);
    const file = await from.transfers.get(exported.downloadId);
    expect(file).not.toBeNull();

    const to = await backendIn(tempDir());
    await call(to, 'clients.save', client('Replaced'));
    const upload = await to.transfers.adopt(file!.path);
    const result = await call<{ revertPoint: Backup }>(to, 'backups.importDatabase', { fileId: upload.id });
    expect(result.revertPoint.kind).toBe('pre-restore');
    expect(await clientNames(to)).toEqual(['Moved']);
    expect(await to.transfers.get(upload.id)).toBeNull();

    const junk = await to.transfers.create('notes.sqlite');
    writeFileSync(junk.path, 'not a database');
    expect(await callError(to, 'backups.importDatabase', { fileId: junk.id })).toMatchObject({
      code: 'invalid-argument',
      issues: [{ field: 'fileId', code: 'not-a-database' }],
    });
    expect(await clientNames(to)).toEqual(['Moved']);
  });
});
