/**
 * Importing a broker's vehicle list into a case: a preview of the file's head (sheet, header row,
 * mapping, first rows with their issues) the broker can correct, then a job that reads the whole
 * file and stores every row in the case in ONE transaction, through the same `VehicleService.apply`
 * the grid uses, so imported rows are computed and totalled exactly like typed ones; the audit
 * trail gets one entry per imported row naming its file, sheet and row (see `ApplyOptions`).
 *
 * Nothing in the file is dropped silently: a row whose values could not all be read is stored as
 * a draft carrying the unread value as typed (the engine then reports it on that row, in the words
 * it uses for typed input), skipped rows are reported with their reason, and duplicate VINs are
 * warnings. The job stores the rows batch by batch as it reads them, on a connection of its own
 * inside one open transaction, yielding to the event loop between batches; cancelling rolls it
 * back, so the case is exactly as before. While a job runs (a few seconds for 100,000 rows) other
 * writes wait for it (busy timeout); reads are not blocked (WAL).
 */
import { randomBytes } from 'node:crypto';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import BetterSqlite3, { type Database } from 'better-sqlite3';
import type {
  ImportJob, ImportPreview, ImportReportIssue, Language, SavedMapping, VehicleChange, VehicleRecord,
} from '../../core/api/contract';
import { adaptMapping, headerKey } from '../../core/import/saved';
import { fieldLabel } from '../../core/import/messages';
import type { HeaderMapping, Issue } from '../../core/import/types';
import { plainValue } from '../../core/import/values';
import { AppError } from '../api/errors';
import { columnLetter } from '../io/case-workbook';
import { isVehicleFileError } from '../io/errors';
import { readVehicleFile } from '../io/read';
import { writeImportReport } from '../io/report';
import type { TransferStore } from '../io/transfers';
import type { ReadResult, ReadRow, SkippedRow } from '../io/types';
import { AuditService, type AuditRecord } from './audit';
import type { FeeService } from './fees';
import { VehicleService } from './vehicles';

export const PREVIEW_ROWS = 20;
/** Rows per `apply` call inside the import's transaction: the event loop gets a turn between them. */
export const STORE_BATCH = 2000;
/** Issues returned with a status (all of them are in the saved report). */
export const REPORT_ISSUES_SHOWN = 500;
/** Finished jobs kept for their report and status. */
const JOBS_KEPT = 20;

const BOOLEAN_FIELDS = new Set<string>(['offRoad', 'tractorUnit', 'internationalHaulage', 'personalUse']);
const TEXT_CAPS: Partial<Record<string, number>> = { id: 100, notes: 2000, model: 200, make: 100, colour: 100, exemption: 100, machineType: 100 };
const DEFAULT_CAP = 40;

const DUPLICATE_IN_FILE: Record<Language, (vin: string, row: number) => string> = {
  ru: (vin, row) => `VIN ${vin} уже встречался в файле (строка ${row})`,
  kk: (vin, row) => `VIN ${vin} файлда бұрын кездескен (${row}-жол)`,
  en: (vin, row) => `VIN ${vin} already appears in the file (row ${row})`,
};
const DUPLICATE_IN_CASE: Record<Language, (vin: string) => string> = {
  ru: (vin) => `VIN ${vin} уже есть в этом деле`,
  kk: (vin) => `VIN ${vin} бұл істе бұрыннан бар`,
  en: (vin) => `VIN ${vin} is already in this case`,
};
const UNREAD_NOTE: Record<Language, string> = { ru: 'Не прочитано при импорте', kk: 'Импорт кезінде оқылмады', en: 'Not read on import' };
const FAILED: Record<Language, string> = {
  ru: 'Импорт не выполнен; дело не изменено',
  kk: 'Импорт орындалмады; іс өзгертілмеді',
  en: 'The import failed; the case was not changed',
};

interface Job {
  status: ImportJob;
  abort: AbortController;
  fileName: string;
  /** every issue and skipped row, for the saved report */
  issues: ImportReportIssue[];
  skipped: SkippedRow[];
  language: Language;
}

interface StartArgs {
  caseId: number;
  fileId: string;
  sheet?: string | undefined;
  mapping?: HeaderMapping | undefined;
  language?: Language | undefined;
}

