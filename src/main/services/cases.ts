/**
 * Cases: one import job for one client, numbered per broker ("2026-0007"), with the country,
 * rule date, importer and personal-use flag its vehicles take when they do not say. Changing any
 * of those recomputes every row in the same transaction, so totals never mix two rule dates.
 */
import type { Database, Statement } from 'better-sqlite3';
import type { ArgsOf, CaseStatus, CaseSummary, Total } from '../../core/api/contract';
import { isIsoDate } from '../../core/dates';
import { decimal } from '../../core/money';
import type { Country, Currency, Importer } from '../../core/rates/schema';
import { AppError } from '../api/errors';
import type { AuditService } from './audit';
import type { VehicleService } from './vehicles';

interface CaseRow {
  id: number;
  number: string;
  client_id: number;
  client_name: string;
  country: Country;
  rule_date: string;
  importer: Importer | null;
  personal_use: number | null;
  reference: string;
  status: CaseStatus;
  archived: number;
  created_at: string;
  updated_at: string;
  vehicle_count: number;
  error_count: number;
  warning_count: number;
}

const SUMMARY_SELECT = `
  SELECT c.*, cl.name AS client_name,
    (SELECT count(*) FROM vehicles v WHERE v.case_id = c.id) AS vehicle_count,
    (SELECT count(*) FROM vehicles v WHERE v.case_id = c.id AND (v.ok IS NULL OR v.ok = 0)) AS error_count,
    (SELECT count(*) FROM vehicles v WHERE v.case_id = c.id AND v.ok = 1 AND v.warning_count > 0) AS warning_count
  FROM cases c JOIN clients cl ON cl.id = c.client_id`;

const SORT_COLUMNS = { updated: 'c.updated_at', created: 'c.created_at', number: 'c.number', client: 'cl.name COLLATE NOCASE' } as const;

/** The fields of a case the audit trail and the change checks compare. */
function auditView(row: Pick<CaseRow, 'client_id' | 'country' | 'rule_date' | 'importer' | 'personal_use' | 'reference' | 'status' | 'archived'>): Record<string, unknown> {
  return {
    clientId: row.client_id,
    country: row.country,
    ruleDate: row.rule_date,
    importer: row.importer,
    personalUse: row.personal_use === null ? null : row.personal_use === 1,
    reference: row.reference,
    status: row.status,
    archived: row.archived === 1,
  };
}

