/**
 * Writing computed results beside the vehicles they belong to: .json (the results array), .csv
 * for Russian-locale Excel (UTF-8 with BOM, `;`, decimal comma) and .xlsx (typed cells, money in
 * the row's currency, frozen header and filter).
 */
import { writeFile } from 'node:fs/promises';
import { extname } from 'node:path';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { IMPORT_FIELDS, type Language } from '../../core/import/types';
import type { Currency } from '../../core/rates/schema';
import type { ComputeResult } from '../../core/vehicle';
import { csvField } from './csv';
import { VehicleFileError } from './errors';
import type { WriteOptions } from './types';

export const DEFAULT_STREAMING_THRESHOLD_ROWS = 2000;

export const RESULT_COLUMNS = ['fee', 'currency', 'schedule', 'row', 'base', 'coefficient', 'basis', 'confidence', 'warnings', 'errors'] as const;
export type ResultColumn = (typeof RESULT_COLUMNS)[number];

export const RESULT_HEADERS: Record<ResultColumn, Record<Language, string>> = {
  fee: { ru: 'Утильсбор', kk: 'Кәдеге жарату алымы', en: 'Fee' },
  currency: { ru: 'Валюта', kk: 'Валюта', en: 'Currency' },
  schedule: { ru: 'Шкала ставок', kk: 'Мөлшерлемелер шкаласы', en: 'Schedule' },
  row: { ru: 'Строка ставки', kk: 'Мөлшерлеме жолы', en: 'Rate row' },
  base: { ru: 'Базовая ставка', kk: 'Базалық мөлшерлеме', en: 'Base rate' },
  coefficient: { ru: 'Коэффициент', kk: 'Коэффициент', en: 'Coefficient' },
  basis: { ru: 'Основание', kk: 'Негіздеме', en: 'Legal basis' },
  confidence: { ru: 'Достоверность', kk: 'Сенімділік', en: 'Confidence' },
  warnings: { ru: 'Предупреждения', kk: 'Ескертулер', en: 'Warnings' },
  errors: { ru: 'Ошибки', kk: 'Қателер', en: 'Errors' },
};

const SHEET_NAME: Record<Language, string> = { ru: 'Результаты', kk: 'Нәтижелер', en: 'Results' };
export const YES_NO: Record<Language, [string, string]> = { ru: ['да', 'нет'], kk: ['иә', 'жоқ'], en: ['yes', 'no'] };

/** Excel number formats that show the currency sign after the amount, as brokers write it. */
export const MONEY_FORMAT: Record<Currency, string> = {
  KZT: '#,##0.00 "₸"',
  RUB: '#,##0.00 "₽"',
  BYN: '#,##0.00 "Br"',
};

const DATE_FIELDS = new Set(['date', 'productionDate']);
const FULL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Input columns: the contract's order for known fields, then any other keys as they first appear. */
export function inputColumns(inputs: readonly Record<string, unknown>[]): string[] {
  const present = new Set<string>();
  const extra: string[] = [];
  for (const input of inputs) {
    for (const [k, v] of Object.entries(input)) {
      if (v === undefined) continue;
      if (!present.has(k) && !(IMPORT_FIELDS as readonly string[]).includes(k)) extra.push(k);
      present.add(k);
    }
  }
  return [...IMPORT_FIELDS.filter((f) => present.has(f)), ...extra];
}

export interface ResultCells {
  fee: string | null;
  currency: Currency | null;
  schedule: string;
  row: string;
  base: string | null;
  coefficient: string | null;
  basis: string;
  confidence: string;
  warnings: string;
  errors: string;
}

export function resultCells(result: ComputeResult | undefined): ResultCells {
  if (!result) {
    return { fee: null, currency: null, schedule: '', row: '', base: null, coefficient: null, basis: '', confidence: '', warnings: '', errors: '' };
  }
  if (!result.ok) {
    return {
      fee: null, currency: null, schedule: '', row: '', base: null, coefficient: null, basis: '', confidence: '', warnings: '',
      errors: result.errors.map((e) => e.message).join('\n'),
    };
  }
  return {
    fee: result.fee,
    currency: result.currency,
    schedule: result.schedule,
    row: result.row,
    base: result.baseRate,
    coefficient: result.coefficient,
    basis: result.basis,
    confidence: result.confidence,
    warnings: [...result.warnings, ...result.assumptions].map((n) => n.message).join('\n'),
    errors: '',
  };
}

export async function writeResults(
  path: string,
  inputs: readonly Record<string, unknown>[],
  results: readonly ComputeResult[],
  options: WriteOptions = {},
): Promise<void> {
  const language = options.language ?? 'ru';
  if (inputs.length !== results.length) {
    throw new TypeError(`writeResults: ${inputs.length} inputs but ${results.length} results`);
  }
  const ext = extname(path).toLowerCase();
  try {
    switch (ext) {
      case '.json':
        await writeFile(path, `${JSON.stringify(results, null, 2)}\n`, 'utf8');
        return;
      case '.csv':
        await writeFile(path, csvText(inputs, results, language), 'utf8');
        return;
      case '.xlsx':
        await writeXlsx(path, inputs, results, language, options.streamingThresholdRows ?? DEFAULT_STREAMING_THRESHOLD_ROWS);
        return;
      default:
        throw new VehicleFileError('unsupported-format', language, ext || path);
    }
  } catch (e) {
    if (e instanceof VehicleFileError) throw e;
    throw new VehicleFileError('write-failed', language, e instanceof Error ? e.message : String(e), { cause: e });
  }
}

