/**
 * Fee statements: issue, list, print, cancel, reissue, verify, and "recompute with current rates".
 *
 * Issuing recomputes the case's rows (so stored results are current), computes the chosen rows
 * once more in the statement's language (the stored results speak the interface language) and
 * freezes everything the paper shows into a snapshot, stored as canonical JSON beside its SHA-256
 * — all in one transaction with the new number and the case's status. From then on the statement
 * is printed only from that snapshot: editing the case, the profile or the rate data never
 * changes it, and the database refuses to (see migration 0005). A mistake is corrected by
 * cancelling (the record stays; prints carry the mark) or by reissuing, which cancels the old
 * statement and names it on the new one.
 */
import type { Database } from 'better-sqlite3';
import type { Language, StatementDiff, StatementSummary, StatementVerify, Total } from '../../core/api/contract';
import { completedYears, parseIsoDate, resolveProductionDate } from '../../core/dates';
import { actText } from '../../core/engine/compute';
import { Dec } from '../../core/money';
import { lowerConfidence, type RateBundle } from '../../core/rates/load';
import { CURRENCIES, type Country, type Currency } from '../../core/rates/schema';
import { canonicalJson } from '../../core/statements/canonical';
import { STATEMENT_LABELS } from '../../core/statements/labels';
import { STATEMENT_FORMAT, type StatementSchedule, type StatementSnapshot, type StatementTotal, type StatementVehicle } from '../../core/statements/snapshot';
import type { ComputeOk, ComputeResult, ResultSource } from '../../core/vehicle';
import { AppError } from '../api/errors';
import { normaliseTypedHash, shortHash, statementHash } from '../statements/hash';
import { renderStatementHtml } from '../statements/render';
import type { CaseService } from './cases';
import type { ClientService } from './clients';
import type { FeeService } from './fees';
import type { ProfileService } from './profile';
import type { SettingsService } from './settings';
import { engineInput, type VehicleService } from './vehicles';

export interface StatementDeps {
  bundle: RateBundle;
  fees: FeeService;
  vehicles: VehicleService;
  cases: CaseService;
  clients: ClientService;
  profile: ProfileService;
  settings: SettingsService;
  appVersion: string;
  now?: () => Date;
}

interface StatementRow {
  id: number;
  number: string;
  case_id: number;
  vehicle_ids: string | null;
  snapshot: string;
  hash: string;
  language: Language;
  case_number: string;
  client_name: string;
  country: Country;
  rule_date: string;
  issue_date: string;
  vehicle_count: number;
  totals: string;
  issued_at: string;
  cancelled_at: string | null;
  cancel_reason: string | null;
  replaces_statement_id: number | null;
  replaces_number: string | null;
  replaced_by_id: number | null;
  replaced_by_number: string | null;
}

const SELECT = `
  SELECT s.*, r.number AS replaces_number, n.id AS replaced_by_id, n.number AS replaced_by_number
  FROM statements s
  LEFT JOIN statements r ON r.id = s.replaces_statement_id
  LEFT JOIN statements n ON n.replaces_statement_id = s.id`;

const notFound = (id: number) => new AppError('not-found', `No statement ${id}`, [{ field: 'id', code: 'not-found', message: String(id) }]);

/** The broker's calendar date: a statement issued at 01:30 in Almaty is dated that day, not UTC's. */
function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const text = (value: unknown): string => (value === undefined || value === null ? '' : String(value));
const given = (value: unknown): string | null => (value === undefined || value === null || value === '' ? null : String(value));

function totalsOf(results: readonly ComputeOk[]): StatementTotal[] {
  const sums = new Map<Currency, { amount: Dec; vehicles: number }>();
  for (const r of results) {
    const t = sums.get(r.currency) ?? { amount: new Dec(0), vehicles: 0 };
    sums.set(r.currency, { amount: t.amount.plus(r.fee), vehicles: t.vehicles + 1 });
  }
  return CURRENCIES.filter((c) => sums.has(c)).map((currency) => {
    const t = sums.get(currency)!;
    return { currency, amount: t.amount.toFixed(2), vehicles: t.vehicles };
  });
}