interface PreviewArgs extends StartArgs {
  headerRow?: number | undefined;
  mappingId?: number | undefined;
}

interface MappingRow {
  id: number;
  client_id: number;
  name: string;
  mapping: string;
  created_at: string;
  updated_at: string;
}

const text = (value: unknown): string => {
  const v = plainValue(value);
  if (v === null) return '';
  return v instanceof Date ? v.toISOString().slice(0, 10) : String(v);
};

/**
 * A read row as the record the case stores. A value the reader could not use is stored as typed
 * (a number or date field takes text), so the row is a draft whose result names that field; a
 * flag that could not be read cannot be stored as typed, so it goes into the notes.
 */
export function recordOf(row: ReadRow, language: Language): VehicleRecord {
  const record: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row.input)) {
    if (value === undefined || value === null) continue;
    record[key] = typeof value === 'string' ? value.slice(0, TEXT_CAPS[key] ?? DEFAULT_CAP) : value;
  }
  const unread: string[] = [];
  for (const issue of row.issues) {
    if (issue.severity !== 'error' || issue.column === null || record[issue.field] !== undefined) continue;
    const raw = text(issue.value);
    if (raw === '') continue;
    if (BOOLEAN_FIELDS.has(issue.field)) unread.push(`${fieldLabel(issue.field, language)}: ${raw}`);
    else record[issue.field] = raw.slice(0, TEXT_CAPS[issue.field] ?? DEFAULT_CAP);
  }
  if (unread.length > 0) {
    const note = `${UNREAD_NOTE[language]}: ${unread.join('; ')}`;
    record.notes = (typeof record.notes === 'string' && record.notes !== '' ? `${record.notes}\n${note}` : note).slice(0, TEXT_CAPS.notes);
  }
  return record as VehicleRecord;
}

function fileIssue(sheet: string, row: number, issue: Issue): ImportReportIssue {
  return {
    severity: issue.severity,
    source: 'file',
    sheet,
    row,
    column: issue.column === null ? '' : columnLetter(issue.column),
    field: issue.field,
    value: text(issue.value),
    message: issue.message,
  };
}

export class ImportService {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly db: Database,
    private readonly vehicles: VehicleService,
    private readonly fees: FeeService,
    private readonly transfers: TransferStore,
    private readonly language: () => Language,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private async file(fileId: string): Promise<{ path: string; name: string }> {
    const file = await this.transfers.get(fileId);
    if (!file) throw new AppError('not-found', `No uploaded file ${fileId}`, [{ field: 'fileId', code: 'not-found', message: fileId }]);
    return file;
  }

  private clientOf(caseId: number): number {
    this.vehicles.caseDefaults(caseId);
    return this.db.prepare('SELECT client_id FROM cases WHERE id = ?').pluck().get(caseId) as number;
  }

  /** A file that cannot be read at all is the caller's problem to show, with the reader's message. */
  private async read(path: string, options: Parameters<typeof readVehicleFile>[1]): Promise<ReadResult> {
    try {
      return await readVehicleFile(path, options);
    } catch (e) {
      if (isVehicleFileError(e)) throw new AppError('invalid-argument', e.message, [{ field: 'fileId', code: e.code, message: e.message }]);
      throw e;
    }
  }

