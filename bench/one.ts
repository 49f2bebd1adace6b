/**
 * One run of one benchmark, in a process of its own (started by bench/index.ts), so that no
 * figure carries another's heap, caches or warm JIT: peak memory especially is the process's.
 * Usage: node --expose-gc --import tsx bench/one.ts <bench> <results.json>
 */
import { writeFileSync } from 'node:fs';
import type { BenchResult } from './result';

const benches: Record<string, () => Promise<BenchResult | BenchResult[]>> = {
  engine: async () => (await import('./engine')).benchEngine(),
  workspace: async () => (await import('./workspace')).benchWorkspace(),
  statements: async () => (await import('./statements')).benchStatements(),
  grid: async () => (await import('./grid')).benchGrid(),
  'excel-10k': async () => (await import('./excel')).benchExcel(10_000),
  'excel-100k': async () => (await import('./excel')).benchExcel(100_000),
};

const [name, out] = process.argv.slice(2);
const bench = name === undefined ? undefined : benches[name];
if (!bench || out === undefined) {
  console.error(`usage: bench/one.ts <${Object.keys(benches).join('|')}> <results.json>`);
  process.exit(2);
}
const results = await bench();
writeFileSync(out, JSON.stringify(Array.isArray(results) ? results : [results]));