export class StatementService {
  private readonly now: () => Date;

  constructor(
    private readonly db: Database,
    private readonly deps: StatementDeps,
  ) {
    this.now = deps.now ?? (() => new Date());
  }

  // ------------------------------------------------------------------ reading

  private row(id: number): StatementRow {
    const row = this.db.prepare(`${SELECT} WHERE s.id = ?`).get(id) as StatementRow | undefined;
    if (!row) throw notFound(id);
    return row;
  }

  private summary(row: StatementRow): StatementSummary {
    return {
      id: row.id,
      number: row.number,
      caseId: row.case_id,
      caseNumber: row.case_number,
      clientName: row.client_name,
      country: row.country,
      ruleDate: row.rule_date,
      language: row.language,
      issueDate: row.issue_date,
      issuedAt: row.issued_at,
      hash: row.hash,
      shortHash: shortHash(row.hash),
      vehicleCount: row.vehicle_count,
      totals: (JSON.parse(row.totals) as StatementTotal[]).map((t): Total => ({ currency: t.currency, amount: t.amount })),
      cancelledAt: row.cancelled_at,
      cancelReason: row.cancel_reason,
      replaces: row.replaces_statement_id !== null && row.replaces_number !== null ? { id: row.replaces_statement_id, number: row.replaces_number } : null,
      replacedBy: row.replaced_by_id !== null && row.replaced_by_number !== null ? { id: row.replaced_by_id, number: row.replaced_by_number } : null,
    };
  }

  list(args: { caseId?: number | undefined }): StatementSummary[] {
    const rows = (
      args.caseId === undefined
        ? this.db.prepare(`${SELECT} ORDER BY s.id DESC`).all()
        : this.db.prepare(`${SELECT} WHERE s.case_id = ? ORDER BY s.id DESC`).all(args.caseId)
    ) as StatementRow[];
    return rows.map((r) => this.summary(r));
  }

  get(id: number): StatementSummary {
    return this.summary(this.row(id));
  }

  snapshot(id: number): StatementSnapshot {
    return JSON.parse(this.row(id).snapshot) as StatementSnapshot;
  }

  /**
   * The printable document. It is rendered from the snapshot once, at issue, and stored (written
   * once, see migration 0007), so every reprint is the same bytes whatever changed since. A
   * cancelled statement is rendered from the same snapshot with the cancellation mark.
   */
  async html(id: number): Promise<{ html: string }> {
    const row = this.row(id);
    const snapshot = JSON.parse(row.snapshot) as StatementSnapshot;
    if (row.cancelled_at !== null) {
      return { html: await renderStatementHtml(snapshot, { cancelled: { reason: row.cancel_reason ?? '', at: row.cancelled_at } }) };
    }
    const stored = this.db.prepare('SELECT html FROM statements WHERE id = ?').pluck().get(id) as string | null;
    if (stored !== null) return { html: stored };
    // First print of a statement (normally right after issue): freeze the document.
    const html = await renderStatementHtml(snapshot, {});
    this.db.prepare('UPDATE statements SET html = ? WHERE id = ? AND html IS NULL').run(html, id);
    return { html: this.db.prepare('SELECT html FROM statements WHERE id = ?').pluck().get(id) as string };
  }

  // ------------------------------------------------------------------ issuing

  issue(args: { caseId: number; vehicleIds?: number[] | undefined; language?: Language | undefined }): StatementSummary {
    return this.db.transaction(() => {
      const language = args.language ?? this.deps.profile.get()?.language ?? 'ru';
      const id = this.freeze(args.caseId, args.vehicleIds ?? null, language, null);
      return this.get(id);
    }).immediate();
  }