  async preview(args: PreviewArgs): Promise<ImportPreview> {
    const language = args.language ?? this.language();
    const clientId = this.clientOf(args.caseId);
    const file = await this.file(args.fileId);
    const base = { language, limit: PREVIEW_ROWS, keepCells: true, ...(args.sheet !== undefined ? { sheet: args.sheet } : {}) };
    const chosen = { ...base, ...(args.mapping ? { mapping: args.mapping } : {}), ...(args.headerRow !== undefined ? { headerRow: args.headerRow } : {}) };
    // Headers nobody recognises ("Кат.", "Двиг."): show the first row as the header, for the broker
    // to map by hand (or for a mapping saved for these very headers to apply).
    const guessFirstRow = !args.mapping && args.headerRow === undefined;
    let read = await this.read(file.path, chosen).catch(async (e: unknown) => {
      if (guessFirstRow && e instanceof AppError && e.issues?.[0]?.code === 'no-header') return this.read(file.path, { ...base, headerRow: 1 });
      throw e;
    });
    let savedMapping: { id: number; name: string } | null = null;
    if (!args.mapping && args.headerRow === undefined) {
      const saved = args.mappingId !== undefined ? this.mappingRow(args.mappingId, clientId) : this.mappingForHeader(clientId, read.mapping);
      if (saved) {
        savedMapping = { id: saved.id, name: saved.name };
        const mapping = adaptMapping(JSON.parse(saved.mapping) as HeaderMapping, read.mapping);
        read = await this.read(file.path, { ...base, sheet: read.sheet, mapping });
      }
    }
    return {
      fileName: file.name,
      sheet: read.sheet,
      headerRow: read.headerRow,
      mapping: read.mapping,
      rows: read.rows.map((r) => ({ rowNumber: r.rowNumber, cells: r.cells ?? [], input: r.input, issues: r.issues })),
      skipped: read.skipped,
      savedMapping,
    };
  }

  async start(args: StartArgs): Promise<{ jobId: string }> {
    const language = args.language ?? this.language();
    this.clientOf(args.caseId);
    const file = await this.file(args.fileId);
    const jobId = randomBytes(16).toString('hex');
    const job: Job = {
      status: { jobId, caseId: args.caseId, state: 'reading', rowsRead: 0, rowsStored: 0, rowsTotal: null, report: null, error: null },
      abort: new AbortController(),
      fileName: file.name,
      issues: [],
      skipped: [],
      language,
    };
    this.jobs.set(jobId, job);
    this.forgetOldJobs();
    void this.run(job, file.path, args).catch((e: unknown) => {
      job.status.state = job.abort.signal.aborted ? 'cancelled' : 'failed';
      if (job.status.state === 'failed') {
        const code = isVehicleFileError(e) ? e.code : 'internal';
        const message = isVehicleFileError(e) ? e.message : `${FAILED[language]}: ${e instanceof Error ? e.message : String(e)}`;
        job.status.error = { code, message };
      }
    });
    return { jobId };
  }

  status(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', `No import job ${jobId}`, [{ field: 'jobId', code: 'not-found', message: jobId }]);
    return structuredClone(job.status);
  }

  cancel(jobId: string): ImportJob {
    const job = this.jobs.get(jobId);
    if (!job) throw new AppError('not-found', `No import job ${jobId}`, [{ field: 'jobId', code: 'not-found', message: jobId }]);
    if (job.status.state === 'reading' || job.status.state === 'storing') job.abort.abort();
    return this.status(jobId);
  }

  /** Resolves when the job has finished, failed or been cancelled (tests, the bench). */
  async settled(jobId: string): Promise<ImportJob> {
    for (;;) {
      const s = this.status(jobId);
      if (s.state !== 'reading' && s.state !== 'storing') return s;
      await new Promise((r) => setTimeout(r, 5));
    }
  }

  async saveReport(jobId: string, format: 'xlsx' | 'csv', language?: Language): Promise<{ downloadId: string; fileName: string }> {
    const job = this.jobs.get(jobId);
    if (!job?.status.report) throw new AppError('not-found', `No finished import ${jobId}`, [{ field: 'jobId', code: 'not-found', message: jobId }]);
    const name = `${job.fileName.replace(/\.[^.]*$/, '')}-report.${format}`;
    const out = await this.transfers.create(name);
    await writeImportReport(out.path, job.status.report, job.issues, job.skipped, format, language ?? job.language);
    return { downloadId: out.id, fileName: out.name };
  }

  private forgetOldJobs(): void {
    const finished = [...this.jobs.entries()].filter(([, j]) => j.status.state !== 'reading' && j.status.state !== 'storing');
    for (const [id] of finished.slice(0, Math.max(0, finished.length - JOBS_KEPT))) this.jobs.delete(id);
  }