// ── .csv ───────────────────────────────────────────────────────────────────────────────────

const DELIMITER = ';';

export function csvValue(value: unknown, language: Language): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return YES_NO[language][value ? 0 : 1];
  // Russian-locale Excel reads "1,6" as a number and "1.6" as text.
  if (typeof value === 'number') return String(value).replace('.', ',');
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export const decimalComma = (d: string | null) => (d === null ? '' : d.replace('.', ','));

function csvText(inputs: readonly Record<string, unknown>[], results: readonly ComputeResult[], language: Language): string {
  const columns = inputColumns(inputs);
  const lines: string[] = [];
  const line = (fields: string[]) => lines.push(fields.map((f) => csvField(f, DELIMITER)).join(DELIMITER));
  line([...columns, ...RESULT_COLUMNS.map((c) => RESULT_HEADERS[c][language])]);
  inputs.forEach((input, i) => {
    const r = resultCells(results[i]);
    line([
      ...columns.map((c) => csvValue(input[c], language)),
      decimalComma(r.fee), r.currency ?? '', r.schedule, r.row, decimalComma(r.base), decimalComma(r.coefficient),
      r.basis, r.confidence, r.warnings, r.errors,
    ]);
  });
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

// ── .xlsx ──────────────────────────────────────────────────────────────────────────────────

export type CellValue = string | number | boolean | Date | null;

/**
 * A typed cell for an input value. Text goes in as a plain string value: exceljs writes it as a
 * string cell (never `<f>`), so "=1+1" or "+7 701 …" is shown as typed and never evaluated.
 */
export function xlsxValue(field: string, value: unknown): CellValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'string') {
    const m = DATE_FIELDS.has(field) ? FULL_DATE.exec(value) : null;
    return m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : value;
  }
  return JSON.stringify(value);
}

export const toNumber = (d: string | null) => (d === null ? null : new Decimal(d).toNumber());

export const FROZEN_HEADER: Partial<ExcelJS.WorksheetView>[] = [{ state: 'frozen', xSplit: 0, ySplit: 1 }];
const MIN_WIDTH = 8;
const MAX_WIDTH = 60;

export function width(values: Iterable<unknown>): number {
  let w = MIN_WIDTH;
  for (const v of values) {
    if (v === null || v === undefined) continue;
    const longestLine = Math.max(...String(v instanceof Date ? 'dd.mm.yyyy' : v).split('\n').map((l) => l.length));
    w = Math.max(w, longestLine + 2);
  }
  return Math.min(w, MAX_WIDTH);
}

interface SheetLike {
  columns: Partial<ExcelJS.Column>[];
  autoFilter?: ExcelJS.AutoFilter;
  addRow(values: CellValue[]): ExcelJS.Row;
}

async function writeXlsx(
  path: string,
  inputs: readonly Record<string, unknown>[],
  results: readonly ComputeResult[],
  language: Language,
  streamingThreshold: number,
): Promise<void> {
  const columns = inputColumns(inputs);
  const cells = results.map(resultCells);
  const headers = [...columns, ...RESULT_COLUMNS.map((c) => RESULT_HEADERS[c][language])];
  const rows: CellValue[][] = inputs.map((input, i) => {
    const r = cells[i]!;
    return [
      ...columns.map((c) => xlsxValue(c, input[c])),
      toNumber(r.fee), r.currency, r.schedule, r.row, toNumber(r.base), toNumber(r.coefficient),
      r.basis, r.confidence, r.warnings, r.errors,
    ];
  });
  const feeCol = columns.length + 1;
  const baseCol = columns.length + 5;
  const textCols = new Set([columns.length + 7, columns.length + 9, columns.length + 10]);
  const sample = rows.slice(0, 1000);
  const widths = headers.map((h, c) => width([h, ...sample.map((r) => r[c])]));

  const fill = (ws: SheetLike, commit: (row: ExcelJS.Row) => void) => {
    ws.columns = widths.map((w) => ({ width: w }));
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
    const header = ws.addRow(headers);
    header.font = { bold: true };
    commit(header);
    rows.forEach((values, i) => {
      const row = ws.addRow(values);
      const currency = cells[i]!.currency;
      if (currency) {
        row.getCell(feeCol).numFmt = MONEY_FORMAT[currency];
        row.getCell(baseCol).numFmt = MONEY_FORMAT[currency];
      }
      values.forEach((v, c) => {
        if (v instanceof Date) row.getCell(c + 1).numFmt = 'dd.mm.yyyy';
        if (textCols.has(c + 1) && typeof v === 'string' && v.includes('\n')) row.getCell(c + 1).alignment = { wrapText: true, vertical: 'top' };
      });
      commit(row);
    });
  };

  if (rows.length > streamingThreshold) {
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
    const ws = workbook.addWorksheet(SHEET_NAME[language], { views: FROZEN_HEADER });
    fill(ws as unknown as SheetLike, (row) => row.commit());
    ws.commit();
    await workbook.commit();
  } else {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet(SHEET_NAME[language], { views: FROZEN_HEADER });
    fill(ws as unknown as SheetLike, () => undefined);
    await workbook.xlsx.writeFile(path);
  }
}
