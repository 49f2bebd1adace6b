import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { migrations } from '../../../src/main/db/migrations/index';
import { createBackend } from '../../../src/main/backend';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir();

describe('the statements migration', () => {
  it('upgrades a database from the step before it, keeping its cases, and the new table guards issued statements', async () => {
    const dir = tempDir();
    const step = migrations.find((m) => m.name === 'statements')!;
    const previous = await openDatabase({ dataDir: dir, migrations: migrations.filter((m) => m.id < step.id) });
    previous.db.prepare("INSERT INTO clients (kind, name, country, tax_id, created_at, updated_at) VALUES ('individual', 'A', 'KZ', '900101300007', 't', 't')").run();
    previous.db.prepare("INSERT INTO cases (number, client_id, country, rule_date, created_at, updated_at) VALUES ('2026-0001', 1, 'KZ', '2026-06-01', 't', 't')").run();
    previous.db.close();

    const b = await createBackend({ dataDir: dir, mode: 'browser', logger: { error: () => undefined } });
    expect(b.info.schemaVersion).toBe(migrations.length);
    expect(b.db.prepare('SELECT number FROM cases').pluck().all()).toEqual(['2026-0001']);
    const insert = b.db.prepare(
      `INSERT INTO statements (number, case_id, snapshot, hash, language, case_number, client_name, country, rule_date, issue_date, vehicle_count, totals, issued_at)
       VALUES (?, 1, '{}', ?, 'ru', '2026-0001', 'A', 'KZ', '2026-06-01', '2026-06-02', 0, '[]', 't')`,
    );
    insert.run('2026-000001', 'a'.repeat(64));
    expect(() => insert.run('2026-000001', 'b'.repeat(64))).toThrow(/UNIQUE/);
    expect(() => insert.run('2026-000002', 'short')).toThrow(/CHECK/);
    expect(() => b.db.prepare("UPDATE statements SET cancelled_at = 'x' WHERE id = 1").run()).toThrow(/CHECK/);
    b.db.prepare("UPDATE statements SET cancelled_at = 'x', cancel_reason = 'y' WHERE id = 1").run();
    expect(() => b.db.prepare("UPDATE statements SET cancelled_at = 'z', cancel_reason = 'w' WHERE id = 1").run()).toThrow(/only once/);
    expect(() => b.db.prepare("UPDATE statements SET hash = ? WHERE id = 1").run('c'.repeat(64))).toThrow(/cannot be changed/);
    expect(() => b.db.prepare('DELETE FROM statements').run()).toThrow(/never deleted/);
    expect(() => b.db.prepare('DELETE FROM cases').run()).toThrow(/FOREIGN KEY|never deleted/);
    b.close();
  });
});
