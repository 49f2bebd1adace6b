/**
 * Importing a broker's vehicle list into a case: a preview of the file's head (sheet, header row,
 * mapping, first rows with their issues) the broker can correct, then a job that reads the whole
 * file and stores every row in the case in ONE transaction. Rows are prepared with the functions
 * `VehicleService.apply` uses for typed rows (vehicle-rows.ts: the engine input with the case's
 * defaults, the same engine, the same encoding), so imported rows are computed and totalled
 * exactly like typed ones; the reading and preparing run on the import thread while this thread
 * inserts (import-thread.ts). The audit trail gets one entry per imported row naming its file,
 * sheet and row (`VehicleService.addImported`).
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
import type { ImportJob, ImportPreview, ImportReportIssue, Language, SavedMapping } from '../../core/api/contract';
import { adaptMapping, headerKey } from '../../core/import/saved';
import type { HeaderMapping, Issue } from '../../core/import/types';
import { AppError } from '../api/errors';
import { columnLetter } from '../io/case-workbook';
import { isVehicleFileError } from '../io/errors';
import { readVehicleFile } from '../io/read';
import { writeImportReport } from '../io/report';
import type { TransferStore } from '../io/transfers';
import type { ReadOptions, ReadResult, SkippedRow } from '../io/types';
import { AuditService, type AuditRecord } from './audit';
import type { FeeService } from './fees';
import { text, type PreparedBatch } from './import-rows';
import { ImportThreadUnavailable, InThreadReader, type ImportReader, type ImportReadOptions } from './import-thread';
import { VehicleService } from './vehicles';

export const PREVIEW_ROWS = 20;
/**
 * Rows per batch read, prepared and stored inside the import's transaction; the event loop gets a
 * turn between them. 1,000 rather than 2,000: batches waiting between the threads live long
 * enough to be promoted to the old generation, and halving them took the 100,000-row import from
 * ≈ 2.75 s and 500–530 MB peak RSS to ≈ 2.45 s and 440–460 MB (bench/excel.ts, 2 cores).
 */
export const STORE_BATCH = 1000;
/** Issues returned with a status (all of them are in the saved report). */
export const REPORT_ISSUES_SHOWN = 500;
/** Finished jobs kept for their report and status. */
const JOBS_KEPT = 20;

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
    /** the thread an import reads and prepares its rows on (import-thread.ts); none: the main thread */
    private readonly thread: ImportReader | null = null,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private readonly inThread = new InThreadReader();

  private async readForImport(path: string, options: ImportReadOptions): Promise<ReadResult> {
    if (this.thread) {
      try {
        return await this.thread.read(path, options);
      } catch (e) {
        if (!(e instanceof ImportThreadUnavailable)) throw e;
      }
    }
    return this.inThread.read(path, options);
  }

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
  private async read(path: string, options: ReadOptions): Promise<ReadResult> {
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
    // The preview's few rows are read here; the import that follows it reads on the reading thread.
    this.thread?.warm();
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
   * ONE transaction on a connection of the job's own (begun as the job starts), so memory
   * stays flat whatever the file's size and the case is never seen half-imported. Cancelling or
   * failing at any point rolls the transaction back: the case is exactly as it was. The price is
   * that other writers wait (busy timeout) for the read as well as the store.
   */
  private async run(job: Job, path: string, args: StartArgs): Promise<void> {
    const { status, language } = job;
    const signal = job.abort.signal;
    // The import's transaction begins now, so the case's defaults the rows are computed with and
    // the VINs they are checked against cannot change under it before its first batch is stored.
    const store = this.openStore();
    const existing = new Set(store.vehicles.vinsOf(args.caseId));
    const firstRowOfVin = new Map<string, number>();
    const rowWarned = new Set<number>();
    const rowErred = new Set<number>();
    let duplicates = 0;
    // File and duplicate issues first, then the engine's, as when the whole file was read first.
    const engineIssues: ImportReportIssue[] = [];
    let columnOf: Map<string, string> | null = null;
    // the result parts the batches named (by the preparer's index), and their ids in this database
    const partBodies = new Map<number, string>();
    const parts = store.vehicles.partIds((index) => partBodies.get(index)!);

    const storeBatch = async (batch: PreparedBatch, sheet: { name: string; mapping: HeaderMapping }) => {
      const columns = (columnOf ??= new Map(sheet.mapping.columns.map((c) => [c.field as string, columnLetter(c.column)])));
      for (const part of batch.parts) partBodies.set(part.index, part.body);
      for (const row of batch.rows) {
        for (const issue of row.issues ?? []) {
          job.issues.push(fileIssue(sheet.name, row.rowNumber, issue));
          (issue.severity === 'error' ? rowErred : rowWarned).add(row.rowNumber);
        }
        const { vin } = row;
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
        if (row.ok === 1) {
          if (row.warnings > 0) rowWarned.add(row.rowNumber);
          continue;
        }
        rowErred.add(row.rowNumber);
        for (const e of row.engineErrors ?? []) {
          engineIssues.push({ severity: 'error', source: 'engine', sheet: sheet.name, row: row.rowNumber, column: columns.get(e.field) ?? '', field: e.field, value: e.value, message: e.message });
        }
      }
      if (signal.aborted) throw new CancelledImport();
      const { rows } = batch;
      store.vehicles.addImported(args.caseId, rows, parts, (i) => `${job.fileName}: ${sheet.name}, ${rows[i]!.rowNumber}`);
      status.rowsStored += rows.length;
      status.state = 'storing';
      await yieldToLoop();
    };

    try {
      const caseDefaults = store.vehicles.caseDefaults(args.caseId);
      const read = await this.readForImport(path, {
        language,
        signal,
        onProgress: (n) => { status.rowsRead = n; },
        prepare: { language, caseDefaults, computeOptions: this.fees.computeOptions() },
        compute: (inputs, options) => this.fees.compute(inputs, options),
        onBatch: storeBatch,
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
      store.close();
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

