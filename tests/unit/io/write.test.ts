import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { readVehicleFile, writeResults } from '../../../src/main/io';
import type { ComputeResult } from '../../../src/core/vehicle';
import { tempDir } from './fixtures';

const dir = tempDir();
const file = (name: string) => join(dir(), name);

const inputs: Record<string, unknown>[] = [
  { id: 'row-1', vin: 'JTDBZ3FE0J1234567', country: 'KZ', date: '2026-03-01', category: 'M1', propulsion: 'ice', engineCc: 1598, powerHp: 150, productionDate: '2019', importer: 'individual', personalUse: true, make: 'Toyota' },
  { id: 'row-2', vin: 'WVWZZZ1KZAW000001', country: 'RU', date: '2026-03-01', category: 'N3', offRoad: true, propulsion: 'ice', engineCc: 12800, grossMassKg: 40000, productionDate: '2022-07-15', importer: 'company', dispatchCountry: 'BY', originCountry: 'DE' },
  { id: 'row-3', vin: 'Y3M00000000000001', country: 'BY', date: '2026-03-01', category: 'M1', propulsion: 'electric', powerKw: 150.5, electricPower30minKw: 80.25, productionDate: '2024-05', importer: 'individual', notes: '=1+1' },
  { id: '+7 701 123 45 67', country: 'KZ', date: '2026-03-01', category: 'M1', importer: 'individual', make: '@SUM(A1:A2)', model: '-2+3', colour: '\tTab' },
];

const ok = (over: Partial<Extract<ComputeResult, { ok: true }>>): ComputeResult => ({
  ok: true, fee: '0.00', currency: 'KZT', schedule: 'S', row: 'r', baseRate: null, coefficient: null, basis: 'b',
  confidence: 'high', ageYears: null, assumptions: [], warnings: [], rowId: 'r', status: 'in-force', sources: [], ...over,
});
const results: ComputeResult[] = [
  ok({ id: 'row-1', fee: '756875.00', currency: 'KZT', schedule: 'KZ-S2022', row: 'M1, 1001–2000 cm³', baseRate: '216250', coefficient: '3.5', basis: 'Приказ № 448', assumptions: [{ code: 'production-day-assumed', message: 'День выпуска принят 1 июля' }] }),
  ok({ id: 'row-2', fee: '5123400.50', currency: 'RUB', schedule: 'RU-2024', baseRate: '150000', coefficient: '34.156', warnings: [{ code: 'near-band-edge', message: 'Масса у границы' }, { code: 'secondary-source', message: 'Вторичный источник' }] }),
  ok({ id: 'row-3', fee: '23575.91', currency: 'BYN', schedule: 'BY-2025', baseRate: '544', coefficient: '43.34' }),
  { id: '+7 701 123 45 67', ok: false, errors: [{ field: 'engineCc', message: 'Укажите объём двигателя', code: 'required' }, { field: 'propulsion', message: 'Укажите тип двигателя' }] },
];

/** The fields the importer reads back (inputs minus nothing: all of them are contract or extra fields). */
const roundTripped = inputs;

