/**
 * A case as a workbook a client can read and a broker can import again: the vehicles under their
 * field names in the chosen language (the reader recognises them), each row's result beside
 * them, a totals row per currency (SUMIF formulas, so a client who edits the sheet sees them
 * follow), a Summary sheet (counts and totals by country and currency) and a Sources sheet
 * (every legal act and rate source the results rest on). CSV: the vehicle rows only, UTF-8 with
 * BOM and `;` for Russian-locale Excel.
 */
import { writeFile } from 'node:fs/promises';
import Decimal from 'decimal.js';
import ExcelJS from 'exceljs';
import { fieldLabel } from '../../core/import/messages';
import type { ImportField, Language } from '../../core/import/types';
import type { Currency } from '../../core/rates/schema';
import type { ComputeResult } from '../../core/vehicle';
import { csvField } from './csv';
import { VehicleFileError } from './errors';
import {
  FROZEN_HEADER, MONEY_FORMAT, RESULT_COLUMNS, RESULT_HEADERS, csvValue, decimalComma, inputColumns, resultCells, toNumber, width, xlsxValue,
  type CellValue,
} from './write';

export interface CaseRow {
  record: Record<string, unknown>;
  result: ComputeResult | null;
  /** the country the row was computed for (the row's own or the case's) */
  country: string;
}

export interface CaseWorkbookOptions {
  language: Language;
  /** e.g. "Дело 2026-0007 — ТОО «Авто»": the Summary sheet's first line */
  title: string;
}

const SHEETS = {
  results: { ru: 'Транспорт', kk: 'Көлік', en: 'Vehicles' },
  summary: { ru: 'Итоги', kk: 'Қорытынды', en: 'Summary' },
  sources: { ru: 'Источники', kk: 'Дереккөздер', en: 'Sources' },
} as const satisfies Record<string, Record<Language, string>>;

const WORDS = {
  total: { ru: 'Итого', kk: 'Барлығы', en: 'Total' },
  country: { ru: 'Страна', kk: 'Ел', en: 'Country' },
  currency: { ru: 'Валюта', kk: 'Валюта', en: 'Currency' },
  vehicles: { ru: 'Транспортных средств', kk: 'Көлік құралдары', en: 'Vehicles' },
  computed: { ru: 'Рассчитано', kk: 'Есептелді', en: 'Computed' },
  withErrors: { ru: 'С ошибками', kk: 'Қателері бар', en: 'With errors' },
  withWarnings: { ru: 'С предупреждениями', kk: 'Ескертулері бар', en: 'With warnings' },
  amount: { ru: 'Сумма', kk: 'Сомасы', en: 'Amount' },
  count: { ru: 'Количество', kk: 'Саны', en: 'Count' },
  source: { ru: 'Источник', kk: 'Дереккөз', en: 'Source' },
  kind: { ru: 'Вид', kk: 'Түрі', en: 'Kind' },
  link: { ru: 'Ссылка', kk: 'Сілтеме', en: 'Link' },
  schedule: { ru: 'Шкала ставок', kk: 'Мөлшерлемелер шкаласы', en: 'Schedule' },
  basis: { ru: 'Основание', kk: 'Негіздеме', en: 'Legal basis' },
  usedBy: { ru: 'Строк', kk: 'Жолдар', en: 'Rows' },
} as const satisfies Record<string, Record<Language, string>>;

const KNOWN = new Set<string>(['id', 'vin', 'country', 'date', 'category', 'offRoad', 'tractorUnit', 'internationalHaulage', 'propulsion', 'engineCc',
  'powerKw', 'powerHp', 'electricPower30minKw', 'grossMassKg', 'productionDate', 'importer', 'personalUse', 'dispatchCountry', 'originCountry',
  'exemption', 'machineType', 'make', 'model', 'colour', 'notes']);

/** A field's header in the asked language (read back by the importer); unknown keys as they are. */
export function columnHeader(field: string, language: Language): string {
  return KNOWN.has(field) ? fieldLabel(field as ImportField, language) : field;
}

/**
 * One style object per kind of cell, shared by every cell of that kind. exceljs gives each new
 * cell a style object of its own and, when writing, turns every style object it has not seen
 * into XML to find its index: for 100,000 rows × 22 columns that was 3.4 s of a 6.4 s export.
 * A shared object is looked up once (exceljs keeps a WeakMap by object). Frozen, because a
 * cell's style setters (`cell.numFmt = …`) would otherwise change every cell sharing it. The
 * plain style is `{}`: exceljs writes it for text and number cells as the default style, as for
 * a fresh cell; dates and money always get their own format.
 */
