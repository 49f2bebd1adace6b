import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { APIRequestContext } from '@playwright/test';
import { test, expect } from './fixtures';
import type { RunningApp } from './fixtures';

const VIN = (n: number) => `XTA21099${String(n).padStart(9, '0')}`;

async function api<T>(request: APIRequestContext, app: RunningApp, method: string, args: unknown): Promise<T> {
  const response = await request.post(`${app.origin}/api/${method}`, {
    headers: { 'X-Tamga-Token': app.token, Origin: app.origin, 'Content-Type': 'application/json' },
    data: args,
  });
  const body = (await response.json()) as { ok: boolean; value: T; error?: unknown };
  if (!body.ok) throw new Error(`${method}: ${JSON.stringify(body.error)}`);
  return body.value;
}

async function setupCase(request: APIRequestContext, app: RunningApp): Promise<number> {
  await api(request, app, 'profile.save', { brokerName: 'ИП Брокер', licenseNumber: '1', address: 'Алматы', phone: '', footerText: '', defaultCountry: 'KZ', language: 'ru' });
  const client = await api<{ id: number }>(request, app, 'clients.save', { kind: 'individual', name: 'Иванов Иван', country: 'KZ', taxId: '900101300007' });
  const kase = await api<{ id: number }>(request, app, 'cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual' });
  return kase.id;
}

async function vehicleCount(request: APIRequestContext, app: RunningApp, caseId: number): Promise<number> {
  return (await api<unknown[]>(request, app, 'vehicles.list', { caseId })).length;
}

test.describe('Import and export', () => {
  test('imports a list after fixing a column, cancels a large import leaving the case unchanged, exports a readable workbook', async ({ page, app, request }) => {
    test.setTimeout(120_000);
    const caseId = await setupCase(request, app);
    const dir = mkdtempSync(join(tmpdir(), 'tamga-e2e-files-'));

    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Лист1');
    ws.addRow(['Список ТС от перевозчика']);
    ws.addRow(['VIN', 'Категория', 'Двиг.', 'Тип двигателя', 'Дата выпуска']);
    for (let i = 1; i <= 3; i += 1) ws.addRow([VIN(i), 'M1', 1598, 'бензин', '01.03.2025']);
    const small = join(dir, 'перевозчик.xlsx');
    await wb.xlsx.writeFile(small);

    await page.goto(`${app.url}#/import/${caseId}`);
    await expect(page.getByTestId('case-count')).toContainText('0');
    await page.getByTestId('import-file').setInputFiles(small);
    const meaning = page.getByLabel('Значение столбца 3 (Двиг.)');
    await expect(meaning).toBeVisible();
    await expect(page.getByLabel('Строка заголовков')).toHaveValue('2');
    await meaning.selectOption('engineCc');
    await expect(page.getByLabel('Значение столбца 3 (Двиг.)')).toHaveValue('engineCc');
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await expect(page.getByTestId('count-stored')).toHaveText('3');
    await expect(page.getByTestId('count-withErrors')).toHaveText('0');
    await expect(page.getByTestId('count-skipped')).toHaveText('1');
    const stored = await api<{ record: { engineCc?: number }; result: { ok: boolean } }[]>(request, app, 'vehicles.list', { caseId });
    expect(stored.map((r) => [r.record.engineCc, r.result.ok])).toEqual([[1598, true], [1598, true], [1598, true]]);

    // A large list: cancel half-way, the case keeps its three vehicles.
    const lines = ['vin;category;propulsion;engineCc;productionDate'];
    for (let i = 0; i < 100_000; i += 1) lines.push(`${VIN(1000 + i)};M1;ice;${1000 + (i % 2000)};2025`);
    const big = join(dir, 'big.csv');
    writeFileSync(big, lines.join('\n'));
    await page.getByRole('button', { name: 'Импортировать ещё файл' }).click();
    await page.getByTestId('import-file').setInputFiles(big);
    await page.getByRole('button', { name: 'Импортировать', exact: true }).click();
    await expect(page.getByTestId('import-progress')).toContainText(/Прочитано|Сохранено/);
    await page.getByRole('button', { name: 'Отменить' }).click();
    await expect(page.getByText('Импорт отменён; дело не изменилось.')).toBeVisible({ timeout: 30_000 });
    expect(await vehicleCount(request, app, caseId)).toBe(3);
    // Both imports ran on the import thread the bundle starts (a thread that cannot start says so
    // in the server's log, and the import then runs on the main thread).
    expect(app.log()).not.toMatch(/import thread could not start/i);

    // Export: the workbook reads back with the vehicles, the fee formatted in tenge, and a total.
    const downloading = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Экспорт в Excel (.xlsx)' }).click();
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^Дело .*\.xlsx$/);
    const saved = join(dir, 'export.xlsx');
    await download.saveAs(saved);
    const out = new ExcelJS.Workbook();
    await out.xlsx.readFile(saved);
    expect(out.worksheets.map((w) => w.name)).toEqual(['Транспорт', 'Итоги', 'Источники']);
    const sheet = out.worksheets[0]!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const feeCol = header.indexOf('Утильсбор') + 1;
    expect(feeCol).toBeGreaterThan(0);
    expect(sheet.getRow(2).getCell(header.indexOf('VIN') + 1).value).toBe(VIN(1));
    expect(sheet.getRow(2).getCell(feeCol).numFmt).toBe('#,##0.00 "₸"');
    expect(String((sheet.getRow(6).getCell(feeCol).value as { formula: string }).formula)).toMatch(/^SUMIF\(/);
  });

  test('upload and download refuse a missing token', async ({ request, app }) => {
    const up = await request.post(`${app.origin}/upload`, { headers: { Origin: app.origin, 'X-Tamga-Filename': 'a.csv' }, data: 'vin\n' });
    expect(up.status()).toBe(403);
    const down = await request.get(`${app.origin}/download/${'a'.repeat(32)}`);
    expect(down.status()).toBe(403);
  });
});