/** `%text%` for LIKE with the wildcard characters of the search itself taken literally. */
export function likePattern(search: string): string {
  return `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

const notFound = (id: number) => new AppError('not-found', `No case ${id}`, [{ field: 'id', code: 'not-found', message: String(id) }]);

export class CaseService {
  private readonly totalsOf: Statement;

  constructor(
    private readonly db: Database,
    private readonly vehicles: VehicleService,
    private readonly audit: AuditService,
    private readonly now: () => Date = () => new Date(),
  ) {
    // SQLite's LIKE folds ASCII only; brokers search Cyrillic names, so fold in JS.
    db.function('tamga_fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? s.toLowerCase() : null));
    this.totalsOf = db
      .prepare(
        `SELECT case_id, currency, sum(fee_minor) AS minor FROM vehicles
         WHERE ok = 1 AND case_id IN (SELECT value FROM json_each(?)) GROUP BY case_id, currency ORDER BY case_id, currency`,
      )
      .safeIntegers(true);
  }

  /** Summaries for case rows, with totals summed exactly in minor units. */
  private summarise(rows: CaseRow[]): CaseSummary[] {
    const totals = new Map<number, Total[]>();
    if (rows.length > 0) {
      for (const t of this.totalsOf.all(JSON.stringify(rows.map((r) => r.id))) as { case_id: bigint; currency: Currency; minor: bigint }[]) {
        const list = totals.get(Number(t.case_id)) ?? [];
        list.push({ currency: t.currency, amount: decimal(t.minor.toString()).div(100).toFixed(2) });
        totals.set(Number(t.case_id), list);
      }
    }
    return rows.map((r) => ({
      id: r.id,
      number: r.number,
      clientId: r.client_id,
      clientName: r.client_name,
      country: r.country,
      ruleDate: r.rule_date,
      importer: r.importer,
      personalUse: r.personal_use === null ? null : r.personal_use === 1,
      status: r.status,
      archived: r.archived === 1,
      reference: r.reference,
      vehicleCount: r.vehicle_count,
      errorCount: r.error_count,
      warningCount: r.warning_count,
      totals: totals.get(r.id) ?? [],
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  private row(id: number): CaseRow {
    const row = this.db.prepare(`${SUMMARY_SELECT} WHERE c.id = ?`).get(id) as CaseRow | undefined;
    if (!row) throw notFound(id);
    return row;
  }

  get(id: number): CaseSummary {
    return this.summarise([this.row(id)])[0]!;
  }

  /** Every case of a client, newest rule date first. */
  forClient(clientId: number): CaseSummary[] {
    const rows = this.db.prepare(`${SUMMARY_SELECT} WHERE c.client_id = ? ORDER BY c.rule_date DESC, c.id DESC`).all(clientId) as CaseRow[];
    return this.summarise(rows);
  }

  list(args: ArgsOf<'cases.list'>): { items: CaseSummary[]; total: number } {
    const where: string[] = [];
    const params: unknown[] = [];
    const filter = (sql: string, value: unknown) => {
      where.push(sql);
      params.push(value);
    };
    filter('c.archived = ?', args.archived ? 1 : 0);
    if (args.status) filter('c.status = ?', args.status);
    if (args.country) filter('c.country = ?', args.country);
    if (args.from) filter('c.rule_date >= ?', args.from);
    if (args.to) filter('c.rule_date <= ?', args.to);
    if (args.search) {
      const p = likePattern(args.search);
      const vin = likePattern(args.search.replace(/\s/g, '')).toUpperCase();
      where.push(
        `(tamga_fold(c.number) LIKE ? ESCAPE '\\' OR tamga_fold(c.reference) LIKE ? ESCAPE '\\' OR tamga_fold(cl.name) LIKE ? ESCAPE '\\'
          OR cl.tax_id LIKE ? ESCAPE '\\' OR c.id IN (SELECT case_id FROM vehicles WHERE vin LIKE ? ESCAPE '\\'))`,
      );
      params.push(p, p, p, p, vin);
    }
    const sort = args.sort ?? 'updated';
    const dir = args.dir ?? (sort === 'number' || sort === 'client' ? 'asc' : 'desc');
    const whereSql = `WHERE ${where.join(' AND ')}`;
    const total = this.db.prepare(`SELECT count(*) FROM cases c JOIN clients cl ON cl.id = c.client_id ${whereSql}`).pluck().get(...params) as number;
    const rows = this.db
      .prepare(`${SUMMARY_SELECT} ${whereSql} ORDER BY ${SORT_COLUMNS[sort]} ${dir === 'asc' ? 'ASC' : 'DESC'}, c.id ${dir === 'asc' ? 'ASC' : 'DESC'} LIMIT ? OFFSET ?`)
      .all(...params, args.limit ?? 100, args.offset ?? 0) as CaseRow[];
    return { items: this.summarise(rows), total };
  }

  /** The next number of the broker's sequence for this year; a number is never handed out twice. */
  private nextNumber(at: Date): string {
    const year = at.getUTCFullYear();
    const n = this.db
      .prepare(`INSERT INTO sequences (name, last) VALUES (?, 1) ON CONFLICT (name) DO UPDATE SET last = last + 1 RETURNING last`)
      .pluck()
      .get(`case-number:${year}`) as number;
    return `${year}-${String(n).padStart(4, '0')}`;
  }

  private clientKind(clientId: number): Importer {
    const kind = this.db.prepare('SELECT kind FROM clients WHERE id = ?').pluck().get(clientId) as Importer | undefined;
    if (!kind) throw new AppError('not-found', `No client ${clientId}`, [{ field: 'clientId', code: 'not-found', message: String(clientId) }]);
    return kind;
  }

  private assertDate(ruleDate: string): void {
    if (!isIsoDate(ruleDate)) throw new AppError('invalid-argument', `Not a date: ${ruleDate}`, [{ field: 'ruleDate', code: 'invalid', message: ruleDate }]);
  }

  create(args: ArgsOf<'cases.create'>): CaseSummary {
    return this.db.transaction(() => {
      const kind = this.clientKind(args.clientId);
      this.assertDate(args.ruleDate);
      const now = this.now();
      const at = now.toISOString();
      const number = this.nextNumber(now);
      const personalUse = args.personalUse === undefined ? null : args.personalUse ? 1 : 0;
      const id = Number(
        this.db
          .prepare(
            `INSERT INTO cases (number, client_id, country, rule_date, importer, personal_use, reference, status, archived, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', 0, ?, ?)`,
          )
          .run(number, args.clientId, args.country, args.ruleDate, args.importer ?? kind, personalUse, args.reference ?? '', at, at).lastInsertRowid,
      );
      const created = this.row(id);
      this.audit.recordDiff(at, { caseId: id, vehicleId: null, action: 'case.create' }, {}, { number, ...auditView(created) });
      return this.get(id);
    }).immediate();
  }

  update(args: ArgsOf<'cases.update'>): CaseSummary {
    return this.db.transaction(() => {
      const before = this.row(args.id);
      if (args.clientId !== undefined) this.clientKind(args.clientId);
      if (args.ruleDate !== undefined) this.assertDate(args.ruleDate);
      const next = {
        ...before,
        client_id: args.clientId ?? before.client_id,
        country: args.country ?? before.country,
        rule_date: args.ruleDate ?? before.rule_date,
        importer: args.importer === undefined ? before.importer : args.importer,
        personal_use: args.personalUse === undefined ? before.personal_use : args.personalUse === null ? null : args.personalUse ? 1 : 0,
        reference: args.reference ?? before.reference,
        status: args.status ?? before.status,
      };
      const at = this.now().toISOString();
      const changed = this.audit.recordDiff(at, { caseId: before.id, vehicleId: null, action: 'case.update' }, auditView(before), auditView(next));
      if (changed === 0) return this.get(before.id);
      this.db
        .prepare('UPDATE cases SET client_id = ?, country = ?, rule_date = ?, importer = ?, personal_use = ?, reference = ?, status = ?, updated_at = ? WHERE id = ?')
        .run(next.client_id, next.country, next.rule_date, next.importer, next.personal_use, next.reference, next.status, at, before.id);
      const feesDepend =
        next.country !== before.country || next.rule_date !== before.rule_date || next.importer !== before.importer || next.personal_use !== before.personal_use;
      if (feesDepend) this.vehicles.recompute(before.id);
      return this.get(before.id);
    }).immediate();
  }

  duplicate(id: number): CaseSummary {
    return this.db.transaction(() => {
      const source = this.row(id);
      const now = this.now();
      const at = now.toISOString();
      const number = this.nextNumber(now);
      const copyId = Number(
        this.db
          .prepare(
            `INSERT INTO cases (number, client_id, country, rule_date, importer, personal_use, reference, status, archived, created_at, updated_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, 'draft', 0, ?, ?)`,
          )
          .run(number, source.client_id, source.country, source.rule_date, source.importer, source.personal_use, source.reference, at, at).lastInsertRowid,
      );
      const copied = this.vehicles.copyRows(id, copyId);
      this.audit.recordDiff(at, { caseId: copyId, vehicleId: null, action: 'case.create' }, {}, { number, duplicatedFrom: source.number, vehicles: copied, ...auditView(this.row(copyId)) });
      return this.get(copyId);
    }).immediate();
  }

  archive(id: number, archived: boolean): CaseSummary {
    return this.db.transaction(() => {
      const before = this.row(id);
      if ((before.archived === 1) === archived) return this.get(id);
      const at = this.now().toISOString();
      this.db.prepare('UPDATE cases SET archived = ?, updated_at = ? WHERE id = ?').run(archived ? 1 : 0, at, id);
      this.audit.record(at, { caseId: id, vehicleId: null, action: archived ? 'case.archive' : 'case.unarchive', field: 'archived', oldValue: !archived, newValue: archived });
      return this.get(id);
    }).immediate();
  }
}
