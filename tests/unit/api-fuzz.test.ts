/**
 * Every API method, called as a hostile renderer or web page would call it: wrong types, missing
 * and extra keys, huge strings and arrays, prototype-pollution keys, path traversal, NaN and
 * negative or fractional ids. Each call must answer with an error value (never throw, never
 * `internal` for a bad argument) and a refused call must change nothing in the database.
 * Methods come from `methodNames`, so a method added later is fuzzed without editing this file.
 */
import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract, ERROR_CODES, methodNames, type MethodName } from '../../src/core/api/contract';
import { createBackend, type Backend } from '../../src/main/backend';
import { useTempDir } from '../helpers/tmp';
import { call, KZ_IIN, kzCar } from './workspace/helpers';

const RUNS_PER_METHOD = 25;
const SEED = Number(process.env.FUZZ_SEED ?? 20261122);

const tempDir = useTempDir('tamga-fuzz-');
const loggedInternal: string[] = [];
let backend: Backend;

/** Every table's rows, in a stable order. */
function snapshot(db: Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()]));
}

const HUGE_STRING = 'Ж'.repeat(1_000_000);
/** One shared 10^6-element array keeps memory bounded however many runs use it. */
const HUGE_ARRAY: unknown[] = new Array<number>(1_000_000).fill(1);
const TRAVERSAL = ['../../etc/passwd', '..\\..\\Windows\\win.ini', '/etc/passwd', 'C:\\Windows\\system32', '%2e%2e%2f%2e%2e%2f', 'tamga.sqlite', '../tamga.sqlite', '\u0000', 'a/../../b'];
const POLLUTION = ['__proto__', 'constructor', 'prototype'];

const hostileScalar = fc.constantFrom<unknown>(
  NaN, Infinity, -Infinity, -1, 0, -0, 0.5, 1.5, -7.25, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE,
  '', ' ', 'NaN', '1e309', '<script>alert(1)</script>', "'; DROP TABLE clients; --", HUGE_STRING, ...TRAVERSAL,
  null, undefined, true, false, 10n, new Date(NaN), new Map([['a', 1]]), new Set([1]), Symbol.iterator,
  () => 1, HUGE_ARRAY, [HUGE_ARRAY], [[[[[]]]]], {},
);

/** An object whose own keys are the pollution names (as JSON.parse or structured clone would deliver them). */
const polluted = fc.constantFrom<unknown>(
  JSON.parse('{"__proto__": {"polluted": "yes"}}'),
  JSON.parse('{"constructor": {"prototype": {"polluted": "yes"}}}'),
  JSON.parse('{"prototype": {"polluted": "yes"}, "id": 1}'),
  Object.create(null) as unknown,
);

/** Values that pass the type check of some field, so calls also reach the handlers with unknown ids. */
const plausible = fc.oneof(
  fc.integer({ min: 1, max: 5 }),
  fc.boolean(),
  fc.constantFrom<unknown>('KZ', 'RU', 'BY', 'ru', 'kk', 'en', 'xlsx', 'csv', 'individual', 'company', '2026-06-01', 'a'.repeat(32), 'Name', '2026-000001'),
);

const anyValue: fc.Arbitrary<unknown> = fc.letrec<{ value: unknown }>((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    hostileScalar,
    plausible,
    polluted,
    fc.anything({ maxDepth: 2, maxKeys: 4, withNullPrototype: true, withMap: true, withSet: true, withTypedArray: true, withSparseArray: true }),
    fc.array(tie('value'), { maxLength: 4 }),
  ),
})).value;

function fieldNames(schema: z.ZodType): string[] {
  return schema instanceof z.ZodObject ? Object.keys(schema.shape as Record<string, unknown>) : [];
}

/** Objects with the method's own keys (so calls reach the deeper checks), some missing, some extra. */
function argsFor(name: MethodName): fc.Arbitrary<unknown> {
  const fields = fieldNames(contract[name].args);
  const key = fc.oneof(fc.constantFrom(...(fields.length ? fields : ['id']), ...POLLUTION, 'extra', 'fileId', 'path'), fc.string({ maxLength: 12 }));
  const shaped = fc.record(Object.fromEntries(fields.map((f) => [f, anyValue])), { requiredKeys: [] });
  const withExtra = fc.tuple(shaped, fc.dictionary(key, anyValue, { maxKeys: 3 })).map(([a, b]) => Object.assign(Object.create(null) as object, a, b));
  const nearlyValid = fc.record(Object.fromEntries(fields.map((f) => [f, fc.oneof(plausible, plausible, hostileScalar)])), { requiredKeys: [] });
  return fc.oneof(anyValue, shaped, withExtra, nearlyValid, fc.dictionary(key, anyValue, { maxKeys: 5 }));
}

