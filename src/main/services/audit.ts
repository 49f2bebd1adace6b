/**
 * Who changed what in a case, and when: one row per changed field, old → new, written in the same
 * transaction as the change itself, so the trail can never disagree with the data. The only actor
 * today is the broker (the app has one user); the column is there for when it has more.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { AuditEntry } from '../../core/api/contract';

export const ACTOR = 'broker';

export interface AuditRecord {
  caseId: number;
  vehicleId: number | null;
  action: string;
  field: string | null;
  oldValue: unknown;
  newValue: unknown;
}

interface AuditRow {
  id: number;
  at: string;
  actor: string;
  case_id: number;
  vehicle_id: number | null;
  action: string;
  field: string | null;
  old_value: string | null;
  new_value: string | null;
}

/** Values as the broker would read them: text as is, numbers and flags as written, absence as null. */
export function auditText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

export class AuditService {
  private readonly insert: Statement;
  private readonly insertImports: Statement;

  constructor(private readonly db: Database) {
    this.insert = db.prepare(
      `INSERT INTO audit_log (at, actor, case_id, vehicle_id, action, field, old_value, new_value)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    this.insertImports = db.prepare(
      `INSERT INTO audit_log (at, actor, case_id, vehicle_id, action, field, old_value, new_value)
       SELECT ?, ?, ?, value ->> 0, 'vehicle.import', 'source', NULL, value ->> 1 FROM json_each(?) ORDER BY key`,
    );
  }

  /**
   * One `vehicle.import` entry per imported row ([vehicle id, where it came from]), in one
   * statement: an import writes 100,000 of them, and one call per entry cost ≈ 0.2 s.
   */
  recordImports(at: string, caseId: number, rows: readonly (readonly [vehicleId: number, source: string])[]): void {
    if (rows.length > 0) this.insertImports.run(at, ACTOR, caseId, JSON.stringify(rows));
  }

  /** Call inside the transaction that makes the change. */
  record(at: string, entry: AuditRecord): void {
    this.insert.run(at, ACTOR, entry.caseId, entry.vehicleId, entry.action, entry.field, auditText(entry.oldValue), auditText(entry.newValue));
  }

  /** One entry per field whose value differs between two objects (absent and null are the same). */
  recordDiff(at: string, base: Omit<AuditRecord, 'field' | 'oldValue' | 'newValue'>, before: Record<string, unknown>, after: Record<string, unknown>): number {
    let n = 0;
    const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
    for (const field of keys) {
      const oldValue = auditText(before[field]);
      const newValue = auditText(after[field]);
      if (oldValue === newValue) continue;
      this.insert.run(at, ACTOR, base.caseId, base.vehicleId, base.action, field, oldValue, newValue);
      n++;
    }
    return n;
  }

  list(caseId: number, limit = 100, offset = 0): { items: AuditEntry[]; total: number } {
    const total = this.db.prepare('SELECT count(*) FROM audit_log WHERE case_id = ?').pluck().get(caseId) as number;
    const rows = this.db
      .prepare('SELECT * FROM audit_log WHERE case_id = ? ORDER BY id DESC LIMIT ? OFFSET ?')
      .all(caseId, limit, offset) as AuditRow[];
    return {
      total,
      items: rows.map((r) => ({
        id: r.id,
        at: r.at,
        actor: r.actor,
        caseId: r.case_id,
        vehicleId: r.vehicle_id,
        action: r.action,
        field: r.field,
        oldValue: r.old_value,
        newValue: r.new_value,
      })),
    };
  }
}
