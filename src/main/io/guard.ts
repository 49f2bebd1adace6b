/**
 * Limits that keep a hostile or broken spreadsheet from exhausting memory or time before any
 * vehicle is read (SECURITY.md, "a malicious spreadsheet"). An .xlsx is a zip: its central
 * directory declares each part's sizes, which a zip bomb either states honestly (a 1,000:1 ratio,
 * gigabytes unpacked) or lies about; so the declared sizes are checked first and then every part
 * is refused the moment its inflated bytes exceed what it declared (all parts up front for the
 * in-memory reader; the streaming reader counts the parts it inflates). Rows,
 * columns and cell lengths are bounded as rows are read. Each refusal is a `VehicleFileError`
 * 'too-large' whose message names the limit, in the broker's language.
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Writable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';
import type { Language } from '../../core/import/types';
import { damagedPart, VehicleFileError } from './errors';
import { centralDirectory, entryDataStart, type ZipEntry } from './zip';

export const LIMITS = {
  /** all parts of an .xlsx unpacked; a 100,000-row, 12-column list is about 30–60 MB */
  unpackedBytes: 256 * 1024 * 1024,
  /** unpacked ÷ packed for a part over `ratioFloorBytes`; real sheets pack 5–20:1, bombs ~1,000:1 */
  ratio: 200,
  ratioFloorBytes: 1024 * 1024,
  /** parts in the zip; a workbook has tens */
  zipEntries: 10_000,
  /** sheet rows (by row number, so a lone cell at row 1,048,576 counts); a case holds at most 100,000 vehicles */
  sheetRows: 200_000,
  /** columns per row (Excel 2003's IV); vehicle lists have tens */
  columns: 256,
  /** characters in one cell: Excel's own maximum */
  cellChars: 32_767,
  /** a .csv, .tsv, .txt or .json file, read whole */
  textFileBytes: 64 * 1024 * 1024,
  /** above this many unpacked bytes an .xlsx is read with the streaming reader, whatever its packed size */
  wholeReadUnpackedBytes: 16 * 1024 * 1024,
} as const;

const MB = 1024 * 1024;
const mb = (bytes: number) => (bytes / MB).toFixed(bytes < 10 * MB ? 1 : 0);

type Reason =
  | { kind: 'unpacked'; bytes: number }
  | { kind: 'ratio'; part: string; ratio: number }
  | { kind: 'entries'; count: number }
  | { kind: 'lying'; part: string }
  | { kind: 'rows'; row: number }
  | { kind: 'columns'; row: number; columns: number }
  | { kind: 'cell'; cell: string; chars: number }
  | { kind: 'text-file'; bytes: number };

const DETAILS: Record<Language, (r: Reason) => string> = {
  ru: (r) => {
    switch (r.kind) {
      case 'unpacked': return `в распакованном виде ${mb(r.bytes)} МБ, предел ${mb(LIMITS.unpackedBytes)} МБ`;
      case 'ratio': return `часть «${r.part}» сжата в ${r.ratio} раз (предел ${LIMITS.ratio}): так устроены zip-бомбы`;
      case 'entries': return `в архиве ${r.count} частей, предел ${LIMITS.zipEntries}`;
      case 'lying': return `часть «${r.part}» распаковывается в больший размер, чем указано в архиве`;
      case 'rows': return `строка ${r.row}: на листе больше ${LIMITS.sheetRows} строк`;
      case 'columns': return `строка ${r.row}: ${r.columns} столбцов, предел ${LIMITS.columns}`;
      case 'cell': return `ячейка ${r.cell}: ${r.chars} символов, предел ${LIMITS.cellChars}`;
      case 'text-file': return `${mb(r.bytes)} МБ, предел для .csv и .json ${mb(LIMITS.textFileBytes)} МБ`;
    }
  },
  kk: (r) => {
    switch (r.kind) {
      case 'unpacked': return `ашылған күйде ${mb(r.bytes)} МБ, шегі ${mb(LIMITS.unpackedBytes)} МБ`;
      case 'ratio': return `«${r.part}» бөлігі ${r.ratio} есе сығылған (шегі ${LIMITS.ratio}): zip-бомбалар осылай жасалады`;
      case 'entries': return `архивте ${r.count} бөлік, шегі ${LIMITS.zipEntries}`;
      case 'lying': return `«${r.part}» бөлігі архивте көрсетілгеннен үлкен болып ашылады`;
      case 'rows': return `${r.row}-жол: парақта ${LIMITS.sheetRows} жолдан көп`;
      case 'columns': return `${r.row}-жол: ${r.columns} баған, шегі ${LIMITS.columns}`;
      case 'cell': return `${r.cell} ұяшығы: ${r.chars} таңба, шегі ${LIMITS.cellChars}`;
      case 'text-file': return `${mb(r.bytes)} МБ, .csv және .json үшін шегі ${mb(LIMITS.textFileBytes)} МБ`;
    }
  },
  en: (r) => {
    switch (r.kind) {
      case 'unpacked': return `${mb(r.bytes)} MB unpacked, the limit is ${mb(LIMITS.unpackedBytes)} MB`;
      case 'ratio': return `part "${r.part}" is packed ${r.ratio}:1 (the limit is ${LIMITS.ratio}:1), as zip bombs are`;
      case 'entries': return `${r.count} parts in the archive, the limit is ${LIMITS.zipEntries}`;
      case 'lying': return `part "${r.part}" unpacks to more than the archive declares`;
      case 'rows': return `row ${r.row}: the sheet has more than ${LIMITS.sheetRows} rows`;
      case 'columns': return `row ${r.row}: ${r.columns} columns, the limit is ${LIMITS.columns}`;
      case 'cell': return `cell ${r.cell}: ${r.chars} characters, the limit is ${LIMITS.cellChars}`;
      case 'text-file': return `${mb(r.bytes)} MB, the limit for .csv and .json is ${mb(LIMITS.textFileBytes)} MB`;
    }
  },
};

