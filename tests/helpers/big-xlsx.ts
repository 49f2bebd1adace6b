/**
 * A 100,000-vehicle .xlsx written by exceljs's streaming writer, cached under the OS temp folder
 * (built once, reused by later runs: ~5 MB, several seconds to write). Written to a `.part` file
 * and renamed, so a run killed mid-write never leaves a half file to be reused.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';

export const BIG_ROWS = 100_000;
const HEADERS = ['vin', 'category', 'propulsion', 'engineCc', 'productionDate', 'make', 'model'];

/** 17 characters, no I, O or Q; the `XTB` prefix keeps them apart from the tests' typed rows. */
export function bigVin(n: number): string {
  return `XTBIMPRT${String(n).padStart(9, '0')}`.replace(/I/g, 'J').replace(/O/g, '0');
}

export async function bigVehicleWorkbook(rows = BIG_ROWS): Promise<string> {
  const dir = join(tmpdir(), 'tamga-test-cache');
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `vehicles-${rows}-v1.xlsx`);
  if (existsSync(file)) return file;
  const part = `${file}.${process.pid}.part`;
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: part, useSharedStrings: false, useStyles: false });
  const ws = wb.addWorksheet('Лист1');
  ws.addRow(HEADERS).commit();
  for (let n = 0; n < rows; n += 1) {
    ws.addRow([bigVin(n), 'M1', 'ice', 1400 + (n % 600), '2024-03', 'Lada', 'Vesta']).commit();
  }
  ws.commit();
  await wb.commit();
  renameSync(part, file);
  return file;
}
