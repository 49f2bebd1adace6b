/**
 * `npm run bench`: runs every benchmark, prints each figure against its target, and appends a
 * dated table with the machine's description to BENCHMARKS.md. Speed targets live here, not in
 * timed unit tests, because a shared 2-core machine makes wall-clock assertions flaky.
 *
 * Every run of every benchmark is a fresh process (bench/one.ts): a peak-memory figure is then
 * that benchmark's own, not the heap left by the ones before it, and no run inherits another's
 * warm caches.
 */
import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem, type as osType, release } from 'node:os';
import { join } from 'node:path';
import type { BenchResult } from './result';

const BENCHES = ['engine', 'workspace', 'statements', 'grid', 'excel-10k', 'excel-100k'];

/** Each figure is the median of several runs: one run on a shared 2-core machine is mostly noise. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);

function meets(r: BenchResult): boolean {
  return (r.better ?? 'higher') === 'higher' ? r.value >= r.target : r.value <= r.target;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function runOnce(bench: string, dir: string): BenchResult[] {
  const out = join(dir, `${bench}.json`);
  rmSync(out, { force: true });
  const child = spawnSync(process.execPath, ['--expose-gc', '--import', 'tsx', join(import.meta.dirname, 'one.ts'), bench, out], { stdio: 'inherit' });
  if (child.status !== 0 || !existsSync(out)) throw new Error(`benchmark ${bench} failed (exit ${child.status ?? child.signal})`);
  return JSON.parse(readFileSync(out, 'utf8')) as BenchResult[];
}

const dir = mkdtempSync(join(tmpdir(), 'tamga-bench-'));
const results: BenchResult[] = [];
try {
  for (const bench of BENCHES) {
    const runs = new Map<string, BenchResult[]>();
    for (let i = 0; i < RUNS; i++) {
      for (const r of runOnce(bench, dir)) runs.set(r.name, [...(runs.get(r.name) ?? []), r]);
    }
    for (const same of runs.values()) results.push({ ...same[0]!, value: median(same.map((r) => r.value)) });
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const fmt = (n: number) => n.toLocaleString('en');
const rows = results.map((r) => `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${(r.better ?? 'higher') === 'higher' ? '≥' : '≤'} ${fmt(r.target)} ${r.unit} | ${meets(r) ? 'met' : '**missed**'} |`);
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = [`\n## ${when} UTC — ${machine()}\n`, `| benchmark | result (median of ${RUNS} run${RUNS === 1 ? '' : 's'}, each in a fresh process) | target | |`, '|---|---|---|---|', ...rows, ''].join('\n');

for (const r of results) console.log(`${meets(r) ? 'met   ' : 'MISSED'} ${r.name}: ${fmt(r.value)} ${r.unit}, median of ${RUNS} (target ${(r.better ?? 'higher') === 'higher' ? '≥' : '≤'} ${fmt(r.target)})`);
if (!existsSync('BENCHMARKS.md')) {
  writeFileSync('BENCHMARKS.md', '# Benchmarks\n\nAppended by `npm run bench`: each run with its date and machine. Targets come from the issues.\n');
}
appendFileSync('BENCHMARKS.md', section);
console.log('Appended to BENCHMARKS.md');