  reissue(id: number): StatementSummary {
    return this.db.transaction(() => {
      const old = this.row(id);
      if (old.replaced_by_number !== null) {
        throw new AppError('conflict', `Statement ${old.number} was already replaced by ${old.replaced_by_number}; correct that one instead.`, [
          { field: 'id', code: 'already-replaced', message: old.replaced_by_number },
        ]);
      }
      const wanted = old.vehicle_ids === null ? null : (JSON.parse(old.vehicle_ids) as number[]);
      const stillThere = wanted === null ? null : this.existing(old.case_id, wanted);
      if (stillThere !== null && stillThere.length === 0) {
        throw new AppError('conflict', `None of the vehicles of statement ${old.number} are in the case any more.`, [{ field: 'id', code: 'no-vehicles', message: old.number }]);
      }
      const newId = this.freeze(old.case_id, stillThere, old.language, old);
      if (old.cancelled_at === null) {
        const number = this.row(newId).number;
        this.markCancelled(old.id, STATEMENT_LABELS[old.language].replacedBy(number));
      }
      return this.get(newId);
    }).immediate();
  }

  private existing(caseId: number, ids: readonly number[]): number[] {
    const present = new Set(this.deps.vehicles.list(caseId).map((v) => v.id));
    return ids.filter((i) => present.has(i));
  }