  /**
   * Reads the file in batches of `STORE_BATCH` rows and stores each batch as it arrives, all in
   * ONE transaction on a connection of the job's own (opened with the first batch), so memory
   * stays flat whatever the file's size and the case is never seen half-imported. Cancelling or
   * failing at any point rolls the transaction back: the case is exactly as it was. The price is
   * that other writers wait (busy timeout) for the read as well as the store.
   */
  private async run(job: Job, path: string, args: StartArgs): Promise<void> {
    const { status, language } = job;
    const signal = job.abort.signal;
    const existing = new Set(
      (this.db.prepare('SELECT vin FROM vehicles WHERE case_id = ? AND vin IS NOT NULL').pluck().all(args.caseId) as string[]),
    );
    const firstRowOfVin = new Map<string, number>();
    const rowWarned = new Set<number>();
    const rowErred = new Set<number>();
    let duplicates = 0;
    // File and duplicate issues first, then the engine's, as when the whole file was read first.
    const engineIssues: ImportReportIssue[] = [];
    let columnOf: Map<string, string> | null = null;
    let store: Store | null = null;

    const storeBatch = async (rows: ReadRow[], sheet: { name: string; mapping: HeaderMapping }) => {
      const columns = (columnOf ??= new Map(sheet.mapping.columns.map((c) => [c.field as string, columnLetter(c.column)])));
      const records = rows.map((row) => {
        for (const issue of row.issues) {
          job.issues.push(fileIssue(sheet.name, row.rowNumber, issue));
          (issue.severity === 'error' ? rowErred : rowWarned).add(row.rowNumber);
        }
        const record = recordOf(row, language);
        const vin = typeof record.vin === 'string' ? record.vin.toUpperCase() : null;
        if (vin) {
          const first = firstRowOfVin.get(vin);
          const message = first !== undefined ? DUPLICATE_IN_FILE[language](vin, first) : existing.has(vin) ? DUPLICATE_IN_CASE[language](vin) : null;
          if (message) {
            duplicates += 1;
            rowWarned.add(row.rowNumber);
            job.issues.push({ severity: 'warning', source: 'duplicate', sheet: sheet.name, row: row.rowNumber, column: columns.get('vin') ?? '', field: 'vin', value: vin, message });
          }
          if (first === undefined) firstRowOfVin.set(vin, row.rowNumber);
        }
        return record;
      });
      if (signal.aborted) throw new CancelledImport();
      store ??= this.openStore();
      const changes = records.map((record): VehicleChange => ({ op: 'upsert', record }));
      const stored = store.vehicles.apply(args.caseId, changes, { importedFrom: (i) => `${job.fileName}: ${sheet.name}, ${rows[i]!.rowNumber}`, readBack: false });
      // Every change adds a row, so results[i] is the result of rows[i].
      (stored.results ?? []).forEach((result, i) => {
        const rowNumber = rows[i]!.rowNumber;
        if (result.ok) {
          if (result.warnings.length > 0) rowWarned.add(rowNumber);
          return;
        }
        rowErred.add(rowNumber);
        for (const e of result.errors) {
          engineIssues.push({ severity: 'error', source: 'engine', sheet: sheet.name, row: rowNumber, column: columns.get(e.field) ?? '', field: e.field, value: text(records[i]![e.field as keyof VehicleRecord]), message: e.message });
        }
      });
      status.rowsStored += rows.length;
      status.state = 'storing';
      await yieldToLoop();
    };

    try {
      const read = await readVehicleFile(path, {
        language,
        signal,
        onProgress: (n) => { status.rowsRead = n; },
        onRows: storeBatch,
        batchSize: STORE_BATCH,
        ...(args.sheet !== undefined ? { sheet: args.sheet } : {}),
        ...(args.mapping ? { mapping: args.mapping } : {}),
      });
      if (signal.aborted) throw new CancelledImport();
      const count = status.rowsStored;
      status.rowsTotal = count;
      job.skipped = read.skipped;
      job.issues.push(...engineIssues);
      // A file with no vehicle rows still leaves its case.import entry, as every import does.
      store ??= this.openStore();
      store.commit(this.now().toISOString(), { caseId: args.caseId, vehicleId: null, action: 'case.import', field: 'file', oldValue: null, newValue: `${job.fileName}: ${count}` });

      const errorCount = job.issues.filter((i) => i.severity === 'error').length;
      status.report = {
        fileName: job.fileName,
        sheet: read.sheet,
        headerRow: read.headerRow,
        counts: {
          rows: count,
          stored: count,
          withErrors: rowErred.size,
          withWarnings: [...rowWarned].filter((r) => !rowErred.has(r)).length,
          skipped: read.skipped.length,
          duplicates,
        },
        errorCount,
        warningCount: job.issues.length - errorCount,
        issues: job.issues.slice(0, REPORT_ISSUES_SHOWN),
        skipped: read.skipped.slice(0, REPORT_ISSUES_SHOWN),
        truncated: job.issues.length > REPORT_ISSUES_SHOWN || read.skipped.length > REPORT_ISSUES_SHOWN,
      };
      status.state = 'done';
    } catch (e) {
      if (!signal.aborted) throw e;
      this.cancelled(job);
    } finally {
      (store as Store | null)?.close();
    }
  }

