import { describe, expect, it } from 'vitest';
import { useTempDir } from '../../helpers/tmp';
import { callError } from '../workspace/helpers';
import { call, cancelAfter, importFile, preview, rows, setup, text, upload, xlsx } from './helpers';

const tempDir = useTempDir('tamga-import-');
const serial = (y: number, m: number, d: number) => Date.UTC(y, m - 1, d) / 86_400_000 + 25569;
const VIN = (n: number) => `XTA21099${String(n).padStart(9, '0')}`;

describe('preview', () => {
  it('finds the header under a title block (Russian headers with units) and shows the first rows with issues', async () => {
    const { b, kase, path } = await setup(tempDir());
    const file = await xlsx(path('ru.xlsx'), [
      ['Список ТС для ТОО «Автоимпорт»'],
      ['от 01.06.2026'],
      [],
      ['№', 'VIN', 'Марка', 'Категория', 'Тип двигателя', 'Объем двигателя, л', 'Мощность, л.с.', 'Дата выпуска'],
      [1, VIN(1), 'Lada', 'M1', 'бензин', '1,6', 106, serial(2025, 3, 1)],
      [2, VIN(2), 'Lada', 'M1', 'бензин', 'много', 106, '01.03.2025'],
    ]);
    const p = await preview(b, kase.id, await upload(b, file));
    expect(p).toMatchObject({ sheet: 'Лист1', headerRow: 4, savedMapping: null });
    expect(p.mapping.columns.find((c) => c.header === 'Объем двигателя, л')).toMatchObject({ field: 'engineCc', unit: 'l', column: 6 });
    expect(p.rows).toHaveLength(2);
    expect(p.rows[0]!.input).toMatchObject({ vin: VIN(1), engineCc: 1600, productionDate: '2025-03-01' });
    expect(p.rows[0]!.cells[5]).toBe('1,6');
    expect(p.rows[1]!.input.productionDate).toBe('2025-03-01');
    expect(p.rows[1]!.issues).toEqual([expect.objectContaining({ field: 'engineCc', column: 6, severity: 'error' })]);
    expect(p.skipped.map((s) => [s.rowNumber, s.reason])).toEqual([[1, 'title'], [2, 'title']]);
    b.close();
  });

  it('takes the header row and a column meaning the broker chose', async () => {
    const { b, kase, path } = await setup(tempDir());
    const file = await xlsx(path('en.xlsx'), [
      ['VIN', 'Category', 'Engine', 'Remarks'],
      [VIN(1), 'M1', 1598, 'x'],
    ]);
    const fileId = await upload(b, file);
    const first = await preview(b, kase.id, fileId);
    const mapping = { ...first.mapping, columns: first.mapping.columns.map((c) => (c.column === 3 ? { ...c, field: 'engineCc' as const, unit: null, confidence: 'high' as const } : c)) };
    if (!mapping.columns.some((c) => c.column === 3)) mapping.columns.push({ column: 3, field: 'engineCc', unit: null, header: 'Engine', confidence: 'high' });
    mapping.unmapped = mapping.unmapped.filter((u) => u.column !== 3);
    const second = await preview(b, kase.id, fileId, { mapping });
    expect(second.rows[0]!.input).toMatchObject({ engineCc: 1598 });
    const byRow = await preview(b, kase.id, fileId, { headerRow: 2 });
    expect(byRow.headerRow).toBe(2);
    b.close();
  });

  it('refuses an .xls with "save as .xlsx", a corrupt file clearly, and an unknown file id', async () => {
    const { b, kase, path } = await setup(tempDir());
    const xls = await text(path('old.xls'), '\u00d0\u00cf\u0011\u00e0 not really');
    const e1 = await callError(b, 'imports.preview', { caseId: kase.id, fileId: await upload(b, xls) });
    expect(e1.code).toBe('invalid-argument');
    expect(e1.issues?.[0]).toMatchObject({ field: 'fileId' });
    const corrupt = await text(path('broken.xlsx'), 'PK\u0003\u0004 this is not a zip');
    const e2 = await callError(b, 'imports.preview', { caseId: kase.id, fileId: await upload(b, corrupt) });
    expect(e2.issues?.[0]).toMatchObject({ code: 'corrupt-file' });
    expect((await callError(b, 'imports.preview', { caseId: kase.id, fileId: 'f'.repeat(32) })).code).toBe('not-found');
    b.close();
  });
});