  /** Builds, numbers and stores a snapshot; the caller holds the transaction. Returns the new id. */
  private freeze(caseId: number, vehicleIds: number[] | null, language: Language, replaces: StatementRow | null): number {
    const { fees, vehicles, cases, clients, profile, settings } = this.deps;
    const broker = profile.get();
    if (!broker) throw new AppError('conflict', 'Save the broker profile first: its name and licence head every statement.', [{ field: 'profile', code: 'no-profile', message: 'profile' }]);
    const kase = cases.get(caseId);
    const client = clients.get(kase.clientId);

    vehicles.recompute(caseId);
    const rows = vehicles.list(caseId);
    let chosen = rows;
    if (vehicleIds !== null) {
      const byId = new Map(rows.map((r) => [r.id, r]));
      const foreign = vehicleIds.filter((v) => !byId.has(v));
      if (foreign.length > 0) {
        throw new AppError('invalid-argument', `Vehicles not in case ${kase.number}: ${foreign.join(', ')}`, foreign.map((v) => ({ field: 'vehicleIds', code: 'not-in-case', message: String(v) })));
      }
      const wanted = new Set(vehicleIds);
      chosen = rows.filter((r) => wanted.has(r.id));
    }
    if (chosen.length === 0) throw new AppError('conflict', `Case ${kase.number} has no vehicles to put on a statement.`, [{ field: 'caseId', code: 'no-vehicles', message: kase.number }]);

    const defaults = vehicles.caseDefaults(caseId);
    const inputs = chosen.map((r) => engineInput(r.record, defaults));
    const applyUnconfirmed = settings.get().applyUnconfirmed;
    const results = fees.compute(inputs, { language, applyUnconfirmed });
    const failed = chosen.flatMap((r, i) => (results[i]!.ok ? [] : [{ row: r, result: results[i]! }]));
    if (failed.length > 0) {
      throw new AppError(
        'conflict',
        `${failed.length} vehicle(s) of case ${kase.number} have errors; correct them or leave them off the statement.`,
        failed.slice(0, 100).map(({ row, result }) => ({
          field: `vehicles.${row.id}`,
          code: 'vehicle-has-errors',
          message: `${text(row.record.vin) || `#${row.id}`}: ${result.ok ? '' : result.errors.map((e) => e.field).join(', ')}`,
        })),
      );
    }
    const oks = results as ComputeOk[];
    // The stored results were just recomputed with the same data and settings; only the language differs.
    chosen.forEach((r, i) => {
      const stored = r.result;
      if (!stored?.ok || stored.fee !== oks[i]!.fee || stored.currency !== oks[i]!.currency) {
        throw new AppError('internal', `Vehicle ${r.id}: the stored fee and the statement's fee disagree`);
      }
    });

    const at = this.now();
    const issueDate = localIsoDate(at);
    const number = this.nextNumber(issueDate.slice(0, 4));
    const snapshot: StatementSnapshot = {
      format: STATEMENT_FORMAT,
      number,
      issueDate,
      language,
      appVersion: this.deps.appVersion,
      replaces: replaces ? { number: replaces.number, issueDate: replaces.issue_date } : null,
      broker: { name: broker.brokerName, licenseNumber: broker.licenseNumber, address: broker.address, phone: broker.phone, footerText: broker.footerText },
      client: { kind: client.kind, name: client.name, taxId: client.taxId, country: client.country, address: client.address },
      caseNumber: kase.number,
      caseReference: kase.reference,
      country: kase.country,
      ruleDate: kase.ruleDate,
      applyUnconfirmed: [...applyUnconfirmed],
      vehicles: chosen.map((r, i) => this.vehicleLine(i + 1, r.record, inputs[i]!, oks[i]!)),
      totals: totalsOf(oks),
      schedules: this.schedulesUsed(oks, language),
    };
    // Stored as the canonical text itself: the bytes hashed are the bytes kept.
    const json = canonicalJson(snapshot);
    const hash = statementHash(snapshot);
    const id = Number(
      this.db
        .prepare(
          `INSERT INTO statements (number, case_id, vehicle_ids, snapshot, hash, language, case_number, client_name, country, rule_date,
             issue_date, vehicle_count, totals, issued_at, replaces_statement_id)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .run(
          number,
          caseId,
          vehicleIds === null ? null : JSON.stringify(chosen.map((r) => r.id)),
          json,
          hash,
          language,
          kase.number,
          client.name,
          kase.country,
          kase.ruleDate,
          issueDate,
          chosen.length,
          JSON.stringify(snapshot.totals),
          at.toISOString(),
          replaces?.id ?? null,
        ).lastInsertRowid,
    );
    // A draft case becomes issued; a case already marked paid (or cancelled) keeps the broker's status.
    if (kase.status === 'draft') cases.update({ id: caseId, status: 'issued' });
    return id;
  }

  private nextNumber(year: string): string {
    const n = this.db
      .prepare(`INSERT INTO sequences (name, last) VALUES ('statement-number', 1) ON CONFLICT (name) DO UPDATE SET last = last + 1 RETURNING last`)
      .pluck()
      .get() as number;
    return `${year}-${String(n).padStart(6, '0')}`;
  }

  private vehicleLine(line: number, record: Record<string, unknown>, input: Record<string, unknown>, result: ComputeOk): StatementVehicle {
    const productionDate = given(input.productionDate);
    return {
      line,
      vin: text(record.vin),
      make: text(record.make),
      model: text(record.model),
      category: text(input.category),
      propulsion: text(input.propulsion),
      engineCc: given(input.engineCc),
      powerKw: given(input.powerKw),
      powerHp: given(input.powerHp),
      grossMassKg: given(input.grossMassKg),
      productionDate,
      ageYears: result.ageYears ?? this.ageOf(productionDate, input),
      input,
      result,
    };
  }

  /** Completed years at the vehicle's rule date, a partial date completed by the country's rule. */
  private ageOf(productionDate: string | null, input: Record<string, unknown>): number | null {
    const jurisdiction = this.deps.bundle.jurisdictions.get(input.country as Country);
    const rule = parseIsoDate(input.date);
    if (productionDate === null || !jurisdiction || !rule) return null;
    const produced = resolveProductionDate(productionDate, jurisdiction.data.unknownProductionDay);
    if (!produced) return null;
    const years = completedYears(produced.date, rule);
    return years >= 0 ? years : null;
  }

  private schedulesUsed(results: readonly ComputeOk[], language: Language): StatementSchedule[] {
    const out = new Map<string, StatementSchedule>();
    for (const r of results) {
      let entry = out.get(r.schedule);
      if (!entry) {
        const compiled = this.deps.bundle.schedules.find((s) => s.schedule.id === r.schedule);
        if (!compiled) throw new AppError('internal', `Schedule ${r.schedule} of a result is not installed`);
        const s = compiled.schedule;
        entry = {
          id: s.id,
          title: s.title[language],
          act: actText(s.legalAct),
          link: s.legalAct.link ?? null,
          status: s.status,
          effectiveFrom: s.effectiveFrom,
          effectiveTo: s.effectiveTo,
          lastChecked: s.lastChecked,
          confidence: r.confidence,
          secondarySource: false,
          sources: [],
        };
        out.set(r.schedule, entry);
      }
      entry.confidence = lowerConfidence(entry.confidence, r.confidence);
      if (r.warnings.some((w) => w.code === 'secondary-source')) entry.secondarySource = true;
      for (const source of r.sources) if (!entry.sources.some((x) => sameSource(x, source))) entry.sources.push(source);
    }
    return [...out.values()];
  }

  // ------------------------------------------------------------------ cancelling

  cancel(id: number, reason: string): StatementSummary {
    return this.db.transaction(() => {
      const row = this.row(id);
      if (row.cancelled_at !== null) {
        throw new AppError('conflict', `Statement ${row.number} was already cancelled on ${row.cancelled_at.slice(0, 10)}.`, [{ field: 'id', code: 'already-cancelled', message: row.number }]);
      }
      this.markCancelled(id, reason);
      // A case with no statement in force is back to draft, so the broker sees it needs one.
      const live = this.db.prepare('SELECT count(*) FROM statements WHERE case_id = ? AND cancelled_at IS NULL').pluck().get(row.case_id) as number;
      if (live === 0 && this.deps.cases.get(row.case_id).status === 'issued') this.deps.cases.update({ id: row.case_id, status: 'draft' });
      return this.get(id);
    }).immediate();
  }

  private markCancelled(id: number, reason: string): void {
    this.db.prepare('UPDATE statements SET cancelled_at = ?, cancel_reason = ? WHERE id = ?').run(this.now().toISOString(), reason, id);
  }

  // ------------------------------------------------------------------ checking

  verify(args: { number: string; hash: string }): StatementVerify {
    const row = this.db.prepare(`${SELECT} WHERE s.number = ?`).get(args.number.trim()) as StatementRow | undefined;
    if (!row) return { found: false, matches: false, statement: null };
    const typed = normaliseTypedHash(args.hash);
    const typedMatches = typed.length === 64 ? typed === row.hash : typed.length === 16 && row.hash.startsWith(typed);
    // The stored text must still hash to the stored hash: a hand-edited row is not a match.
    const intact = statementHash(JSON.parse(row.snapshot) as StatementSnapshot) === row.hash;
    return { found: true, matches: typedMatches && intact, statement: this.summary(row) };
  }

  /** The statement's own inputs under today's rate data; nothing is written. */
  diff(id: number): StatementDiff {
    const row = this.row(id);
    const snapshot = JSON.parse(row.snapshot) as StatementSnapshot;
    const results: ComputeResult[] = this.deps.fees.compute(
      snapshot.vehicles.map((v) => v.input),
      { language: snapshot.language, applyUnconfirmed: snapshot.applyUnconfirmed },
    );
    const rows = snapshot.vehicles.map((v, i) => {
      const now = results[i]!;
      return {
        line: v.line,
        vin: v.vin,
        currency: v.result.currency,
        oldFee: v.result.fee,
        newFee: now.ok ? now.fee : null,
        newCurrency: now.ok ? now.currency : null,
        changed: !now.ok || now.fee !== v.result.fee || now.currency !== v.result.currency,
        error: now.ok ? null : now.errors.map((e) => e.message).join('; '),
      };
    });
    const newTotals = totalsOf(results.filter((r): r is ComputeOk => r.ok));
    const currencies = CURRENCIES.filter((c) => snapshot.totals.some((t) => t.currency === c) || newTotals.some((t) => t.currency === c));
    return {
      statementId: row.id,
      number: row.number,
      rows,
      totals: currencies.map((currency) => ({
        currency,
        old: snapshot.totals.find((t) => t.currency === currency)?.amount ?? '0.00',
        new: newTotals.find((t) => t.currency === currency)?.amount ?? '0.00',
      })),
      changedCount: rows.filter((r) => r.changed).length,
    };
  }
}

function sameSource(a: ResultSource, b: ResultSource): boolean {
  return a.key === b.key && a.title === b.title && a.url === b.url;
}
