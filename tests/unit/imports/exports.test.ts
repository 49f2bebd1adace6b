import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../../src/main/backend';
import { useTempDir } from '../../helpers/tmp';
import { call, importFile, preview, rows, setup, upload } from './helpers';

const tempDir = useTempDir('tamga-export-');
const VIN = (n: number) => `XTA21099${String(n).padStart(9, '0')}`;

async function seed(b: Backend, caseId: number): Promise<void> {
  const records = [
    { vin: VIN(1), make: 'Lada', model: 'Vesta', category: 'M1', propulsion: 'ice', engineCc: 1598, productionDate: '2025-03-01', notes: '=HYPERLINK("x")' },
    { vin: VIN(2), make: 'Lada', category: 'M1', propulsion: 'ice', engineCc: 2500, productionDate: '2025-03-01', personalUse: true },
    { vin: VIN(3), country: 'RU', category: 'M1', propulsion: 'ice', engineCc: 1598, powerHp: 106, productionDate: '2025-03-01', personalUse: true },
    { vin: VIN(4), category: 'M1', propulsion: 'ice', engineCc: 'много', productionDate: '2025' },
  ];
  await call(b, 'vehicles.apply', { caseId, changes: records.map((record) => ({ op: 'upsert', record })) });
}

async function download(b: Backend, id: string): Promise<string> {
  return (await b.transfers.get(id))!.path;
}

describe('exports.case', () => {
  it('writes results, a totals row per currency with SUMIF, Summary and Sources sheets', async () => {
    const { b, kase } = await setup(tempDir());
    await seed(b, kase.id);
    const out = await call<{ downloadId: string; fileName: string }>(b, 'exports.case', { caseId: kase.id, format: 'xlsx', language: 'ru' });
    expect(out.fileName).toBe(`Дело ${kase.number}.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(await download(b, out.downloadId));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Транспорт', 'Итоги', 'Источники']);
    const ws = wb.worksheets[0]!;
    const header = (ws.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(expect.arrayContaining(['VIN', 'Марка', 'Объём двигателя', 'Утильсбор', 'Валюта', 'Основание', 'Ошибки']));
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.autoFilter).toBeTruthy();
    const feeCol = header.indexOf('Утильсбор') + 1;
    const curCol = header.indexOf('Валюта') + 1;
    const kzt = ws.getRow(2).getCell(feeCol);
    expect(kzt.numFmt).toBe('#,##0.00 "₸"');
    expect(ws.getRow(4).getCell(feeCol).numFmt).toBe('#,##0.00 "₽"');
    expect(ws.getRow(2).getCell(header.indexOf('Примечание') + 1).value).toBe('=HYPERLINK("x")');
    const totals = [7, 8].map((r) => ws.getRow(r).getCell(feeCol).value as { formula: string; result: number });
    expect(totals.map((t) => t.formula)).toEqual([
      expect.stringMatching(/^SUMIF\([A-Z]+2:[A-Z]+5,"KZT",[A-Z]+2:[A-Z]+5\)$/),
      expect.stringMatching(/"RUB"/),
    ]);
    expect(ws.getRow(7).getCell(curCol).value).toBe('Итого KZT');
    const summary = wb.worksheets[1]!;
    expect(summary.getCell('A3').value).toBe('Транспортных средств');
    expect(summary.getCell('B3').value).toBe(4);
    expect(summary.getCell('B5').value).toBe(1);
    const sources = wb.worksheets[2]!;
    expect(sources.rowCount).toBeGreaterThan(3);
    b.close();
  });

  it('round trip: an exported case imports into another case as the same vehicles', async () => {
    const { b, client, kase } = await setup(tempDir());
    await seed(b, kase.id);
    for (const language of ['ru', 'kk', 'en'] as const) {
      const out = await call<{ downloadId: string }>(b, 'exports.case', { caseId: kase.id, format: 'xlsx', language });
      const target = await call<{ id: number }>(b, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual' });
      const fileId = (await b.transfers.adopt(await download(b, out.downloadId))).id;
      const job = await importFile(b, target.id, fileId);
      expect(job.state).toBe('done');
      expect(job.report!.counts).toMatchObject({ rows: 4, stored: 4 });
      expect(job.report!.skipped.map((s) => s.reason)).toEqual(['empty', 'unmapped', 'unmapped']);
      const a = (await rows(b, kase.id)).map((r) => ({ record: r.record, fee: r.result?.ok ? r.result.fee : null }));
      const c = (await rows(b, target.id)).map((r) => ({ record: r.record, fee: r.result?.ok ? r.result.fee : null }));
      expect(c).toEqual(a);
    }
    b.close();
  });

  it('writes CSV with a BOM and ; and exports only the vehicles named', async () => {
    const { b, kase } = await setup(tempDir());
    await seed(b, kase.id);
    const ids = (await rows(b, kase.id)).map((r) => r.id);
    const out = await call<{ downloadId: string }>(b, 'exports.case', { caseId: kase.id, vehicleIds: [ids[0]], format: 'csv', language: 'en' });
    const csv = await readFile(await download(b, out.downloadId), 'utf8');
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('VIN;');
    expect(lines[1]).toContain(`'=HYPERLINK`);
    b.close();
  });
});

describe('exports.template', () => {
  it('has headers in the language, a notes row, drop-downs, and reads back as a header', async () => {
    const { b, kase } = await setup(tempDir());
    for (const language of ['ru', 'kk', 'en'] as const) {
      const out = await call<{ downloadId: string }>(b, 'exports.template', { language });
      const path = await download(b, out.downloadId);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const ws = wb.worksheets[0]!;
      const headers = (ws.getRow(3).values as unknown[]).slice(1);
      expect(headers).toContain({ ru: 'Категория ТС', kk: 'Көлік санаты', en: 'Category' }[language]);
      const catCol = headers.indexOf({ ru: 'Категория ТС', kk: 'Көлік санаты', en: 'Category' }[language]) + 1;
      const validation = ws.getRow(4).getCell(catCol).dataValidation;
      expect(validation).toMatchObject({ type: 'list', formulae: [expect.stringContaining('Lists!')] });
      expect(wb.getWorksheet('Lists')!.state).toBe('hidden');
      const p = await preview(b, kase.id, await upload(b, path));
      expect(p.headerRow).toBe(3);
      expect(p.mapping.columns.length).toBe(headers.length);
    }
    b.close();
  });
});
