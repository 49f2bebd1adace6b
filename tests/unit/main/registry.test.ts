import { describe, expect, it } from 'vitest';
import { ApiRegistry } from '../../../src/main/api/registry';
import { AppError } from '../../../src/main/api/errors';
import { methodNames } from '../../../src/core/api/contract';
import { createBackend } from '../../../src/main/backend';
import { useTempDir } from '../../helpers/tmp';

const tempDir = useTempDir();
const quiet = { error: () => undefined };

const validProfile = {
  brokerName: 'ТОО «Тамга Брокер»',
  licenseNumber: 'KZ-0457',
  address: 'Хоргос, МЦПС',
  phone: '+7 701 555-12-34',
  footerText: 'Расчёт носит справочный характер.',
  defaultCountry: 'KZ',
  language: 'ru',
} as const;

describe('the API registry', () => {
  it('refuses to register a method twice', () => {
    const registry = new ApiRegistry(quiet);
    registry.register('app.info', () => ({ version: '1', dataDir: '', databaseFile: '', schemaVersion: 1, mode: 'browser' }));
    expect(() => registry.register('app.info', () => ({ version: '2', dataDir: '', databaseFile: '', schemaVersion: 1, mode: 'browser' }))).toThrow(
      /registered twice/,
    );
  });

  it('refuses a method that is not in the contract and reports missing handlers at start-up', () => {
    const registry = new ApiRegistry(quiet);
    expect(() => registry.register('sql.exec' as never, (() => null) as never)).toThrow(/not in the contract/);
    expect(() => registry.assertComplete()).toThrow(/without a handler/);
  });

  it('answers unknown methods, including prototype keys, with a typed error', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    for (const name of ['nope', '__proto__', 'constructor', 'toString', 42, null]) {
      const response = await backend.registry.dispatch(name, {});
      expect(response).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
    }
    backend.close();
  });

  it('validates arguments before the handler runs and names each bad field', async () => {
    const backend = await createBackend({ dataDir: tempDir(), mode: 'browser', logger: quiet });
    const response = await backend.registry.dispatch('profile.save', { ...validProfile, brokerName: '', phone: 'call me', extra: 1 });
    expect(response.ok).toBe(false);
    if (response.ok) return;
    expect(response.error.code).toBe('invalid-argument');
    const fields = response.error.issues!.map((i) => i.field).sort();
    expect(fields).toEqual(expect.arrayContaining(['brokerName', 'phone']));
    expect(await backend.registry.dispatch('profile.get', {})).toEqual({ ok: true, value: null });
    backend.close();
  });

  it('turns handler failures into values: AppError keeps its code, anything else is internal', async () => {
    const registry = new ApiRegistry(quiet);
    registry.register('profile.get', () => {
      throw new AppError('not-found', 'no profile');
    });
    registry.register('app.info', () => {
      throw new Error('disk on fire');
    });
    expect(await registry.dispatch('profile.get', {})).toEqual({ ok: false, error: { code: 'not-found', message: 'no profile' } });
    const internal = await registry.dispatch('app.info', {});
    expect(internal).toMatchObject({ ok: false, error: { code: 'internal' } });
    expect(JSON.stringify(internal)).not.toContain('disk on fire');
  });

  it('serves every contract method once the backend is built, and persists the profile in SQLite', async () => {
    const dir = tempDir();
    const backend = await createBackend({ dataDir: dir, mode: 'browser', logger: quiet });
    expect(backend.registry.names.sort()).toEqual([...methodNames].sort());
    const saved = await backend.registry.dispatch('profile.save', { ...validProfile, brokerName: '  ТОО «Тамга Брокер»  ' });
    expect(saved).toEqual({ ok: true, value: validProfile });
    backend.close();

    const reopened = await createBackend({ dataDir: dir, mode: 'browser', logger: quiet });
    expect(await reopened.registry.dispatch('profile.get', {})).toEqual({ ok: true, value: validProfile });
    reopened.close();
  });
});
