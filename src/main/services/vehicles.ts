/**
 * The vehicles of a case. The record is stored as the broker typed it; the main process
 * recomputes each changed row with the engine and stores the result beside it, so opening a case
 * never recomputes and a statement shows what was computed when it was saved.
 *
 * Every call that changes rows is one transaction: a change set is checked change by change
 * (a row of another case, a deleted row) before anything is written, and any refusal rolls back
 * the whole set, so the broker's stored rows are never half-changed. A vehicle with bad data is
 * not a bad change: it is stored as a draft and its errors are its result.
 */
import type { Database, Statement } from 'better-sqlite3';
import {
  type CompactVehicleRow,
  type VehicleChange,
  type VehicleRecord,
  type VehicleRow,
} from '../../core/api/contract';
import { joinResult, type CompactResult, type ResultPart } from '../../core/api/resultParts';
import { decimal } from '../../core/money';
import type { ComputeResult } from '../../core/vehicle';
import { AppError } from '../api/errors';
import type { AuditService } from './audit';
import type { FeeService } from './fees';
import { cleanRecord, engineInput, RowEncoder, type CaseDefaults, type StoredValues } from './vehicle-rows';

export { cleanRecord, engineInput, type CaseDefaults } from './vehicle-rows';

interface StoredRow {
  id: number;
  case_id: number;
  position: number;
  record: string;
  /** the result without its shared part (src/core/api/resultParts.ts) */
  result: string | null;
  /** the result_parts row holding its basis and sources; null for an error or a row stored before parts */
  result_part: number | null;
  updated_at: string;
}

interface Planned {
  /** the stored id, or null for a row this change set adds */
  id: number | null;
  position: number;
  record: VehicleRecord;
  oldResult: string | null;
  audit: { action: string; before: Record<string, unknown>; after: Record<string, unknown> }[];
}

/**
 * The ids in result_parts of an encoder's parts (RowEncoder.parts), looked up or added once each:
 * equal parts share one row whatever produced them.
 */
export class PartIds {
  private readonly ids = new Map<number, number>();

  constructor(
    private readonly findPart: Statement,
    private readonly insertPart: Statement,
    /** the JSON of part `index` */
    private readonly body: (index: number) => string,
  ) {}

  id(index: number | null): number | null {
    if (index === null) return null;
    let id = this.ids.get(index);
    if (id === undefined) {
      const json = this.body(index);
      id = (this.findPart.pluck().get(json) as number | undefined) ?? Number(this.insertPart.run(json).lastInsertRowid);
      this.ids.set(index, id);
    }
    return id;
  }
}

/** Reads stored rows back whole, parsing each shared part once per call. */
class ResultReader {
  private readonly parts = new Map<number, ResultPart>();

  constructor(private readonly partBody: Statement) {}

  part(id: number | null): ResultPart | null {
    if (id === null) return null;
    let part = this.parts.get(id);
    if (part === undefined) {
      part = JSON.parse(this.partBody.pluck().get(id) as string) as ResultPart;
      this.parts.set(id, part);
    }
    return part;
  }

  row(row: StoredRow): VehicleRow {
    const compact = row.result === null ? null : (JSON.parse(row.result) as CompactResult);
    return toVehicleRow(row, compact === null ? null : joinResult(compact, this.part(row.result_part)));
  }
}

/** The fee as the audit trail shows it. */
function feeText(result: string | ComputeResult | null): string | null {
  if (result === null) return null;
  // a stored result's own fields hold the fee and errors; its shared part is not needed here
  const r = typeof result === 'string' ? (JSON.parse(result) as CompactResult) : result;
  return r.ok ? `${r.fee} ${r.currency}` : `error: ${r.errors.map((e) => e.field).join(', ')}`;
}

const refuse = (index: number, field: string, code: string, message: string): AppError =>
  new AppError('invalid-argument', `Change ${index} (${field}): ${message}. Nothing was saved.`, [{ field: `changes.${index}.${field}`, code, message }]);

export class VehicleService {
  private readonly byId: Statement;
  private readonly insertRow: Statement;
  private readonly updateRow: Statement;
  private readonly updateResult: Statement;
  private readonly deleteRow: Statement;
  private readonly findPart: Statement;
  private readonly insertPart: Statement;
  private readonly partBody: Statement;