function describeArgs(args: unknown): string {
  try {
    return JSON.stringify(args, (_k, v: unknown) => (typeof v === 'string' && v.length > 60 ? `${v.slice(0, 20)}…(${v.length})` : Array.isArray(v) && v.length > 20 ? `[array ${v.length}]` : typeof v === 'bigint' ? `${v}n` : v)).slice(0, 400);
  } catch {
    return String(args);
  }
}

beforeAll(async () => {
  backend = await createBackend({
    dataDir: tempDir(),
    mode: 'browser',
    logger: { error: (message: string) => void loggedInternal.push(message) },
  });
  // Something in every table the workspace has, so "changes nothing" is a real check.
  await call(backend, 'profile.save', { brokerName: 'Fuzz', licenseNumber: '', address: '', phone: '', footerText: '', defaultCountry: 'KZ', language: 'ru' });
  const client = await call<{ id: number }>(backend, 'clients.save', { kind: 'individual', name: 'Fuzz client', country: 'KZ', taxId: KZ_IIN });
  const kase = await call<{ id: number }>(backend, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' });
  await call(backend, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'upsert', record: kzCar }] });
});

afterAll(() => backend.close());

describe('API fuzzing', () => {
  it('covers every method in the contract', () => {
    expect(methodNames.length).toBeGreaterThan(0);
    expect(backend.registry.names.sort()).toEqual([...methodNames].sort());
  });

  for (const name of methodNames) {
    it(`${name}: hostile arguments are refused with a typed error and change nothing`, async () => {
      const mutates = contract[name].mutates;
      await fc.assert(
        fc.asyncProperty(argsFor(name), async (args) => {
          const before = snapshot(backend.db);
          let response: Awaited<ReturnType<Backend['registry']['dispatch']>>;
          try {
            response = await backend.registry.dispatch(name, args);
          } catch (error) {
            throw new Error(`${name} threw for ${describeArgs(args)}: ${String(error)}`, { cause: error });
          }
          if (!response.ok) {
            expect(ERROR_CODES, `${name} ${describeArgs(args)}`).toContain(response.error.code);
            expect(response.error.code, `${name} ${describeArgs(args)}: ${response.error.message}`).not.toBe('internal');
          }
          if (!mutates || !response.ok) expect(snapshot(backend.db), `${name} changed data for ${describeArgs(args)}`).toBe(before);
          expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        }),
        { numRuns: RUNS_PER_METHOD, seed: SEED, endOnFailure: true },
      );
    });
  }

  it('the fixed hostile arguments are refused by every method that takes arguments', async () => {
    const hostile: unknown[] = [
      null, undefined, 'x', 42, NaN, [], HUGE_ARRAY, HUGE_STRING,
      JSON.parse('{"__proto__": {"polluted": "yes"}}'), { extra: 1 }, { id: -1 }, { id: 1.5 }, { id: NaN }, { id: '../../etc/passwd' },
      { fileId: '../../etc/passwd' }, { jobId: '../../etc/passwd' }, { caseId: 2 ** 60 },
    ];
    for (const name of methodNames) {
      for (const args of hostile) {
        const before = snapshot(backend.db);
        const response = await backend.registry.dispatch(name, args);
        const acceptsEmpty = contract[name].args.safeParse({}).success;
        if (!acceptsEmpty || typeof args !== 'object' || args === null || Array.isArray(args)) {
          expect(response.ok, `${name} accepted ${describeArgs(args)}`).toBe(false);
        }
        if (!response.ok) expect(response.error.code, `${name} ${describeArgs(args)}`).not.toBe('internal');
        if (!response.ok || !contract[name].mutates) expect(snapshot(backend.db)).toBe(before);
      }
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('logged no internal error', () => {
    expect(loggedInternal).toEqual([]);
  });
});
