/** The real `compute` and `rates` commands, run as a user runs them, on fixture rate data. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixtureFiles } from './fixture';

const root = join(import.meta.dirname, '..', '..', '..');
const tmp = mkdtempSync(join(tmpdir(), 'tamga-cli-'));
const rates = join(tmp, 'rates');
for (const f of fixtureFiles()) {
  mkdirSync(dirname(join(rates, f.file)), { recursive: true });
  writeFileSync(join(rates, f.file), JSON.stringify(f.data));
}

function cli(...args: string[]) {
  const r = spawnSync(process.execPath, [join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), join(root, 'src/main/cli/index.ts'), ...args], { encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('cli', () => {
  it('compute: JSON array on stdout, defaults fill missing fields, a row’s own value wins, exit 0', () => {
    const input = join(tmp, 'in.json');
    writeFileSync(input, JSON.stringify([
      { id: 'a', category: 'M1', propulsion: 'ice', engineCc: 1598 },
      { id: 'b', category: 'M1', propulsion: 'ice', engineCc: 1598, date: '2025-06-01' },
      { id: 'c', category: 'M1', propulsion: 'ice' },
    ]));
    const r = cli('compute', input, '--country', 'KZ', '--date', '2026-03-01', '--importer', 'company', '--lang', 'en', '--rates', rates);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { id: string; ok: boolean; fee?: string; errors?: { field: string }[] }[];
    expect(out.map((x) => [x.id, x.ok, x.fee])).toEqual([['a', true, '192500.00'], ['b', true, '175000.00'], ['c', false, undefined]]);
    expect(out[2]!.errors!.map((e) => e.field)).toEqual(['engineCc']);
  });

  it('compute --out json writes the results file and nothing on stdout', () => {
    const input = join(tmp, 'in2.json');
    const output = join(tmp, 'out.json');
    writeFileSync(input, JSON.stringify([{ country: 'KZ', date: '2026-03-01', category: 'M1', propulsion: 'electric', importer: 'individual' }]));
    const r = cli('compute', input, '--out', output, '--rates', rates);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    expect(JSON.parse(readFileSync(output, 'utf8'))[0].fee).toBe('0.00');
  });

  it('exit 2 with one line on stderr when the input cannot be read', () => {
    for (const args of [['compute', join(tmp, 'missing.json')], ['compute', join(tmp, 'in.json'), '--date', '2026-02-30'], ['compute']]) {
      const r = cli(...args, '--rates', rates);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
    }
    const bad = join(tmp, 'bad.json');
    writeFileSync(bad, '{"not": "an array"}');
    expect(cli('compute', bad, '--rates', rates).code).toBe(2);
  });

  it('rates lists the schedules covering a date', () => {
    const r = cli('rates', '--country', 'KZ', '--date', '2026-06-01', '--rates', rates);
    expect(r.code).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; status: string }[];
    expect(list.map((s) => [s.id, s.status])).toEqual([['KZ-EX', 'in-force'], ['KZ-RB', 'unconfirmed'], ['KZ-STD', 'in-force']]);
  });
});