const CELL_STYLE = {
  plain: Object.freeze({}),
  date: Object.freeze({ numFmt: 'dd.mm.yyyy' }),
  wrap: Object.freeze({ alignment: Object.freeze({ wrapText: true, vertical: 'top' }) }),
  money: Object.fromEntries(Object.entries(MONEY_FORMAT).map(([c, numFmt]) => [c, Object.freeze({ numFmt })])) as Record<Currency, Partial<ExcelJS.Style>>,
} as const satisfies Record<string, Partial<ExcelJS.Style> | Record<Currency, Partial<ExcelJS.Style>>>;

export function columnLetter(column: number): string {
  let s = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

interface Totals {
  byCurrency: Map<Currency, Decimal>;
  byCountryCurrency: Map<string, { country: string; currency: Currency; count: number; amount: Decimal }>;
  computed: number;
  withErrors: number;
  withWarnings: number;
}

function totalsOf(rows: readonly CaseRow[]): Totals {
  const t: Totals = { byCurrency: new Map(), byCountryCurrency: new Map(), computed: 0, withErrors: 0, withWarnings: 0 };
  for (const { result, country } of rows) {
    if (!result || !result.ok) {
      t.withErrors += 1;
      continue;
    }
    t.computed += 1;
    if (result.warnings.length > 0) t.withWarnings += 1;
    t.byCurrency.set(result.currency, (t.byCurrency.get(result.currency) ?? new Decimal(0)).plus(result.fee));
    const key = `${country}|${result.currency}`;
    const entry = t.byCountryCurrency.get(key) ?? { country, currency: result.currency, count: 0, amount: new Decimal(0) };
    entry.count += 1;
    entry.amount = entry.amount.plus(result.fee);
    t.byCountryCurrency.set(key, entry);
  }
  return t;
}

interface SourceLine {
  title: string;
  kind: string;
  url: string;
  rows: number;
}

/** Every rate source and legal basis the results rest on, with how many rows cite each. */
function sourcesOf(rows: readonly CaseRow[]): { sources: SourceLine[]; bases: { schedule: string; basis: string; rows: number }[] } {
  const sources = new Map<string, SourceLine>();
  const bases = new Map<string, { schedule: string; basis: string; rows: number }>();
  for (const { result } of rows) {
    if (!result?.ok) continue;
    for (const s of result.sources) {
      const line = sources.get(s.key) ?? { title: s.title, kind: s.kind, url: s.url ?? '', rows: 0 };
      line.rows += 1;
      sources.set(s.key, line);
    }
    const key = `${result.schedule}|${result.basis}`;
    const basis = bases.get(key) ?? { schedule: result.schedule, basis: result.basis, rows: 0 };
    basis.rows += 1;
    bases.set(key, basis);
  }
  return { sources: [...sources.values()], bases: [...bases.values()] };
}

export async function writeCaseWorkbook(path: string, rows: readonly CaseRow[], format: 'xlsx' | 'csv', options: CaseWorkbookOptions): Promise<void> {
  try {
    if (format === 'csv') await writeFile(path, caseCsv(rows, options.language), 'utf8');
    else await caseXlsx(path, rows, options);
  } catch (e) {
    if (e instanceof VehicleFileError) throw e;
    throw new VehicleFileError('write-failed', options.language, e instanceof Error ? e.message : String(e), { cause: e });
  }
}

function caseCsv(rows: readonly CaseRow[], language: Language): string {
  const columns = inputColumns(rows.map((r) => r.record));
  const lines: string[] = [];
  const line = (fields: string[]) => lines.push(fields.map((f) => csvField(f, ';')).join(';'));
  line([...columns.map((c) => columnHeader(c, language)), ...RESULT_COLUMNS.map((c) => RESULT_HEADERS[c][language])]);
  for (const { record, result } of rows) {
    const r = resultCells(result ?? undefined);
    line([
      ...columns.map((c) => csvValue(record[c], language)),
      decimalComma(r.fee), r.currency ?? '', r.schedule, r.row, decimalComma(r.base), decimalComma(r.coefficient),
      r.basis, r.confidence, r.warnings, r.errors,
    ]);
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

async function caseXlsx(path: string, rows: readonly CaseRow[], { language, title }: CaseWorkbookOptions): Promise<void> {
  const columns = inputColumns(rows.map((r) => r.record));
  const headers = [...columns.map((c) => columnHeader(c, language)), ...RESULT_COLUMNS.map((c) => RESULT_HEADERS[c][language])];
  const feeCol = columns.length + 1;
  const currencyCol = columns.length + 2;
  const baseCol = columns.length + 5;
  const wrapCols = new Set([columns.length + 7, columns.length + 9, columns.length + 10]);
  const sample = rows.slice(0, 500).map((r) => {
    const c = resultCells(r.result ?? undefined);
    return [...columns.map((f) => xlsxValue(f, r.record[f])), c.fee, c.currency, c.schedule, c.row, c.base, c.coefficient, c.basis, c.confidence, c.warnings, c.errors];
  });
  const widths = headers.map((h, c) => width([h, ...sample.map((r) => r[c])]));

  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useStyles: true, useSharedStrings: false });
  const ws = workbook.addWorksheet(SHEETS.results[language], { views: FROZEN_HEADER });
  ws.columns = widths.map((w) => ({ width: w }));
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: headers.length } };
  const header = ws.addRow(headers);
  header.font = { bold: true };
  header.commit();
  for (const { record, result } of rows) {
    const r = resultCells(result ?? undefined);
    const values: CellValue[] = [
      ...columns.map((c) => xlsxValue(c, record[c])),
      toNumber(r.fee), r.currency, r.schedule, r.row, toNumber(r.base), toNumber(r.coefficient), r.basis, r.confidence, r.warnings, r.errors,
    ];
    const row = ws.addRow(values);
    // `values` has no holes, so this visits exactly the cells addRow made.
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      const v = values[col - 1];
      cell.style = r.currency && (col === feeCol || col === baseCol) ? CELL_STYLE.money[r.currency]
        : v instanceof Date ? CELL_STYLE.date
          : wrapCols.has(col) && typeof v === 'string' && v.includes('\n') ? CELL_STYLE.wrap
            : CELL_STYLE.plain;
    });
    row.commit();
  }

  // Totals below a blank row (outside the filter's range), in the fee and currency columns only,
  // so the importer reads the sheet back without mistaking a total for a vehicle.
  const totals = totalsOf(rows);
  const first = 2;
  const last = rows.length + 1;
  const fee = columnLetter(feeCol);
  const cur = columnLetter(currencyCol);
  let at = last + 2;
  for (const [currency, amount] of totals.byCurrency) {
    const row = ws.getRow(at);
    const cell = row.getCell(feeCol);
    cell.value = { formula: `SUMIF(${cur}${first}:${cur}${last},"${currency}",${fee}${first}:${fee}${last})`, result: amount.toNumber() };
    cell.numFmt = MONEY_FORMAT[currency];
    cell.font = { bold: true };
    row.getCell(currencyCol).value = `${WORDS.total[language]} ${currency}`;
    row.getCell(currencyCol).font = { bold: true };
    row.commit();
    at += 1;
  }
  ws.commit();

  const summary = workbook.addWorksheet(SHEETS.summary[language]);
  summary.columns = [{ width: 36 }, { width: 14 }, { width: 12 }, { width: 22 }];
  const line = (values: CellValue[], bold = false) => {
    const row = summary.addRow(values);
    if (bold) row.font = { bold: true };
    return row;
  };
  line([title], true).commit();
  line([]).commit();
  line([WORDS.vehicles[language], rows.length]).commit();
  line([WORDS.computed[language], totals.computed]).commit();
  line([WORDS.withErrors[language], totals.withErrors]).commit();
  line([WORDS.withWarnings[language], totals.withWarnings]).commit();
  line([]).commit();
  line([WORDS.country[language], WORDS.count[language], WORDS.currency[language], WORDS.amount[language]], true).commit();
  const groups = [...totals.byCountryCurrency.values()].sort((a, b) => a.country.localeCompare(b.country) || a.currency.localeCompare(b.currency));
  for (const g of groups) {
    const row = line([g.country, g.count, g.currency, g.amount.toNumber()]);
    row.getCell(4).numFmt = MONEY_FORMAT[g.currency];
    row.commit();
  }
  line([]).commit();
  for (const [currency, amount] of totals.byCurrency) {
    const row = line([WORDS.total[language], null, currency, amount.toNumber()], true);
    row.getCell(4).numFmt = MONEY_FORMAT[currency];
    row.commit();
  }
  summary.commit();

  const { sources, bases } = sourcesOf(rows);
  const src = workbook.addWorksheet(SHEETS.sources[language]);
  src.columns = [{ width: 60 }, { width: 16 }, { width: 50 }, { width: 10 }];
  const srcLine = (values: CellValue[], bold = false) => {
    const row = src.addRow(values);
    if (bold) row.font = { bold: true };
    row.commit();
  };
  srcLine([WORDS.basis[language], WORDS.schedule[language], null, WORDS.usedBy[language]], true);
  for (const b of bases) srcLine([b.basis, b.schedule, null, b.rows]);
  srcLine([]);
  srcLine([WORDS.source[language], WORDS.kind[language], WORDS.link[language], WORDS.usedBy[language]], true);
  for (const s of sources) srcLine([s.title, s.kind, s.url, s.rows]);
  src.commit();
  await workbook.commit();
}
