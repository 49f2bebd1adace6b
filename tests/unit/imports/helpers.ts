/** Import tests: a real backend on a real database in a temp folder, files built here with exceljs. */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CaseSummary, Client, ImportJob, ImportPreview, VehicleRow } from '../../../src/core/api/contract';
import type { Backend } from '../../../src/main/backend';
import { backendIn, call, KZ_IIN } from '../workspace/helpers';

export { backendIn, call, KZ_IIN };
export type Cell = string | number | boolean | Date | null | ExcelJS.CellValue;

export async function xlsx(path: string, rows: Cell[][], options: { merges?: string[]; name?: string; extraSheetFirst?: boolean } = {}): Promise<string> {
  const wb = new ExcelJS.Workbook();
  if (options.extraSheetFirst) wb.addWorksheet('Обложка').getCell('A1').value = 'Список ТС для расчёта';
  const ws = wb.addWorksheet(options.name ?? 'Лист1');
  rows.forEach((row, i) => row.forEach((v, c) => {
    if (v !== null) ws.getRow(i + 1).getCell(c + 1).value = v as ExcelJS.CellValue;
  }));
  for (const m of options.merges ?? []) ws.mergeCells(m);
  await wb.xlsx.writeFile(path);
  return path;
}

export async function text(path: string, content: string): Promise<string> {
  await writeFile(path, content, 'utf8');
  return path;
}

export async function setup(dir: string, country: 'KZ' | 'RU' | 'BY' = 'KZ'): Promise<{ b: Backend; client: Client; kase: CaseSummary; path: (name: string) => string }> {
  const b = await backendIn(dir);
  const client = await call<Client>(b, 'clients.save', { kind: 'company', name: 'ТОО «Автоимпорт»', country: 'KZ', taxId: '', phone: '' }).catch(async () =>
    call<Client>(b, 'clients.save', { kind: 'individual', name: 'Иванов Иван', country: 'KZ', taxId: KZ_IIN }));
  const kase = await call<CaseSummary>(b, 'cases.create', { clientId: client.id, country, ruleDate: '2026-06-01', importer: 'individual' });
  return { b, client, kase, path: (name) => join(dir, name) };
}

export async function upload(b: Backend, path: string): Promise<string> {
  return (await b.transfers.adopt(path)).id;
}

export async function preview(b: Backend, caseId: number, fileId: string, extra: Record<string, unknown> = {}): Promise<ImportPreview> {
  return call<ImportPreview>(b, 'imports.preview', { caseId, fileId, ...extra });
}

/** Starts an import and waits for it to finish. */
export async function importFile(b: Backend, caseId: number, fileId: string, extra: Record<string, unknown> = {}): Promise<ImportJob> {
  const { jobId } = await call<{ jobId: string }>(b, 'imports.start', { caseId, fileId, ...extra });
  return b.imports.settled(jobId);
}

export async function rows(b: Backend, caseId: number): Promise<VehicleRow[]> {
  return call<VehicleRow[]>(b, 'vehicles.list', { caseId });
}

/** Waits until an import has stored `rows` rows, cancels it, and returns how it ended. */
export async function cancelAfter(b: Backend, jobId: string, rows: number): Promise<{ whenCancelled: ImportJob; final: ImportJob }> {
  let status: ImportJob;
  do {
    await new Promise((r) => setTimeout(r, 2));
    status = await call<ImportJob>(b, 'imports.status', { jobId });
  } while (status.state === 'reading' || (status.state === 'storing' && status.rowsStored < rows));
  await call(b, 'imports.cancel', { jobId });
  return { whenCancelled: status, final: await b.imports.settled(jobId) };
}