describe('import', () => {
  it('stores every row in one go: errors as drafts with their errors, duplicates warned, skipped rows reported', async () => {
    const { b, kase, path } = await setup(tempDir());
    const body: (string | number | null)[][] = [['VIN', 'Категория', 'Тип двигателя', 'Объём двигателя, см3', 'Дата выпуска', 'Личное пользование']];
    for (let i = 1; i <= 10; i += 1) {
      const bad = i % 2 === 0;
      body.push([VIN(i), 'M1', 'бензин', bad ? 'n/a' : 1598, bad ? '31.02.2025' : '01.03.2025', i === 4 ? 'может быть' : 'да']);
    }
    body.push([], [VIN(1), 'M1', 'бензин', 1598, '01.03.2025', 'да'], ['Партия 2 — итог по перевозчику ТОО «Автоимпорт»']);
    const fileId = await upload(b, await xlsx(path('half.xlsx'), body));
    const job = await importFile(b, kase.id, fileId);
    expect(job.state).toBe('done');
    const report = job.report!;
    expect(report.counts).toMatchObject({ rows: 11, stored: 11, withErrors: 5, skipped: 2, duplicates: 1 });
    const stored = await rows(b, kase.id);
    expect(stored).toHaveLength(11);
    const drafts = stored.filter((r) => r.result?.ok === false);
    expect(drafts).toHaveLength(5);
    // The unread value is kept as typed, so the draft's own result names it.
    expect(drafts[0]!.record).toMatchObject({ engineCc: 'n/a', productionDate: '31.02.2025' });
    expect(drafts[0]!.result?.ok === false && drafts[0]!.result.errors.map((e) => e.field)).toEqual(expect.arrayContaining(['engineCc']));
    expect(stored.find((r) => r.record.vin === VIN(4))!.record.notes).toContain('может быть');
    expect(report.issues).toEqual(expect.arrayContaining([
      expect.objectContaining({ source: 'file', row: 3, column: 'D', field: 'engineCc', value: 'n/a', severity: 'error' }),
      expect.objectContaining({ source: 'duplicate', row: 13, field: 'vin', severity: 'warning' }),
      expect.objectContaining({ source: 'engine', row: 3, field: 'engineCc' }),
    ]));
    expect(report.skipped.map((s) => s.reason)).toEqual(['empty', 'title']);
    const audit = await call<{ items: { action: string }[] }>(b, 'audit.list', { caseId: kase.id, limit: 5 });
    expect(audit.items[0]!.action).toBe('case.import');

    // Importing the same file again: every VIN is now already in the case.
    const again = await importFile(b, kase.id, fileId);
    expect(again.report!.counts.duplicates).toBe(11);

    const saved = await call<{ downloadId: string; fileName: string }>(b, 'imports.saveReport', { jobId: again.jobId, format: 'csv' });
    expect(saved.fileName).toBe('half-report.csv');
    const csv = await import('node:fs/promises').then((fs) => b.transfers.get(saved.downloadId).then((f) => fs.readFile(f!.path, 'utf8')));
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain(';');
    const x = await call<{ downloadId: string }>(b, 'imports.saveReport', { jobId: again.jobId, format: 'xlsx' });
    expect(await b.transfers.get(x.downloadId)).not.toBeNull();
    b.close();
  });

  it('reads Kazakh headers, merged cells, decimal commas and formulas in text cells', async () => {
    const { b, kase, path } = await setup(tempDir());
    const file = await xlsx(path('kk.xlsx'), [
      ['Көлік құралдарының тізімі'],
      ['VIN', 'Санаты', 'Қозғалтқыш түрі', 'Қозғалтқыш көлемі, л', 'Шығарылған күні', 'Ескертпе'],
      [VIN(1), 'M1', 'бензин', '1,6', '2025', { formula: 'CONCAT("=", "1+1")', result: '=1+1' }],
      [VIN(2), 'M1', 'бензин', 2.0, '2024', '+7 701 000 00 00'],
      ['Екінші партия'],
      [VIN(3), 'M1', 'бензин', '1,6', '2025', '@SUM(A1)'],
    ], { merges: ['A1:F1', 'A5:F5'] });
    const job = await importFile(b, kase.id, await upload(b, file));
    expect(job.state).toBe('done');
    const stored = await rows(b, kase.id);
    expect(stored.map((r) => r.record.engineCc)).toEqual([1600, 2000, 1600]);
    expect(stored.map((r) => r.record.notes)).toEqual(['=1+1', '+7 701 000 00 00', '@SUM(A1)']);
    expect(job.report!.skipped.map((s) => [s.rowNumber, s.reason])).toEqual([[1, 'title'], [5, 'title']]);
    b.close();
  });

  it('reads .csv in ; with decimal commas and in , with a BOM', async () => {
    const { b, kase, path } = await setup(tempDir());
    const semi = await text(path('a.csv'), `VIN;Категория;Тип двигателя;Объём двигателя, л;Год выпуска\r\n${VIN(1)};M1;бензин;1,6;2025\r\n`);
    const comma = await text(path('b.csv'), `\uFEFFvin,category,propulsion,engineCc,productionDate\n${VIN(2)},M1,ice,1598,2025-03-01\n`);
    expect((await importFile(b, kase.id, await upload(b, semi))).state).toBe('done');
    expect((await importFile(b, kase.id, await upload(b, comma))).state).toBe('done');
    const stored = await rows(b, kase.id);
    expect(stored.map((r) => [r.record.vin, r.record.engineCc])).toEqual([[VIN(1), 1600], [VIN(2), 1598]]);
    expect(stored.every((r) => r.result?.ok)).toBe(true);
    b.close();
  });

  it('audits each imported row once, naming its file, sheet and row, and the import once with its count', async () => {
    const { b, kase, path } = await setup(tempDir());
    const file = await xlsx(path('list.xlsx'), [['VIN', 'Категория', 'Тип двигателя', 'Объём двигателя, см3', 'Дата выпуска'], [VIN(1), 'M1', 'бензин', 1598, '01.03.2025'], [], [VIN(2), 'M1', 'бензин', 'n/a', '01.03.2025']]);
    expect((await importFile(b, kase.id, await upload(b, file))).state).toBe('done');
    const stored = await rows(b, kase.id);
    const audit = await call<{ items: { action: string; vehicleId: number | null; field: string | null; newValue: string | null }[]; total: number }>(b, 'audit.list', { caseId: kase.id, limit: 100 });
    expect(audit.items.filter((a) => a.vehicleId !== null).map((a) => a.action)).toEqual(['vehicle.import', 'vehicle.import']);
    expect(audit.items.filter((a) => a.action.endsWith('import')).map((a) => [a.action, a.vehicleId, a.field, a.newValue])).toEqual([
      ['case.import', null, 'file', 'list.xlsx: 2'],
      ['vehicle.import', stored[1]!.id, 'source', 'list.xlsx: Лист1, 4'],
      ['vehicle.import', stored[0]!.id, 'source', 'list.xlsx: Лист1, 2'],
    ]);
    b.close();
  });

  it('a file with a header and no vehicles is still recorded as an import of 0 rows', async () => {
    const { b, kase, path } = await setup(tempDir());
    const file = await xlsx(path('none.xlsx'), [['VIN', 'Категория', 'Тип двигателя']]);
    const job = await importFile(b, kase.id, await upload(b, file));
    expect(job.report!.counts).toMatchObject({ rows: 0, stored: 0 });
    const audit = await call<{ items: { action: string; newValue: string | null }[] }>(b, 'audit.list', { caseId: kase.id, limit: 1 });
    expect(audit.items[0]).toMatchObject({ action: 'case.import', newValue: 'none.xlsx: 0' });
    b.close();
  });

  it('a corrupt file fails the job clearly and leaves the case untouched', async () => {
    const { b, kase, path } = await setup(tempDir());
    const corrupt = await text(path('broken.xlsx'), 'PK\u0003\u0004 truncated');
    const job = await importFile(b, kase.id, await upload(b, corrupt));
    expect(job).toMatchObject({ state: 'failed', error: { code: 'corrupt-file' } });
    expect(await rows(b, kase.id)).toEqual([]);
    b.close();
  });

  it('cancelling half-way leaves the case exactly as it was', async () => {
    const { b, kase, path } = await setup(tempDir());
    await call(b, 'vehicles.apply', { caseId: kase.id, changes: [{ op: 'upsert', record: { vin: VIN(999), category: 'M1', propulsion: 'ice', engineCc: 1598, productionDate: '2025' } }] });
    const before = await rows(b, kase.id);
    const lines = ['vin;category;propulsion;engineCc;productionDate'];
    for (let i = 0; i < 30_000; i += 1) lines.push(`${VIN(i)};M1;ice;${1000 + (i % 2000)};2025`);
    const fileId = await upload(b, await text(path('big.csv'), lines.join('\n')));
    const { jobId } = await call<{ jobId: string }>(b, 'imports.start', { caseId: kase.id, fileId });
    const { whenCancelled, final } = await cancelAfter(b, jobId, 6000);
    expect(whenCancelled.state).toBe('storing');
    expect(final.state).toBe('cancelled');
    expect(await rows(b, kase.id)).toEqual(before);
    b.close();
  });
});