describe('writeResults .xlsx', () => {
  it.each([
    ['in-memory writer', {}],
    ['streaming writer', { streamingThresholdRows: 0 }],
  ])('writes typed, formatted cells with the %s', async (name, opts) => {
    const path = file(`out-${name}.xlsx`);
    await writeResults(path, inputs, results, { language: 'ru', ...opts });
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0]!;
    expect(ws.name).toBe('Результаты');
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(-10)).toEqual(['Утильсбор', 'Валюта', 'Шкала ставок', 'Строка ставки', 'Базовая ставка', 'Коэффициент', 'Основание', 'Достоверность', 'Предупреждения', 'Ошибки']);
    expect(header.slice(0, 3)).toEqual(['id', 'vin', 'country']);
    const col = (h: string) => header.indexOf(h) + 1;

    expect(ws.getRow(2).getCell(col('Утильсбор')).value).toBe(756875);
    expect(ws.getRow(2).getCell(col('Утильсбор')).numFmt).toBe('#,##0.00 "₸"');
    expect(ws.getRow(3).getCell(col('Утильсбор')).value).toBe(5123400.5);
    expect(ws.getRow(3).getCell(col('Утильсбор')).numFmt).toBe('#,##0.00 "₽"');
    expect(ws.getRow(4).getCell(col('Утильсбор')).numFmt).toBe('#,##0.00 "Br"');
    expect(ws.getRow(4).getCell(col('Базовая ставка')).numFmt).toBe('#,##0.00 "Br"');
    expect(ws.getRow(2).getCell(col('Предупреждения')).value).toBe('День выпуска принят 1 июля');
    expect(ws.getRow(3).getCell(col('Предупреждения')).value).toBe('Масса у границы\nВторичный источник');
    expect(ws.getRow(5).getCell(col('Ошибки')).value).toBe('Укажите объём двигателя\nУкажите тип двигателя');
    expect(ws.getRow(5).getCell(col('Утильсбор')).value).toBeNull();

    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    expect(ws.getColumn(col('Основание')).width).toBeGreaterThanOrEqual(8);
    expect(ws.getColumn(col('vin')).width).toBeGreaterThanOrEqual(19);
  });

  it('writes formula-like text as text: Excel shows it, never evaluates it', async () => {
    const path = file('formulas.xlsx');
    await writeResults(path, inputs, results);
    const zip = await JSZip.loadAsync(await readFile(path));
    const sheetXml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    expect(sheetXml).not.toContain('<f>');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const texts = new Set<unknown>();
    wb.worksheets[0]!.eachRow((row) => row.eachCell((cell) => {
      if (cell.type === ExcelJS.ValueType.Formula) throw new Error(`formula cell ${cell.address}`);
      texts.add(cell.value);
    }));
    for (const t of ['=1+1', '+7 701 123 45 67', '@SUM(A1:A2)', '-2+3', '\tTab']) expect(texts).toContain(t);

    const back = await readVehicleFile(path);
    expect(back.rows[2]!.input.notes).toBe('=1+1');
    expect(back.rows[3]!.input).toMatchObject({ id: '+7 701 123 45 67', make: '@SUM(A1:A2)', model: '-2+3' });
  });

  it('round trip: export then import gives back the same vehicle inputs', async () => {
    for (const opts of [{}, { streamingThresholdRows: 0 }]) {
      const path = file(`roundtrip-${Object.keys(opts).length}.xlsx`);
      await writeResults(path, inputs, results, opts);
      const back = await readVehicleFile(path);
      expect(back.rows.map((r) => r.input)).toEqual(roundTripped.map((i) => ({ ...i, colour: i.colour === '\tTab' ? 'Tab' : i.colour })).map(dropUndefined));
      expect(back.rows.map((r) => r.rowNumber)).toEqual([2, 3, 4, 5]);
    }
  });
});

function dropUndefined(o: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
}

describe('writeResults .csv', () => {
  it('writes UTF-8 with BOM, ; separated, decimal commas, and guards formula-like text with an apostrophe', async () => {
    const path = file('out.csv');
    await writeResults(path, inputs, results, { language: 'ru' });
    const bytes = await readFile(path);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    const lines = text.split('\r\n');
    expect(lines[0]!.split(';').slice(-10)).toEqual(['Утильсбор', 'Валюта', 'Шкала ставок', 'Строка ставки', 'Базовая ставка', 'Коэффициент', 'Основание', 'Достоверность', 'Предупреждения', 'Ошибки']);
    expect(lines[1]).toContain(';756875,00;KZT;');
    expect(lines[1]).toContain(';да;');
    expect(text).toContain(";'=1+1;");
    expect(text).toContain("'+7 701 123 45 67;");
    expect(text).toContain("'@SUM(A1:A2)");
    expect(text).toContain("'-2+3");
    expect(text).toContain('"Укажите объём двигателя\nУкажите тип двигателя"');
  });

  it('round trip: the exported CSV reads back to the same inputs and the same text', async () => {
    const path = file('roundtrip.csv');
    await writeResults(path, inputs, results);
    const back = await readVehicleFile(path);
    expect(back.rows.map((r) => r.input)).toEqual(inputs.map((i) => ({ ...i, colour: i.colour === '\tTab' ? 'Tab' : i.colour })).map(dropUndefined));
  });
});

describe('writeResults .json and misuse', () => {
  it('writes the results array', async () => {
    const path = file('out.json');
    await writeResults(path, inputs, results);
    expect(JSON.parse(await readFile(path, 'utf8'))).toEqual(results);
  });

  it('refuses mismatched lengths and unknown formats', async () => {
    await expect(writeResults(file('x.json'), inputs, results.slice(1))).rejects.toThrow(TypeError);
    await expect(writeResults(file('x.ods'), inputs, results, { language: 'en' })).rejects.toMatchObject({ code: 'unsupported-format' });
  });
});
