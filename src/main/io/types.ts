import type { HeaderMapping, Issue, Language } from '../../core/import/types';
import type { VehicleInput } from '../../core/vehicle';

export interface ReadOptions {
  /** values for fields a row lacks (e.g. the case's country, rule date, importer); a row's own value wins */
  defaults?: Partial<VehicleInput>;
  /** language of issue messages and errors; Russian by default */
  language?: Language;
  /** an explicit (possibly broker-edited) mapping; skips header detection */
  mapping?: HeaderMapping;
  /** worksheet name or 1-based position; by default the first sheet with a recognisable header */
  sheet?: string | number;
  /** called every few hundred rows and once at the end with the number of rows read so far */
  onProgress?: (rowsRead: number) => void;
  /** aborting rejects with a VehicleFileError whose code is `aborted` */
  signal?: AbortSignal;
  /**
   * .xlsx files larger than this many bytes (or 16 MB unpacked) are always read by Tamga's
   * streaming reader (xlsx-stream.ts: flat memory; merged-cell ranges are not available there).
   * Default 5 MB. A smaller file is streamed too unless the sheet read merges cells: then exceljs
   * reads it whole, and a value merged down rows reaches every row it covers.
   */
  streamingThresholdBytes?: number;
  /** tests: 'whole' reads every small .xlsx with exceljs's in-memory reader, merged cells or not */
  xlsxReader?: 'auto' | 'whole';
  /** the broker's choice of header row (1-based): its cells are recognised instead of detecting one */
  headerRow?: number;
  /** stop after this many vehicle rows (a preview of a large file reads only its head) */
  limit?: number;
  /** keep each row's cells as plain values (`ReadRow.cells`), for a preview table */
  keepCells?: boolean;
  /**
   * Receive the vehicle rows in batches of about `batchSize` as they are read, instead of in
   * `ReadResult.rows` (then empty): a large file is never held whole in memory. Reading waits
   * for each call, so a slow consumer slows the reader rather than piling rows up.
   */
  onRows?: (rows: ReadRow[], sheet: { name: string; mapping: HeaderMapping }) => void | Promise<void>;
  /** rows per `onRows` call; default 2000 */
  batchSize?: number;
}

export interface ReadRow {
  /** the sheet's own 1-based row number (CSV: line of the record; JSON: 1-based array index) */
  rowNumber: number;
  /** contract fields (and make/model/colour/notes) parsed from the row, defaults filled in */
  input: Record<string, unknown>;
  issues: Issue[];
  /** the row's cells as plain values (text, number, boolean, ISO date), when `keepCells` was asked */
  cells?: unknown[];
}

/** `unmapped`: values only in columns that map to no field (a totals line, a signature) */
export type SkipReason = 'empty' | 'title' | 'header' | 'unmapped';

export interface SkippedRow {
  rowNumber: number;
  reason: SkipReason;
  message: string;
}

export interface ReadResult {
  /** worksheet name; the file name for .csv and .json */
  sheet: string;
  /** 1-based header row; 0 for .json */
  headerRow: number;
  mapping: HeaderMapping;
  rows: ReadRow[];
  skipped: SkippedRow[];
}

export interface WriteOptions {
  /** language of the result column headers and of joined messages; Russian by default */
  language?: Language;
  /** .xlsx outputs with more rows than this are written with the streaming writer. Default 2000. */
  streamingThresholdRows?: number;
}

export type VehicleFileErrorCode =
  | 'not-found'
  | 'unsupported-format'
  | 'xls-not-supported'
  | 'corrupt-file'
  | 'invalid-json'
  | 'empty-file'
  | 'no-header'
  | 'sheet-not-found'
  | 'aborted'
  | 'write-failed'
  /** a limit of guard.ts: unpacked size, zip ratio, rows, columns, cell length, text file size */
  | 'too-large';