describe('saved mappings', () => {
  it('saves a corrected mapping for the client and applies it to the next file with the same headers', async () => {
    const { b, client, kase, path } = await setup(tempDir());
    const rowsOf = [['VIN', 'Кат.', 'Двиг.'], [VIN(1), 'M1', 1598]];
    const fileId = await upload(b, await xlsx(path('m1.xlsx'), rowsOf));
    const first = await preview(b, kase.id, fileId);
    const mapping = {
      headerRow: first.headerRow,
      columns: [
        { column: 1, field: 'vin' as const, unit: null, header: 'VIN', confidence: 'high' as const },
        { column: 2, field: 'category' as const, unit: null, header: 'Кат.', confidence: 'high' as const },
        { column: 3, field: 'engineCc' as const, unit: null, header: 'Двиг.', confidence: 'high' as const },
      ],
      unmapped: [],
    };
    const saved = await call<{ id: number; name: string }>(b, 'imports.saveMapping', { clientId: client.id, name: 'Перевозчик А', mapping });
    expect(await call(b, 'imports.listMappings', { clientId: client.id })).toEqual([expect.objectContaining({ id: saved.id, name: 'Перевозчик А' })]);
    const next = await preview(b, kase.id, await upload(b, await xlsx(path('m2.xlsx'), [['VIN', 'Кат.', 'Двиг.'], [VIN(2), 'M1', 2000]])));
    expect(next.savedMapping).toEqual({ id: saved.id, name: 'Перевозчик А' });
    expect(next.rows[0]!.input).toMatchObject({ category: 'M1', engineCc: 2000 });
    expect(await call(b, 'imports.deleteMapping', { id: saved.id })).toEqual({ deleted: true });
    b.close();
  });
});
