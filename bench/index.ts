/**
 * `npm run bench`: runs every benchmark, prints each figure against its target, and appends a
 * dated table with the machine's description to BENCHMARKS.md. Speed targets live here, not in
 * timed unit tests, because a shared 2-core machine makes wall-clock assertions flaky.
 */
import { appendFileSync, existsSync, writeFileSync } from 'node:fs';
import { cpus, totalmem, type as osType, release } from 'node:os';
import { benchEngine } from './engine';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  target: number;
  /** whether a larger value is better (throughput) or a smaller one (time, memory) */
  better?: 'higher' | 'lower';
}

type Bench = () => Promise<BenchResult | BenchResult[]>;

const benches: Bench[] = [benchEngine, async () => (await import('./workspace')).benchWorkspace(), async () => (await import('./statements')).benchStatements(), async () => (await import('./grid')).benchGrid(), async () => (await import('./excel')).benchExcel()];

function meets(r: BenchResult): boolean {
  return (r.better ?? 'higher') === 'higher' ? r.value >= r.target : r.value <= r.target;
}

function machine(): string {
  const cpu = cpus();
  return `${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB, ${osType()} ${release()}, Node ${process.version}`;
}

/** Each figure is the median of several runs: one run on a shared 2-core machine is mostly noise. */
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3) || 3);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

const results: BenchResult[] = [];
for (const bench of benches) {
  const runs = new Map<string, BenchResult[]>();
  for (let i = 0; i < RUNS; i++) {
    const out = await bench();
    for (const r of Array.isArray(out) ? out : [out]) runs.set(r.name, [...(runs.get(r.name) ?? []), r]);
  }
  for (const same of runs.values()) results.push({ ...same[0]!, value: median(same.map((r) => r.value)) });
}

const fmt = (n: number) => n.toLocaleString('en');
const rows = results.map((r) => `| ${r.name} | ${fmt(r.value)} ${r.unit} | ${(r.better ?? 'higher') === 'higher' ? '≥' : '≤'} ${fmt(r.target)} ${r.unit} | ${meets(r) ? 'met' : '**missed**'} |`);
const when = new Date().toISOString().slice(0, 16).replace('T', ' ');
const section = [`\n## ${when} UTC — ${machine()}\n`, `| benchmark | result (median of ${RUNS} run${RUNS === 1 ? '' : 's'}) | target | |`, '|---|---|---|---|', ...rows, ''].join('\n');

for (const r of results) console.log(`${meets(r) ? 'met   ' : 'MISSED'} ${r.name}: ${fmt(r.value)} ${r.unit}, median of ${RUNS} (target ${(r.better ?? 'higher') === 'higher' ? '≥' : '≤'} ${fmt(r.target)})`);
if (!existsSync('BENCHMARKS.md')) {
  writeFileSync('BENCHMARKS.md', '# Benchmarks\n\nAppended by `npm run bench`: each run with its date and machine. Targets come from the issues.\n');
}
appendFileSync('BENCHMARKS.md', section);
console.log('Appended to BENCHMARKS.md');
