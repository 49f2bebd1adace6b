import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DATABASE_FILE_NAME, openDatabase } from '../../../src/main/db/open';
import { DatabaseRefusedError, type Migration } from '../../../src/main/db/migrate';
import { migrations } from '../../../src/main/db/migrations/index';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir();

const m1: Migration = { id: 1, name: 'first', sql: 'CREATE TABLE a (x TEXT) STRICT;' };
const m2: Migration = { id: 2, name: 'second', sql: 'CREATE TABLE b (y TEXT) STRICT;' };

describe('opening the database', () => {
  it('creates a fresh database with every migration applied and the safety pragmas set', async () => {
    const dir = tempDir();
    const { db, file, schemaVersion, preMigrationBackup } = await openDatabase({ dataDir: dir });
    expect(file).toBe(join(dir, DATABASE_FILE_NAME));
    expect(schemaVersion).toBe(migrations.length);
    expect(preMigrationBackup).toBeNull();
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL
    const applied = db.prepare('SELECT id, name FROM _migrations ORDER BY id').all();
    expect(applied).toEqual(migrations.map(({ id, name }) => ({ id, name })));
    db.close();
  });

  it('upgrades an older database after taking an online backup that still holds the old data', async () => {
    const dir = tempDir();
    const first = await openDatabase({ dataDir: dir, migrations: [m1] });
    first.db.prepare("INSERT INTO a VALUES ('kept')").run();
    first.db.close();

    const second = await openDatabase({ dataDir: dir, migrations: [m1, m2] });
    expect(second.preMigrationBackup).not.toBeNull();
    expect(second.db.prepare('SELECT x FROM a').pluck().all()).toEqual(['kept']);
    expect(second.db.prepare('SELECT count(*) FROM _migrations').pluck().get()).toBe(2);
    second.db.close();

    const backup = new BetterSqlite3(second.preMigrationBackup!, { readonly: true });
    expect(backup.prepare('SELECT x FROM a').pluck().all()).toEqual(['kept']);
    expect(backup.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'b'").pluck().get()).toBe(0);
    backup.close();
  });

  it('refuses a database written by a newer app and leaves the file byte-for-byte untouched', async () => {
    const dir = tempDir();
    const newer = await openDatabase({ dataDir: dir, migrations: [m1, m2] });
    newer.db.pragma('wal_checkpoint(TRUNCATE)');
    newer.db.close();
    const file = join(dir, DATABASE_FILE_NAME);
    const before = readFileSync(file);

    const attempt = openDatabase({ dataDir: dir, migrations: [m1] });
    await expect(attempt).rejects.toBeInstanceOf(DatabaseRefusedError);
    await expect(attempt).rejects.toMatchObject({ reason: 'newer' });
    await expect(attempt).rejects.toThrow(/newer version of Tamga/);
    expect(readFileSync(file).equals(before)).toBe(true);
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('refuses a database with an unknown migration history', async () => {
    const dir = tempDir();
    const other = await openDatabase({ dataDir: dir, migrations: [{ ...m1, name: 'something-else' }] });
    other.db.close();
    await expect(openDatabase({ dataDir: dir, migrations: [m1, m2] })).rejects.toMatchObject({ reason: 'unknown-history' });
  });

  it('refuses a file that is not a SQLite database and does not overwrite it', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE_NAME);
    writeFileSync(file, 'these are a broker’s notes, not a database');
    await expect(openDatabase({ dataDir: dir })).rejects.toMatchObject({ reason: 'not-a-database' });
    expect(readFileSync(file, 'utf8')).toBe('these are a broker’s notes, not a database');
  });

  it('rolls back a failing migration and records nothing for it', async () => {
    const dir = tempDir();
    const broken: Migration = { id: 2, name: 'broken', sql: 'CREATE TABLE c (z TEXT) STRICT; INSERT INTO nowhere VALUES (1);' };
    (await openDatabase({ dataDir: dir, migrations: [m1] })).db.close();
    await expect(openDatabase({ dataDir: dir, migrations: [m1, broken] })).rejects.toThrow(/nowhere/);
    const db = new BetterSqlite3(join(dir, DATABASE_FILE_NAME), { readonly: true });
    expect(db.prepare('SELECT count(*) FROM _migrations').pluck().get()).toBe(1);
    expect(db.prepare("SELECT count(*) FROM sqlite_schema WHERE name = 'c'").pluck().get()).toBe(0);
    db.close();
    expect(readdirSync(join(dir, 'backups')).length).toBe(1);
  });
});