  private cancelled(job: Job): void {
    job.status.state = 'cancelled';
    job.status.rowsStored = 0;
  }

  /** The import's own connection with its transaction open; `close` rolls back what was not committed. */
  private openStore(): Store {
    const conn = new BetterSqlite3(this.db.name);
    try {
      conn.pragma('foreign_keys = ON');
      conn.pragma('busy_timeout = 5000');
      const audit = new AuditService(conn);
      const vehicles = new VehicleService(conn, this.fees, audit, this.now);
      conn.exec('BEGIN IMMEDIATE');
      return {
        vehicles,
        commit: (at, entry) => {
          audit.record(at, entry);
          conn.exec('COMMIT');
        },
        close: () => {
          if (conn.inTransaction) conn.exec('ROLLBACK');
          conn.close();
        },
      };
    } catch (e) {
      conn.close();
      throw e;
    }
  }

  // ── saved mappings ───────────────────────────────────────────────────────────────────────

  private mappingRow(id: number, clientId?: number): MappingRow | null {
    const row = this.db.prepare('SELECT * FROM import_mappings WHERE id = ?').get(id) as MappingRow | undefined;
    if (!row || (clientId !== undefined && row.client_id !== clientId)) {
      throw new AppError('not-found', `No saved mapping ${id}`, [{ field: 'mappingId', code: 'not-found', message: String(id) }]);
    }
    return row;
  }

  private mappingForHeader(clientId: number, detected: HeaderMapping): MappingRow | null {
    return (this.db.prepare('SELECT * FROM import_mappings WHERE client_id = ? AND header_key = ? ORDER BY updated_at DESC LIMIT 1')
      .get(clientId, headerKey(detected)) as MappingRow | undefined) ?? null;
  }

  listMappings(clientId: number): SavedMapping[] {
    const rows = this.db.prepare('SELECT * FROM import_mappings WHERE client_id = ? ORDER BY name').all(clientId) as MappingRow[];
    return rows.map(toSaved);
  }

  saveMapping(clientId: number, name: string, mapping: HeaderMapping): SavedMapping {
    const client = this.db.prepare('SELECT id FROM clients WHERE id = ?').get(clientId);
    if (!client) throw new AppError('not-found', `No client ${clientId}`, [{ field: 'clientId', code: 'not-found', message: String(clientId) }]);
    const at = this.now().toISOString();
    this.db.prepare(
      `INSERT INTO import_mappings (client_id, name, header_key, mapping, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (client_id, name) DO UPDATE SET header_key = excluded.header_key, mapping = excluded.mapping, updated_at = excluded.updated_at`,
    ).run(clientId, name, headerKey(mapping), JSON.stringify(mapping), at, at);
    return toSaved(this.db.prepare('SELECT * FROM import_mappings WHERE client_id = ? AND name = ?').get(clientId, name) as MappingRow);
  }

  deleteMapping(id: number): { deleted: boolean } {
    return { deleted: this.db.prepare('DELETE FROM import_mappings WHERE id = ?').run(id).changes > 0 };
  }
}

class CancelledImport extends Error {}

interface Store {
  vehicles: VehicleService;
  /** writes the import's own audit entry and commits */
  commit(at: string, entry: AuditRecord): void;
  close(): void;
}

function toSaved(row: MappingRow): SavedMapping {
  return { id: row.id, clientId: row.client_id, name: row.name, mapping: JSON.parse(row.mapping) as HeaderMapping, createdAt: row.created_at, updatedAt: row.updated_at };
}

