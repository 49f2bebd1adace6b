/**
 * The broker's clients. A tax id is checked against its country's rules before it is stored
 * (src/core/identifiers.ts), because a wrong ИИН/ИНН/УНП on a customs document is returned by
 * customs. History flags an individual's repeated personal-use imports: customs later recharges
 * such vehicles at the commercial rate, and the broker should say so before the second import.
 */
import type { Database } from 'better-sqlite3';
import type { CaseSummary, Client, ClientSave, Language } from '../../core/api/contract';
import { addMonths, formatIsoDate, parseIsoDate } from '../../core/dates';
import { checkTaxId, taxIdMessage } from '../../core/identifiers';
import { AppError } from '../api/errors';
import type { CaseService } from './cases';
import { likePattern } from './cases';

interface ClientRow {
  id: number;
  kind: Client['kind'];
  name: string;
  country: Client['country'];
  tax_id: string;
  phone: string;
  email: string;
  address: string;
  notes: string;
  created_at: string;
  updated_at: string;
}

const toClient = (r: ClientRow): Client => ({
  id: r.id,
  kind: r.kind,
  name: r.name,
  country: r.country,
  taxId: r.tax_id,
  phone: r.phone,
  email: r.email,
  address: r.address,
  notes: r.notes,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface RepeatImportWarning {
  code: 'repeat-personal-import';
  message: string;
  caseIds: number[];
}

const REPEAT_MESSAGES: Record<Language, (count: number, from: string, to: string) => string> = {
  ru: (n, from, to) =>
    `Клиент ввозит для личного пользования ${n} транспортных средств(а), каждое в течение двенадцати месяцев после предыдущего (${from} — ${to}). Таможня может пересчитать утилизационный сбор по ставке для коммерческого ввоза.`,
  kk: (n, from, to) =>
    `Клиент жеке пайдалану үшін ${n} көлік құралын әкеледі, әрқайсысы алдыңғысынан кейін он екі ай ішінде (${from} — ${to}). Кеден кәдеге жарату алымын коммерциялық әкелу мөлшерлемесі бойынша қайта есептеуі мүмкін.`,
  en: (n, from, to) =>
    `The client imports ${n} vehicles for personal use, each within twelve months of the previous one (${from} to ${to}). Customs may recharge the recycling fee at the commercial rate.`,
};

interface PersonalImport {
  caseId: number;
  date: string;
  vehicles: number;
}

export class ClientService {
  constructor(
    private readonly db: Database,
    private readonly cases: CaseService,
    private readonly language: () => Language,
    private readonly now: () => Date = () => new Date(),
  ) {}

  get(id: number): Client {
    const row = this.db.prepare('SELECT * FROM clients WHERE id = ?').get(id) as ClientRow | undefined;
    if (!row) throw new AppError('not-found', `No client ${id}`, [{ field: 'id', code: 'not-found', message: String(id) }]);
    return toClient(row);
  }

  list(args: { search?: string | undefined; limit?: number | undefined; offset?: number | undefined }): { items: Client[]; total: number } {
    const where = args.search
      ? `WHERE tamga_fold(name) LIKE ? ESCAPE '\\' OR tax_id LIKE ? ESCAPE '\\' OR phone LIKE ? ESCAPE '\\' OR tamga_fold(email) LIKE ? ESCAPE '\\'`
      : '';
    const params = args.search ? Array<string>(4).fill(likePattern(args.search)) : [];
    const total = this.db.prepare(`SELECT count(*) FROM clients ${where}`).pluck().get(...params) as number;
    const rows = this.db
      .prepare(`SELECT * FROM clients ${where} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`)
      .all(...params, args.limit ?? 100, args.offset ?? 0) as ClientRow[];
    return { items: rows.map(toClient), total };
  }

  save(args: ClientSave): Client {
    const checked = checkTaxId(args.country, args.kind, args.taxId);
    if (!checked.ok) {
      const message = taxIdMessage(checked.problem, this.language());
      throw new AppError('invalid-argument', message, [{ field: 'taxId', code: 'invalid-tax-id', message }]);
    }
    const at = this.now().toISOString();
    const values = {
      kind: args.kind,
      name: args.name,
      country: args.country,
      taxId: checked.value,
      phone: args.phone ?? '',
      email: args.email ?? '',
      address: args.address ?? '',
      notes: args.notes ?? '',
      at,
    };
    if (args.id === undefined) {
      const id = this.db
        .prepare(
          `INSERT INTO clients (kind, name, country, tax_id, phone, email, address, notes, created_at, updated_at)
           VALUES (@kind, @name, @country, @taxId, @phone, @email, @address, @notes, @at, @at)`,
        )
        .run(values).lastInsertRowid;
      return this.get(Number(id));
    }
    const changed = this.db
      .prepare(
        `UPDATE clients SET kind = @kind, name = @name, country = @country, tax_id = @taxId, phone = @phone, email = @email,
           address = @address, notes = @notes, updated_at = @at WHERE id = @id`,
      )
      .run({ ...values, id: args.id }).changes;
    if (changed === 0) throw new AppError('not-found', `No client ${args.id}`, [{ field: 'id', code: 'not-found', message: String(args.id) }]);
    return this.get(args.id);
  }

  history(id: number): { cases: CaseSummary[]; warnings: RepeatImportWarning[] } {
    const client = this.get(id);
    const cases = this.cases.forClient(id);
    if (client.kind !== 'individual') return { cases, warnings: [] };
    return { cases, warnings: this.repeatWarnings(id) };
  }

  /**
   * Personal-use imports are vehicles of the client's cases (not cancelled) that claim personal
   * use, by their own flag or the case's, dated by their own rule date or the case's. Imports
   * linked by gaps of less than twelve months form one warning.
   */
  private repeatWarnings(clientId: number): RepeatImportWarning[] {
    const imports = this.db
      .prepare(
        `SELECT c.id AS caseId, coalesce(json_extract(v.record, '$.date'), c.rule_date) AS date, count(*) AS vehicles
         FROM cases c JOIN vehicles v ON v.case_id = c.id
         WHERE c.client_id = ? AND c.status <> 'cancelled'
           AND coalesce(json_extract(v.record, '$.personalUse'), c.personal_use) = 1
         GROUP BY c.id, date ORDER BY date, c.id`,
      )
      .all(clientId) as PersonalImport[];
    const groups: PersonalImport[][] = [];
    for (const imp of imports) {
      const last = groups.at(-1);
      const previous = last?.at(-1);
      if (last && previous && withinTwelveMonths(previous.date, imp.date)) last.push(imp);
      else groups.push([imp]);
    }
    const language = this.language();
    return groups
      .filter((g) => g.reduce((n, i) => n + i.vehicles, 0) > 1)
      .map((g) => ({
        code: 'repeat-personal-import' as const,
        message: REPEAT_MESSAGES[language](g.reduce((n, i) => n + i.vehicles, 0), g[0]!.date, g.at(-1)!.date),
        caseIds: [...new Set(g.map((i) => i.caseId))],
      }));
  }
}

/** Whether `later` falls before the first anniversary-month of `earlier` (dates that do not parse never link). */
function withinTwelveMonths(earlier: string, later: string): boolean {
  const start = parseIsoDate(earlier);
  if (!start || !parseIsoDate(later)) return false;
  return later < formatIsoDate(addMonths(start, 12));
}
