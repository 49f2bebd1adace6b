/**
 * Excel in and out at scale: importing a 12-column .xlsx into a case (read, map, validate,
 * compute, store in one transaction) against a bare exceljs streaming read of the same file in
 * the same run, and exporting that case against a bare exceljs streaming write of the same rows.
 * Ratios, not seconds, are the targets: the machine is shared and noisy.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createBackend } from '../src/main/backend';
import { spawnImportThreadFromSource } from '../src/main/services/import-worker-source';
import type { BenchResult } from './result';

const HEADERS = ['№', 'VIN', 'Марка', 'Модель', 'Категория', 'Тип двигателя', 'Объём двигателя, см3', 'Мощность, л.с.', 'Дата выпуска', 'Импортёр', 'Страна отправления', 'Примечание'];
const MAKES = ['Lada', 'Toyota', 'Hyundai', 'Kia', 'Chery', 'Haval'];
const PROPULSION = ['бензин', 'дизель', 'гибрид', 'электро'];

function row(i: number): (string | number)[] {
  return [
    i + 1, `XTA21099${String(i).padStart(9, '0')}`, MAKES[i % MAKES.length]!, `Model ${i % 50}`, 'M1', PROPULSION[i % 4]!,
    1000 + (i % 2500), 80 + (i % 150), `${String((i % 28) + 1).padStart(2, '0')}.03.20${20 + (i % 6)}`, i % 3 === 0 ? 'юрлицо' : 'физлицо', 'Китай', i % 10 === 0 ? 'срочно' : '',
  ];
}

async function writeSource(path: string, rows: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: false, useSharedStrings: false });
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(HEADERS).commit();
  for (let i = 0; i < rows; i += 1) ws.addRow(row(i)).commit();
  ws.commit();
  await wb.commit();
}

async function bareRead(path: string): Promise<number> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  let n = 0;
  for await (const ws of reader) {
    for await (const r of ws as unknown as AsyncIterable<{ values: unknown[] }>) if (r.values.length > 0) n += 1;
  }
  return n;
}

async function bareWrite(path: string, rows: unknown[][]): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet('Sheet1');
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}

/** Peak RSS and heap while `work` runs, sampled every 20 ms. */
async function peakOf<T>(work: () => Promise<T>): Promise<{ value: T; rss: number; heap: number }> {
  let rss = process.memoryUsage().rss;
  let heap = process.memoryUsage().heapUsed;
  const timer = setInterval(() => {
    const m = process.memoryUsage();
    rss = Math.max(rss, m.rss);
    heap = Math.max(heap, m.heapUsed);
  }, 20);
  try {
    const value = await work();
    return { value, rss, heap };
  } finally {
    clearInterval(timer);
  }
}

const seconds = (from: number) => (performance.now() - from) / 1000;
const round2 = (n: number) => Math.round(n * 100) / 100;

async function run(rows: number): Promise<BenchResult[]> {
  const dir = mkdtempSync(join(tmpdir(), 'tamga-bench-excel-'));
  try {
    const source = join(dir, 'list.xlsx');
    await writeSource(source, rows);
    const backend = await createBackend({ dataDir: join(dir, 'data'), mode: 'browser', spawnImportThread: spawnImportThreadFromSource, logger: { error: () => undefined } });
    try {
      const client = await backend.registry.dispatch('clients.save', { kind: 'individual', name: 'Bench', country: 'KZ', taxId: '900101300007' });
      if (!client.ok) throw new Error(JSON.stringify(client.error));
      const kase = await backend.registry.dispatch('cases.create', { clientId: (client.value as { id: number }).id, country: 'KZ', ruleDate: '2026-06-01' });
      if (!kase.ok) throw new Error(JSON.stringify(kase.error));
      const caseId = (kase.value as { id: number }).id;

      let t = performance.now();
      const read = await bareRead(source);
      const bareReadS = seconds(t);
      if (read !== rows + 1) throw new Error(`bare read saw ${read} rows`);

      // As the import screen does: the file is uploaded and previewed (which starts the import
      // thread) before the broker presses Import, half a second later at the very least (they
      // read the mapping first); the clock runs from the press. Starting the thread from the
      // sources (tsx) takes ≈ 0.35 s, from the bundle less; without the preview it would count.
      const fileId = (await backend.transfers.adopt(source)).id;
      const preview = await backend.registry.dispatch('imports.preview', { caseId, fileId, language: 'ru' });
      if (!preview.ok) throw new Error(JSON.stringify(preview.error));
      await new Promise((resolve) => setTimeout(resolve, 500));
      global.gc?.();
      const base = process.memoryUsage().rss;
      t = performance.now();
      const imported = await peakOf(async () => {
        const { jobId } = await backend.imports.start({ caseId, fileId, language: 'ru' });
        return backend.imports.settled(jobId);
      });
      const importS = seconds(t);
      if (imported.value.state !== 'done' || imported.value.report?.counts.stored !== rows) throw new Error(`import: ${JSON.stringify(imported.value.error ?? imported.value.report?.counts)}`);

      const listed = await backend.registry.dispatch('vehicles.list', { caseId });
      if (!listed.ok) throw new Error('list');
      const flat = (listed.value as { record: Record<string, unknown>; result: { ok: boolean; fee?: string; currency?: string; basis?: string } }[]).map((v) => [
        ...Object.values(v.record), v.result.ok ? Number(v.result.fee) : null, v.result.currency ?? null, v.result.basis ?? '',
      ]);
      t = performance.now();
      await bareWrite(join(dir, 'bare.xlsx'), flat);
      const bareWriteS = seconds(t);
      t = performance.now();
      const exported = await backend.registry.dispatch('exports.case', { caseId, format: 'xlsx', language: 'ru' });
      const exportS = seconds(t);
      if (!exported.ok) throw new Error(JSON.stringify(exported.error));

      const k = rows >= 1000 ? `${rows / 1000}k` : String(rows);
      console.log(`excel ${k}: bare read ${bareReadS.toFixed(2)} s, import ${importS.toFixed(2)} s (peak RSS ${(imported.rss / 2 ** 20).toFixed(0)} MB, +${((imported.rss - base) / 2 ** 20).toFixed(0)} MB; heap ${(imported.heap / 2 ** 20).toFixed(0)} MB); bare write ${bareWriteS.toFixed(2)} s, export ${exportS.toFixed(2)} s`);
      return [
        { name: `import ${k} rows × 12 cols / bare exceljs streaming read`, value: round2(importS / bareReadS), unit: '×', target: 1.5, better: 'lower' },
        { name: `import ${k} rows: peak RSS`, value: Math.round(imported.rss / 2 ** 20), unit: 'MB', target: 500, better: 'lower' },
        { name: `export ${k} rows / bare exceljs streaming write`, value: round2(exportS / bareWriteS), unit: '×', target: 1.5, better: 'lower' },
      ];
    } finally {
      backend.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchExcel(rows: number): Promise<BenchResult[]> {
  return run(rows);
}
