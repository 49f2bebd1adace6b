/**
 * An import's report as a file the broker keeps or sends back to the carrier: the counts, then
 * every issue with its sheet, row, column, value and message, then every skipped row.
 */
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import type { ImportReport, ImportReportIssue } from '../../core/api/contract';
import type { Language } from '../../core/import/types';
import { csvField } from './csv';
import type { SkippedRow } from './types';
import { FROZEN_HEADER } from './write';

const HEADERS: Record<Language, string[]> = {
  ru: ['Тип', 'Источник', 'Лист', 'Строка', 'Столбец', 'Поле', 'Значение', 'Сообщение'],
  kk: ['Түрі', 'Көзі', 'Парақ', 'Жол', 'Баған', 'Өріс', 'Мәні', 'Хабарлама'],
  en: ['Severity', 'Source', 'Sheet', 'Row', 'Column', 'Field', 'Value', 'Message'],
};
const SEVERITY: Record<Language, Record<ImportReportIssue['severity'], string>> = {
  ru: { error: 'ошибка', warning: 'предупреждение' },
  kk: { error: 'қате', warning: 'ескерту' },
  en: { error: 'error', warning: 'warning' },
};
const SOURCE: Record<Language, Record<ImportReportIssue['source'] | 'skipped', string>> = {
  ru: { file: 'файл', engine: 'расчёт', duplicate: 'повтор', skipped: 'пропущена' },
  kk: { file: 'файл', engine: 'есептеу', duplicate: 'қайталану', skipped: 'өткізілді' },
  en: { file: 'file', engine: 'computation', duplicate: 'duplicate', skipped: 'skipped' },
};
const COUNTS: Record<Language, Record<keyof ImportReport['counts'], string>> = {
  ru: { rows: 'Строк с ТС в файле', stored: 'Сохранено в деле', withErrors: 'Черновики с ошибками', withWarnings: 'С предупреждениями', skipped: 'Пропущено строк', duplicates: 'Повторы VIN' },
  kk: { rows: 'Файлдағы көлік жолдары', stored: 'Іске сақталды', withErrors: 'Қателері бар жобалар', withWarnings: 'Ескертулері бар', skipped: 'Өткізілген жолдар', duplicates: 'VIN қайталануы' },
  en: { rows: 'Vehicle rows in the file', stored: 'Stored in the case', withErrors: 'Drafts with errors', withWarnings: 'With warnings', skipped: 'Rows skipped', duplicates: 'Duplicate VINs' },
};
const TITLES: Record<Language, { summary: string; issues: string; file: string }> = {
  ru: { summary: 'Итоги', issues: 'Замечания', file: 'Файл' },
  kk: { summary: 'Қорытынды', issues: 'Ескертпелер', file: 'Файл' },
  en: { summary: 'Summary', issues: 'Issues', file: 'File' },
};

type Line = [string, string, string, number, string, string, string, string];

function lines(issues: readonly ImportReportIssue[], skipped: readonly SkippedRow[], sheet: string, language: Language): Line[] {
  return [
    ...issues.map((i): Line => [SEVERITY[language][i.severity], SOURCE[language][i.source], i.sheet, i.row, i.column, i.field, i.value, i.message]),
    ...skipped.map((s): Line => ['', SOURCE[language].skipped, sheet, s.rowNumber, '', '', '', s.message]),
  ];
}

export async function writeImportReport(
  path: string,
  report: ImportReport,
  issues: readonly ImportReportIssue[],
  skipped: readonly SkippedRow[],
  format: 'xlsx' | 'csv',
  language: Language,
): Promise<void> {
  const body = lines(issues, skipped, report.sheet, language);
  if (format === 'csv') {
    const out = [HEADERS[language], ...body].map((l) => l.map((f) => csvField(String(f), ';')).join(';'));
    await writeFile(path, `\uFEFF${out.join('\r\n')}\r\n`, 'utf8');
    return;
  }
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const summary = workbook.addWorksheet(TITLES[language].summary);
  summary.columns = [{ width: 32 }, { width: 40 }];
  summary.addRow([TITLES[language].file, report.fileName]).commit();
  for (const key of Object.keys(COUNTS[language]) as (keyof ImportReport['counts'])[]) summary.addRow([COUNTS[language][key], report.counts[key]]).commit();
  summary.commit();
  const ws = workbook.addWorksheet(TITLES[language].issues, { views: FROZEN_HEADER });
  ws.columns = [{ width: 16 }, { width: 14 }, { width: 16 }, { width: 8 }, { width: 8 }, { width: 20 }, { width: 24 }, { width: 80 }];
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: 8 } };
  const header = ws.addRow(HEADERS[language]);
  header.font = { bold: true };
  header.commit();
  for (const l of body) ws.addRow(l).commit();
  ws.commit();
  await workbook.commit();
}