function tooLarge(language: Language, reason: Reason): VehicleFileError {
  return new VehicleFileError('too-large', language, DETAILS[language](reason));
}

/** The .xlsx's parts, refused beyond `LIMITS.zipEntries`. */
export function zipEntries(path: string, size: number, language: Language): Promise<ZipEntry[]> {
  return centralDirectory(path, size, language, {
    maxEntries: LIMITS.zipEntries,
    tooMany: (count) => tooLarge(language, { kind: 'entries', count }),
  });
}

/** A cell beyond the column limit, refused as the reader meets it (before a row of that width is built). */
export function guardColumn(rowNumber: number, column: number, language: Language): void {
  if (column > LIMITS.columns) throw tooLarge(language, { kind: 'columns', row: rowNumber, columns: column });
}

/**
 * A part that has unpacked, so far, to `bytes`: refused the moment that passes what the zip
 * declared (a lying bomb). Whoever inflates a part calls this as bytes come.
 */
export function guardInflated(entry: ZipEntry, bytes: number, language: Language): void {
  if (bytes > entry.unpacked) throw tooLarge(language, { kind: 'lying', part: entry.name });
}

/** Inflates one part, counting bytes, and stops as soon as it passes what it declared. */
async function checkActualSize(path: string, entry: ZipEntry, language: Language): Promise<void> {
  if (entry.method !== 8 || entry.packed === 0) return;
  const handle = await open(path, 'r');
  let dataStart: number;
  try {
    dataStart = await entryDataStart(handle, entry, language);
  } finally {
    await handle.close();
  }
  let seen = 0;
  const counter = new Writable({
    write(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      try {
        guardInflated(entry, seen, language);
        done();
      } catch (e) {
        done(e as Error);
      }
    },
  });
  try {
    await pipeline(createReadStream(path, { start: dataStart, end: dataStart + entry.packed - 1 }), createInflateRaw(), counter);
  } catch (e) {
    if (e instanceof VehicleFileError) throw e;
    throw damagedPart(language, entry.name, e);
  }
}

/**
 * Every part inflated once, counting bytes: for exceljs's in-memory reader, which would inflate a
 * lying part whole. Tamga's streaming reader checks what it inflates itself (`guardInflated`), so
 * a large file's sheet is not inflated twice.
 */
export async function guardInflatedParts(path: string, entries: readonly ZipEntry[], language: Language): Promise<void> {
  for (const e of entries) await checkActualSize(path, e, language);
}

/**
 * Refuses an .xlsx whose parts, as declared, are too many, too large in total or packed like a
 * bomb. Returns the parts and their unpacked size, which decides the reader to use; what they
 * actually unpack to is checked as they are inflated (`guardInflatedParts`, `guardInflated`).
 */
export async function guardZip(path: string, size: number, language: Language): Promise<{ unpackedBytes: number; entries: ZipEntry[] }> {
  const entries = await zipEntries(path, size, language);
  let total = 0;
  for (const e of entries) {
    total += e.unpacked;
    if (total > LIMITS.unpackedBytes) throw tooLarge(language, { kind: 'unpacked', bytes: total });
    if (e.unpacked > LIMITS.ratioFloorBytes && e.unpacked > LIMITS.ratio * Math.max(e.packed, 1)) {
      throw tooLarge(language, { kind: 'ratio', part: e.name, ratio: Math.round(e.unpacked / Math.max(e.packed, 1)) });
    }
  }
  return { unpackedBytes: total, entries };
}

export function guardTextFile(size: number, language: Language): void {
  if (size > LIMITS.textFileBytes) throw tooLarge(language, { kind: 'text-file', bytes: size });
}

function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

/** One sheet row as read: its number, its width and every text cell's length within the limits. */
export function guardRow(rowNumber: number, cells: readonly unknown[], language: Language): void {
  if (rowNumber > LIMITS.sheetRows) throw tooLarge(language, { kind: 'rows', row: rowNumber });
  if (cells.length > LIMITS.columns) throw tooLarge(language, { kind: 'columns', row: rowNumber, columns: cells.length });
  for (let i = 0; i < cells.length; i += 1) {
    const c = cells[i];
    if (typeof c === 'string' && c.length > LIMITS.cellChars) throw tooLarge(language, { kind: 'cell', cell: `${columnName(i + 1)}${rowNumber}`, chars: c.length });
  }
}
