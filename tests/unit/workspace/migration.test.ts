import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src/main/db/open';
import { migrations } from '../../../src/main/db/migrations/index';
import { ProfileService } from '../../../src/main/services/profile';
import { SettingsService } from '../../../src/main/services/settings';
import { useTempDir } from '../../helpers/tmp';
import { backendIn, call, KZ_IIN } from './helpers';

const tempDir = useTempDir();
const profile = { brokerName: 'ТОО «Тамга Брокер»', licenseNumber: 'KZ-0042', address: 'Алматы', phone: '+7 727 000 00 00', footerText: '', defaultCountry: 'KZ', language: 'kk' } as const;

describe('the workspace migration', () => {
  it('upgrades a database at the previous schema version and keeps the saved profile and settings', async () => {
    const dir = tempDir();
    const previous = migrations.filter((m) => m.id < 3);
    const old = await openDatabase({ dataDir: dir, migrations: previous });
    new ProfileService(old.db).save(profile);
    new SettingsService(old.db).save({ applyUnconfirmed: [] });
    old.db.close();

    const b = await backendIn(dir);
    expect(b.info.schemaVersion).toBe(migrations.length);
    expect(await call(b, 'profile.get', {})).toEqual(profile);
    const tables = b.db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN ('clients', 'cases', 'vehicles', 'audit_log', 'sequences') ORDER BY name").pluck().all();
    expect(tables).toEqual(['audit_log', 'cases', 'clients', 'sequences', 'vehicles']);
    // the new tables work on the upgraded file
    const client = await call<{ id: number }>(b, 'clients.save', { kind: 'individual', name: 'Сейтқали', country: 'KZ', taxId: KZ_IIN });
    await call(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' });
    b.close();
  });

  it('keeps referential rules: a client with cases cannot be deleted; a case’s audit trail keeps the case', async () => {
    const b = await backendIn(tempDir());
    const client = await call<{ id: number }>(b, 'clients.save', { kind: 'individual', name: 'A', country: 'KZ', taxId: KZ_IIN });
    await call(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' });
    expect(() => b.db.prepare('DELETE FROM clients WHERE id = ?').run(client.id)).toThrow(/FOREIGN KEY/);
    expect(() => b.db.prepare('DELETE FROM cases').run()).toThrow(/FOREIGN KEY/);
    expect(() => b.db.prepare("UPDATE cases SET status = 'lost'").run()).toThrow(/CHECK/);
    b.close();
  });
});