  constructor(
    private readonly db: Database,
    private readonly fees: FeeService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.byId = db.prepare('SELECT id, case_id, position, record, result, result_part, updated_at FROM vehicles WHERE id = ?');
    this.insertRow = db.prepare(
      `INSERT INTO vehicles (case_id, position, record, vin, result, result_part, ok, currency, fee_minor, error_count, warning_count, updated_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.updateRow = db.prepare(
      `UPDATE vehicles SET position = ?, record = ?, vin = ?, result = ?, result_part = ?, ok = ?, currency = ?, fee_minor = ?,
         error_count = ?, warning_count = ?, updated_at = ? WHERE id = ?`,
    );
    this.updateResult = db.prepare(
      'UPDATE vehicles SET result = ?, result_part = ?, ok = ?, currency = ?, fee_minor = ?, error_count = ?, warning_count = ?, updated_at = ? WHERE id = ?',
    );
    this.deleteRow = db.prepare('DELETE FROM vehicles WHERE id = ?');
    this.findPart = db.prepare('SELECT id FROM result_parts WHERE body = ?');
    this.insertPart = db.prepare('INSERT INTO result_parts (body) VALUES (?)');
    this.partBody = db.prepare('SELECT body FROM result_parts WHERE id = ?');
  }

  caseDefaults(caseId: number): CaseDefaults {
    const row = this.db.prepare('SELECT id, country, rule_date, importer, personal_use FROM cases WHERE id = ?').get(caseId) as CaseDefaults | undefined;
    if (!row) throw new AppError('not-found', `No case ${caseId}`, [{ field: 'caseId', code: 'not-found', message: String(caseId) }]);
    return row;
  }

  list(caseId: number): VehicleRow[] {
    const reader = new ResultReader(this.partBody);
    return this.stored(caseId).map((row) => reader.row(row));
  }

  /**
   * The same rows as `list`, each result without its shared part; the parts come once, and a
   * row's `part` is an index into them (joinResult puts them together). For a 10,000-row case
   * this is about a quarter of the text to serialise, send and parse.
   */
  listCompact(caseId: number): { rows: CompactVehicleRow[]; parts: ResultPart[] } {
    const index = new Map<number, number>();
    const parts: string[] = [];
    const rows = this.stored(caseId).map((row): CompactVehicleRow => {
      let part: number | null = null;
      if (row.result_part !== null) {
        part = index.get(row.result_part) ?? null;
        if (part === null) {
          part = parts.push(this.partBody.pluck().get(row.result_part) as string) - 1;
          index.set(row.result_part, part);
        }
      }
      return { ...toVehicleRow(row, row.result === null ? null : (JSON.parse(row.result) as CompactResult)), part };
    });
    return { rows, parts: parts.map((body) => JSON.parse(body) as ResultPart) };
  }

  private stored(caseId: number): StoredRow[] {
    this.caseDefaults(caseId);
    return this.db
      .prepare('SELECT id, case_id, position, record, result, result_part, updated_at FROM vehicles WHERE case_id = ? ORDER BY position, id')
      .all(caseId) as StoredRow[];
  }

  private touchCase(caseId: number, at: string): void {
    this.db.prepare('UPDATE cases SET updated_at = ? WHERE id = ?').run(at, caseId);
  }

  apply(caseId: number, changes: readonly VehicleChange[]): { rows: VehicleRow[]; deleted: number[] } {
    return this.db.transaction(() => {
      const kase = this.caseDefaults(caseId);
      const at = this.now().toISOString();

      // 1. Plan: check every change against the stored rows and the changes before it; write nothing.
      const stored = new Map<number, Planned | 'deleted'>();
      const upsertOrder = new Set<Planned>();
      const deleted: { id: number; record: VehicleRecord }[] = [];
      let nextPosition = ((this.db.prepare('SELECT max(position) FROM vehicles WHERE case_id = ?').pluck().get(caseId) as number | null) ?? 0) + 1;

      const current = (index: number, id: number): Planned => {
        const seen = stored.get(id);
        if (seen === 'deleted') throw refuse(index, 'id', 'deleted', `row ${id} is deleted earlier in this change set`);
        if (seen) return seen;
        const row = this.byId.get(id) as StoredRow | undefined;
        if (!row) throw refuse(index, 'id', 'not-found', `there is no row ${id}`);
        if (row.case_id !== caseId) throw refuse(index, 'id', 'not-in-case', `row ${id} belongs to another case`);
        const planned: Planned = { id, position: row.position, record: JSON.parse(row.record) as VehicleRecord, oldResult: row.result, audit: [] };
        stored.set(id, planned);
        return planned;
      };

      changes.forEach((change, index) => {
        if (change.op === 'delete') {
          const row = current(index, change.id);
          deleted.push({ id: change.id, record: row.record });
          stored.set(change.id, 'deleted');
          return;
        }
        const record = cleanRecord(change.record);
        if (change.id === undefined) {
          const position = change.position ?? nextPosition;
          nextPosition = Math.max(nextPosition, position) + 1;
          const planned: Planned = { id: null, position, record, oldResult: null, audit: [{ action: 'vehicle.add', before: {}, after: record }] };
          upsertOrder.add(planned);
          return;
        }
        const row = current(index, change.id);
        const position = change.position ?? row.position;
        row.audit.push({ action: 'vehicle.update', before: { ...row.record, position: row.position }, after: { ...record, position } });
        row.record = record;
        row.position = position;
        upsertOrder.add(row);
      });

      // 2. Compute every row that will be stored, in one engine call.
      const live = [...upsertOrder].filter((p) => p.id === null || stored.get(p.id) !== 'deleted');
      const results = this.fees.compute(live.map((p) => engineInput(p.record, kase)), {});

      // 3. Write, with the audit trail, then read the rows back as stored.
      const encoder = new RowEncoder();
      const partIds = this.partIds((k) => encoder.parts[k]!);
      for (const { id, record } of deleted) {
        this.deleteRow.run(id);
        this.audit.recordDiff(at, { caseId, vehicleId: id, action: 'vehicle.delete' }, record, {});
      }
      const ids: number[] = [];
      live.forEach((p, i) => {
        const result = results[i]!;
        const v = encoder.encode(p.record, result);
        const part = partIds.id(v.part);
        let id = p.id;
        if (id === null) {
          id = Number(this.insertRow.run(caseId, p.position, v.record, v.vin, v.result, part, v.ok, v.currency, v.feeMinor, v.errors, v.warnings, at).lastInsertRowid);
        } else {
          this.updateRow.run(p.position, v.record, v.vin, v.result, part, v.ok, v.currency, v.feeMinor, v.errors, v.warnings, at, id);
        }
        for (const a of p.audit) this.audit.recordDiff(at, { caseId, vehicleId: id, action: a.action }, a.before, a.after);
        const oldFee = feeText(p.oldResult);
        const newFee = feeText(result);
        if (oldFee !== newFee) this.audit.record(at, { caseId, vehicleId: id, action: 'vehicle.fee', field: 'fee', oldValue: oldFee, newValue: newFee });
        ids.push(id);
      });
      if (changes.length > 0) this.touchCase(caseId, at);
      const reader = new ResultReader(this.partBody);
      return { rows: ids.map((id) => reader.row(this.byId.get(id) as StoredRow)), deleted: deleted.map((d) => d.id) };
    }).immediate();
  }

  /**
   * Adds rows an import prepared (import-rows.ts: records cleaned, computed and encoded, on the
   * reading thread or here), after the case's last row, in their order. Each gets ONE audit entry,
   * `vehicle.import`, whose value says where it came from (`importedFrom(i)` for `rows[i]`, e.g.
   * "list.xlsx: Лист1, 17"), instead of one entry per field and one for its fee (13 entries a
   * vehicle, 1.3 million for a 100,000-row file, about a third of the import's time). What a
   * broker auditing a case asks of an imported vehicle is which file and line it came from, and
   * when: its values as imported are that line of that file, its fee at import is its stored
   * result until a later change, and every later edit or recomputed fee is audited field by field
   * as usual (old → new). `parts` resolves the encoder's part indexes for the whole import.
   */
  addImported(caseId: number, rows: readonly StoredValues[], parts: PartIds, importedFrom: (index: number) => string): void {
    this.db.transaction(() => {
      this.caseDefaults(caseId);
      const at = this.now().toISOString();
      let position = ((this.db.prepare('SELECT max(position) FROM vehicles WHERE case_id = ?').pluck().get(caseId) as number | null) ?? 0) + 1;
      const sources = rows.map((v, i) => {
        const part = parts.id(v.part);
        const id = this.insertRow.run(caseId, position++, v.record, v.vin, v.result, part, v.ok, v.currency, v.feeMinor, v.errors, v.warnings, at).lastInsertRowid;
        return [Number(id), importedFrom(i)] as const;
      });
      this.audit.recordImports(at, caseId, sources);
      if (rows.length > 0) this.touchCase(caseId, at);
    }).immediate();
  }

  /** The VINs of a case's rows (upper case, as stored), for an import's duplicate check. */
  vinsOf(caseId: number): string[] {
    return this.db.prepare('SELECT vin FROM vehicles WHERE case_id = ? AND vin IS NOT NULL').pluck().all(caseId) as string[];
  }

  /** Resolves an encoder's part indexes to result_parts ids; `body(i)` is the JSON of part `i`. */
  partIds(body: (index: number) => string): PartIds {
    return new PartIds(this.findPart, this.insertPart, body);
  }

  /**
   * Recomputes every row of a case with the current rate data, case values and settings, and
   * stores results that changed (a changed fee is written to the audit trail). Runs inside the
   * caller's transaction when there is one (a case's country or date change).
   */
  recompute(caseId: number): { count: number } {
    return this.db.transaction(() => {
      const kase = this.caseDefaults(caseId);
      const at = this.now().toISOString();
      const before = this.totalsText(caseId);
      // Stored results are not read back (at 10,000 rows that costs more than computing), and the
      // trail gets one entry with the case's totals rather than 10,000 derived fee changes: the
      // change that caused them (a rule date, an importer) is already in it.
      const rows = this.db.prepare('SELECT id, record FROM vehicles WHERE case_id = ?').all(caseId) as Pick<StoredRow, 'id' | 'record'>[];
      const results = this.fees.compute(rows.map((r) => engineInput(JSON.parse(r.record) as VehicleRecord, kase)), {});
      const encoder = new RowEncoder();
      const partIds = this.partIds((k) => encoder.parts[k]!);
      rows.forEach((row, i) => {
        const v = encoder.encodeResult(results[i]!);
        this.updateResult.run(v.result, partIds.id(v.part), v.ok, v.currency, v.feeMinor, v.errors, v.warnings, at, row.id);
      });
      const after = this.totalsText(caseId);
      if (before !== after) this.audit.record(at, { caseId, vehicleId: null, action: 'case.recompute', field: 'totals', oldValue: before, newValue: after });
      if (rows.length > 0) this.touchCase(caseId, at);
      return { count: rows.length };
    }).immediate();
  }

  /** The case's totals and error count as one line of text, e.g. "1513750.00 KZT; 3400.00 RUB; 2 errors". */
  private totalsText(caseId: number): string {
    const sums = this.db
      .prepare('SELECT currency, sum(fee_minor) AS minor FROM vehicles WHERE case_id = ? AND ok = 1 GROUP BY currency ORDER BY currency')
      .safeIntegers(true)
      .all(caseId) as { currency: string; minor: bigint }[];
    const errors = this.db.prepare('SELECT count(*) FROM vehicles WHERE case_id = ? AND (ok IS NULL OR ok = 0)').pluck().get(caseId) as number;
    return [...sums.map((t) => `${decimal(t.minor.toString()).div(100).toFixed(2)} ${t.currency}`), `${errors} errors`].join('; ');
  }

  /** Copies every row of one case into another (inside the caller's transaction), then computes them there. */
  copyRows(fromCaseId: number, toCaseId: number): number {
    const at = this.now().toISOString();
    const copied = this.db
      .prepare(
        `INSERT INTO vehicles (case_id, position, record, vin, result, result_part, ok, currency, fee_minor, error_count, warning_count, updated_at)
         SELECT ?, position, record, vin, result, result_part, ok, currency, fee_minor, error_count, warning_count, ? FROM vehicles WHERE case_id = ? ORDER BY position, id`,
      )
      .run(toCaseId, at, fromCaseId).changes;
    this.recompute(toCaseId);
    return copied;
  }
}

function toVehicleRow<R extends ComputeResult | CompactResult>(row: StoredRow, result: R | null) {
  return {
    id: row.id,
    caseId: row.case_id,
    position: row.position,
    record: JSON.parse(row.record) as VehicleRecord,
    result,
    updatedAt: row.updated_at,
  };
}
