/**
 * Golden fee cases (tests/fees/<cc>-<topic>.json, format in notes/TEAM.md): one test per case,
 * named by file and case, computed against the shipped rate data. `expected` keys are checked
 * only when present; `warnings`/`assumptions` list codes that must be present; `errors` is the
 * exact set of failing fields and `errorCodes` codes that must be present.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compute, type ComputeOptions } from '../src/core/engine';
import { formatLoadIssue } from '../src/core/rates/load';
import type { ComputeResult } from '../src/core/vehicle';
import { defaultRatesDir, loadRatesFromDir } from '../src/main/rates/load-files';

interface GoldenCase {
  name: string;
  source?: string;
  input: unknown;
  options?: ComputeOptions;
  expected: Record<string, unknown>;
}

const FEES_DIR = join(import.meta.dirname, 'fees');
const MIN_CASES = 200;

const files = readdirSync(FEES_DIR).filter((f) => f.endsWith('.json')).sort();
const suites = files.map((file) => {
  const data = JSON.parse(readFileSync(join(FEES_DIR, file), 'utf8')) as { cases?: GoldenCase[] };
  return { file, cases: data.cases ?? [] };
});
const total = suites.reduce((n, s) => n + s.cases.length, 0);

const loaded = loadRatesFromDir(defaultRatesDir());

const LIST_KEYS = new Set(['warnings', 'assumptions', 'errors', 'errorCodes']);

function check(result: ComputeResult, expected: Record<string, unknown>): void {
  const r = result as unknown as Record<string, unknown>;
  for (const [key, want] of Object.entries(expected)) {
    if (LIST_KEYS.has(key)) continue;
    expect(r[key], `${key} (result: ${JSON.stringify(result)})`).toEqual(want);
  }
  for (const key of ['warnings', 'assumptions'] as const) {
    const want = expected[key] as string[] | undefined;
    if (!want) continue;
    const codes = result.ok ? result[key].map((n) => n.code) : [];
    for (const code of want) expect(codes, `${key} must include ${code} (result: ${JSON.stringify(result)})`).toContain(code);
  }
  if (expected.errors !== undefined) {
    const fields = result.ok ? [] : [...new Set(result.errors.map((e) => e.field))].sort();
    expect(fields, `errors (result: ${JSON.stringify(result)})`).toEqual([...new Set(expected.errors as string[])].sort());
  }
  if (expected.errorCodes !== undefined) {
    const codes = result.ok ? [] : result.errors.map((e) => e.code);
    for (const code of expected.errorCodes as string[]) expect(codes, `errorCodes must include ${code} (result: ${JSON.stringify(result)})`).toContain(code);
  }
}

describe('golden fee cases', () => {
  it('the shipped rate data loads without errors', () => {
    expect(loaded.errors.map(formatLoadIssue)).toEqual([]);
  });

  it(`there are at least ${MIN_CASES} cases in tests/fees (now ${total})`, () => {
    expect(total).toBeGreaterThanOrEqual(MIN_CASES);
  });

  for (const { file, cases } of suites) {
    describe(file, () => {
      for (const c of cases) {
        it(c.name, () => {
          const [result] = compute([c.input], loaded.bundle, c.options ?? {});
          check(result!, c.expected);
        });
      }
    });
  }
});
