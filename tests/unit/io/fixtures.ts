/** Fixtures are built here, by the tests, into a fresh temp folder: no binary files of unknown origin. */
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll } from 'vitest';

export function tempDir(): () => string {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'tamga-io-'));
  });
  afterAll(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });
  return () => {
    if (!dir) throw new Error('temp dir not ready: call inside a test');
    return dir;
  };
}

export type Cell = string | number | boolean | Date | null | ExcelJS.CellValue;

export interface SheetSpec {
  name?: string;
  rows: Cell[][];
  merges?: string[];
}

export async function writeXlsx(path: string, sheets: SheetSpec[]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const spec of sheets) {
    const ws = wb.addWorksheet(spec.name ?? 'Sheet1');
    spec.rows.forEach((row, i) => {
      const r = ws.getRow(i + 1);
      row.forEach((v, c) => {
        if (v !== null) r.getCell(c + 1).value = v as ExcelJS.CellValue;
      });
      r.commit();
    });
    for (const m of spec.merges ?? []) ws.mergeCells(m);
  }
  await wb.xlsx.writeFile(path);
  return path;
}

/** Windows-1251 for the Russian alphabet (what Excel on a Russian Windows saves as "CSV"). */
export function encodeCp1251(text: string): Uint8Array {
  const out = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c < 0x80) out[i] = c;
    else if (c >= 0x410 && c <= 0x44f) out[i] = c - 0x410 + 0xc0;
    else if (c === 0x401) out[i] = 0xa8;
    else if (c === 0x451) out[i] = 0xb8;
    else if (c === 0x2116) out[i] = 0xb9;
    else throw new Error(`not in cp1251: ${text[i]}`);
  }
  return out;
}

export async function writeBytes(path: string, bytes: Uint8Array | string): Promise<string> {
  await writeFile(path, bytes);
  return path;
}

/** Excel's serial number of a UTC day (1900 date system). */
export function excelSerial(y: number, m: number, d: number): number {
  return Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
}
