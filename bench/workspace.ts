/**
 * The broker's workspace through the API registry, on a real database in a temp folder:
 * opening a 10,000-vehicle case (`vehicles.list`, target < 1 s), a 1,000-row paste
 * (`vehicles.apply`, target < 1 s) and recomputing 10,000 rows in main after the case's rule
 * date moved (`vehicles.recompute`, target < 500 ms). Medians of 5 runs after one warm-up.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createBackend, type Backend } from '../src/main/backend';
import type { BenchResult } from './result';

const RUNS = 5;
const CASE_ROWS = 10_000;
const PASTE_ROWS = 1_000;

function vehicle(i: number): Record<string, unknown> {
  const kind = i % 10;
  if (kind < 7) return { id: `r${i}`, vin: `XTA21000${String(i).padStart(9, '0')}`, category: 'M1', propulsion: 'ice', engineCc: 900 + ((i * 37) % 4200), productionDate: `${2015 + (i % 11)}-05-01`, make: 'Lada', model: 'Vesta' };
  if (kind === 7) return { id: `r${i}`, category: 'M1', propulsion: 'electric', powerKw: 50 + (i % 300), productionDate: '2024' };
  if (kind === 8) return { id: `r${i}`, category: 'N3', propulsion: 'ice', engineCc: 12000, grossMassKg: 8000 + ((i * 101) % 40000), productionDate: '2022-01-01' };
  return { id: `r${i}`, category: 'M1', propulsion: 'ice', engineCc: 'big' };
}

async function must<T>(backend: Backend, method: string, args: unknown): Promise<T> {
  const r = await backend.registry.dispatch(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function timed(fn: () => Promise<unknown>): Promise<number> {
  await fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  return Math.round(median(times));
}

export async function benchWorkspace(): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tamga-bench-workspace-'));
  const backend = await createBackend({ dataDir: dir, mode: 'browser', logger: { error: () => undefined } });
  try {
    const client = await must<{ id: number }>(backend, 'clients.save', { kind: 'company', name: 'ТОО Бенч', country: 'KZ', taxId: '150540012348' });
    const big = await must<{ id: number }>(backend, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' });
    await must(backend, 'vehicles.apply', { caseId: big.id, changes: Array.from({ length: CASE_ROWS }, (_, i) => ({ op: 'upsert', record: vehicle(i) })) });

    const open = await timed(async () => {
      const rows = await must<unknown[]>(backend, 'vehicles.list', { caseId: big.id });
      if (rows.length !== CASE_ROWS) throw new Error(`listed ${rows.length} rows`);
    });

    // Each paste goes into a fresh case, made beforehand, so every run inserts 1,000 new rows as a broker's paste does.
    const paste = Array.from({ length: PASTE_ROWS }, (_, i) => ({ op: 'upsert', record: vehicle(i) }));
    const pasteCases: number[] = [];
    for (let i = 0; i <= RUNS; i++) pasteCases.push((await must<{ id: number }>(backend, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01' })).id);
    const apply = await timed(() => must(backend, 'vehicles.apply', { caseId: pasteCases.pop(), changes: paste }));

    // Move the rule date outside the timed call (directly, without its own recompute), so every
    // timed recompute computes and writes all 10,000 results anew.
    const dates = ['2024-06-01', '2025-06-01'];
    let flip = 0;
    const moveDate = backend.db.prepare('UPDATE cases SET rule_date = ? WHERE id = ?');
    const recomputeTimes: number[] = [];
    for (let i = 0; i <= RUNS; i++) {
      moveDate.run(dates[flip++ % 2], big.id);
      const t0 = performance.now();
      await must(backend, 'vehicles.recompute', { caseId: big.id });
      if (i > 0) recomputeTimes.push(performance.now() - t0);
    }

    return [
      { name: 'workspace: open a 10,000-vehicle case (vehicles.list)', value: open, unit: 'ms', target: 1000, better: 'lower' },
      { name: 'workspace: 1,000-row paste (vehicles.apply)', value: apply, unit: 'ms', target: 1000, better: 'lower' },
      { name: 'workspace: recompute 10,000 rows in main (vehicles.recompute)', value: Math.round(median(recomputeTimes)), unit: 'ms', target: 500, better: 'lower' },
    ];
  } finally {
    backend.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await benchWorkspace()) console.log(`${r.name}: ${r.value.toLocaleString('en')} ${r.unit} (target ≤ ${r.target.toLocaleString('en')})`);
}
