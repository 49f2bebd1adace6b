/**
 * The one API contract between the renderer and the backend. Every method is named here once,
 * with the schema of its single argument and of its result. The Electron main process and the
 * browser-mode HTTP server both serve exactly this map (src/main/api/registry.ts), the preload
 * exposes it as named functions, and the renderer calls it through src/renderer/api/client.ts.
 *
 * To add a method: add it here, implement its handler in a src/main/services module, register it
 * in src/main/api/handlers.ts. Typecheck fails until all three agree.
 */
import { z } from 'zod';
import { COUNTRIES, SCHEDULE_KINDS, STATUSES, CONFIDENCES, CURRENCIES, IMPORTERS } from '../rates/schema';
import type { ComputeResult, ResultSource } from '../vehicle';
import type { CompactResult } from './resultParts';
import { IMPORT_FIELDS, UNITS } from '../import/types';

export const LANGUAGES = ['ru', 'kk', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

/** Trimmed text with a length cap: the cap keeps a hostile caller from filling the disk. */
const text = (max: number) => z.string().trim().max(max);

export const profileSchema = z.strictObject({
  brokerName: text(200).min(1),
  licenseNumber: text(64),
  address: text(500),
  phone: text(40).regex(/^[+()\d\s-]*$/, { message: 'phone' }),
  footerText: text(2000),
  defaultCountry: z.enum(COUNTRIES),
  language: z.enum(LANGUAGES),
});
export type Profile = z.infer<typeof profileSchema>;

export const appInfoSchema = z.strictObject({
  version: z.string(),
  dataDir: z.string(),
  databaseFile: z.string(),
  schemaVersion: z.number().int(),
  mode: z.enum(['electron', 'browser']),
});
export type AppInfo = z.infer<typeof appInfoSchema>;

/** Rate schedules not in force that the broker has chosen to apply. */
export const settingsSchema = z.strictObject({
  applyUnconfirmed: z.array(z.string().min(1).max(100)).max(100),
});
export type Settings = z.infer<typeof settingsSchema>;

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
/** Vehicles are validated by the engine, field by field, so one bad row never rejects a batch. */
const vehicleArg = z.unknown();
export const MAX_VEHICLES_PER_CALL = 100_000;

const feeOptions = {
  /** language of messages and row labels; the profile's language when absent */
  language: z.enum(LANGUAGES).optional(),
  /** schedules not in force to apply; the saved setting when absent */
  applyUnconfirmed: z.array(z.string().min(1).max(100)).max(100).optional(),
};

export const scheduleSummarySchema = z.strictObject({
  id: z.string(),
  country: z.enum(COUNTRIES),
  kind: z.enum(SCHEDULE_KINDS),
  title: z.string(),
  effectiveFrom: z.string(),
  effectiveTo: z.string().nullable(),
  status: z.enum(STATUSES),
  act: z.string(),
  link: z.string().optional(),
  lastChecked: z.string(),
  confidence: z.enum(CONFIDENCES),
  rowCount: z.number().int(),
  datesNote: z.string().optional(),
});
export type ScheduleSummary = z.infer<typeof scheduleSummarySchema>;

const scenarioResultSchema = z.strictObject({
  label: z.string(),
  result: z.custom<ComputeResult>(),
});

export const rateGapSchema = z.strictObject({
  country: z.enum(COUNTRIES),
  what: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  note: z.string(),
});
export type RateGap = z.infer<typeof rateGapSchema>;

const noArgs = z.strictObject({});

// ---- The broker's workspace: clients, cases, vehicles, audit (notes/workspace-api.md) ----

const id = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const isoTime = z.string();
const PAGE_MAX = 1000;
const page = { limit: z.number().int().min(1).max(PAGE_MAX).optional(), offset: z.number().int().min(0).optional() };

export const CLIENT_KINDS = ['individual', 'company'] as const;
export const CASE_STATUSES = ['draft', 'issued', 'paid', 'cancelled'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export const clientSchema = z.strictObject({
  id,
  kind: z.enum(CLIENT_KINDS),
  name: z.string(),
  country: z.enum(COUNTRIES),
  taxId: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
  notes: z.string(),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type Client = z.infer<typeof clientSchema>;

export const clientSaveSchema = z.strictObject({
  id: id.optional(),
  kind: z.enum(CLIENT_KINDS),
  name: text(200).min(1),
  country: z.enum(COUNTRIES),
  /** validated by country and kind (src/core/identifiers.ts); stored without spaces or dashes */
  taxId: text(40),
  phone: text(40).regex(/^[+()\d\s-]*$/, { message: 'phone' }).optional(),
  email: text(200).optional(),
  address: text(500).optional(),
  notes: text(2000).optional(),
});
export type ClientSave = z.infer<typeof clientSaveSchema>;

/**
 * A vehicle row as the broker typed it. Every field is optional while the row is a draft, and
 * values are stored as typed: a code the rate data does not know or "1 598 cc" in a number
 * column is the engine's to report as an error on that row, never a reason to refuse a paste.
 * Only shape and size are checked here (a string too long refuses the change).
 */
const cellText = (max: number) => text(max).optional();
const cellNumber = z.union([z.number().finite(), text(40)]).optional();
const cellCode = z.union([z.enum(COUNTRIES), z.enum(IMPORTERS), text(40)]).optional();
export const vehicleRecordSchema = z.strictObject({
  id: cellText(100),
  vin: cellText(40),
  country: cellCode,
  date: cellText(40),
  category: cellText(40),
  offRoad: z.boolean().optional(),
  tractorUnit: z.boolean().optional(),
  internationalHaulage: z.boolean().optional(),
  propulsion: cellText(40),
  engineCc: cellNumber,
  powerKw: cellNumber,
  powerHp: cellNumber,
  electricPower30minKw: cellNumber,
  grossMassKg: cellNumber,
  productionDate: cellText(40),
  importer: cellCode,
  personalUse: z.boolean().optional(),
  dispatchCountry: cellText(40),
  originCountry: cellText(40),
  exemption: cellText(100),
  machineType: cellText(100),
  make: cellText(100),
  model: cellText(200),
  colour: cellText(100),
  notes: cellText(2000),
});
export type VehicleRecord = z.infer<typeof vehicleRecordSchema>;
/** Fields of a record that describe the vehicle for people and are not the engine's input. */
export const VEHICLE_DESCRIPTIVE_FIELDS = ['make', 'model', 'colour', 'notes'] as const;

export const totalSchema = z.strictObject({ currency: z.enum(CURRENCIES), amount: z.string() });
export type Total = z.infer<typeof totalSchema>;

export const caseSummarySchema = z.strictObject({
  id,
  /** per-broker sequence by year of creation, e.g. "2026-0007"; never reused */
  number: z.string(),
  clientId: id,
  clientName: z.string(),
  country: z.enum(COUNTRIES),
  ruleDate: z.string(),
  /** fill rows that lack them; null importer/personalUse: rows must say */
  importer: z.enum(IMPORTERS).nullable(),
  personalUse: z.boolean().nullable(),
  status: z.enum(CASE_STATUSES),
  archived: z.boolean(),
  reference: z.string(),
  vehicleCount: z.number().int(),
  /** rows whose stored result is an error (or missing) */
  errorCount: z.number().int(),
  /** rows whose stored result carries at least one warning */
  warningCount: z.number().int(),
  /** sum of the fees of rows computed without error, per currency (decimal strings) */
  totals: z.array(totalSchema),
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type CaseSummary = z.infer<typeof caseSummarySchema>;

export const vehicleRowSchema = z.strictObject({
  id,
  caseId: id,
  position: z.number(),
  record: vehicleRecordSchema,
  result: z.custom<ComputeResult>().nullable(),
  updatedAt: isoTime,
});
export type VehicleRow = z.infer<typeof vehicleRowSchema>;

/** A stored row whose ok result lacks its shared part; `part` indexes the reply's `parts` (see ./resultParts.ts). */
export type CompactVehicleRow = Omit<VehicleRow, 'result'> & { result: CompactResult | null; part: number | null };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * A stored row, checked by its shape only. These rows were written by this backend: each record
 * passed vehicleRecordSchema on its way in (vehicles.apply, imports) and each result is the
 * engine's. What a reply check must still catch, a backend of another version, shows in the
 * shape; checking every field of 10,000 records cost ~130 ms of a case's opening.
 */
const isCompactVehicleRow = (v: unknown): v is CompactVehicleRow =>
  isObject(v) &&
  typeof v.id === 'number' &&
  typeof v.caseId === 'number' &&
  typeof v.position === 'number' &&
  isObject(v.record) &&
  (v.result === null || (isObject(v.result) && typeof v.result.ok === 'boolean')) &&
  (v.part === null || (typeof v.part === 'number' && Number.isInteger(v.part) && v.part >= 0)) &&
  typeof v.updatedAt === 'string';
/** One check over the whole array: a zod check per element costs more than the check itself. */
const compactVehicleRowsSchema = z.custom<CompactVehicleRow[]>((v) => Array.isArray(v) && v.every(isCompactVehicleRow));

export const resultPartSchema = z.strictObject({ basis: z.string(), sources: z.array(z.custom<ResultSource>(isObject)) });

export const auditEntrySchema = z.strictObject({
  id,
  at: isoTime,
  actor: z.string(),
  caseId: id,
  vehicleId: id.nullable(),
  action: z.string(),
  field: z.string().nullable(),
  oldValue: z.string().nullable(),
  newValue: z.string().nullable(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

export const MAX_CHANGES_PER_APPLY = 20_000;
export const vehicleChangeSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('upsert'), id: id.optional(), position: z.number().finite().optional(), record: vehicleRecordSchema }),
  z.strictObject({ op: z.literal('delete'), id }),
]);
export type VehicleChange = z.infer<typeof vehicleChangeSchema>;

export const CASE_SORTS = ['updated', 'created', 'number', 'client'] as const;
export const repeatImportWarningSchema = z.strictObject({
  code: z.literal('repeat-personal-import'),
  message: z.string(),
  caseIds: z.array(id),
});


// ---- Fee statements: issued from a frozen snapshot, never edited, cancelled or replaced ----

export const statementSummarySchema = z.strictObject({
  id,
  /** per-broker sequence, e.g. "2026-000042"; never reused */
  number: z.string(),
  caseId: id,
  caseNumber: z.string(),
  clientName: z.string(),
  country: z.enum(COUNTRIES),
  ruleDate: z.string(),
  language: z.enum(LANGUAGES),
  /** YYYY-MM-DD as printed */
  issueDate: z.string(),
  issuedAt: isoTime,
  /** SHA-256 of the snapshot's canonical JSON (64 hex digits) */
  hash: z.string(),
  /** the first 16 hex digits in groups of four, as printed */
  shortHash: z.string(),
  vehicleCount: z.number().int(),
  totals: z.array(totalSchema),
  cancelledAt: isoTime.nullable(),
  cancelReason: z.string().nullable(),
  replaces: z.strictObject({ id, number: z.string() }).nullable(),
  replacedBy: z.strictObject({ id, number: z.string() }).nullable(),
});
export type StatementSummary = z.infer<typeof statementSummarySchema>;

export const statementVerifySchema = z.strictObject({
  /** a statement with that number exists */
  found: z.boolean(),
  /** the hash typed (full or the printed 16 digits) is the stored one, and the stored snapshot still hashes to it */
  matches: z.boolean(),
  statement: statementSummarySchema.nullable(),
});
export type StatementVerify = z.infer<typeof statementVerifySchema>;

export const statementDiffSchema = z.strictObject({
  statementId: id,
  number: z.string(),
  rows: z.array(
    z.strictObject({
      line: z.number().int(),
      vin: z.string(),
      currency: z.enum(CURRENCIES),
      oldFee: z.string(),
      /** null when the vehicle can no longer be computed under the current data */
      newFee: z.string().nullable(),
      newCurrency: z.enum(CURRENCIES).nullable(),
      changed: z.boolean(),
      /** why the current data gives no fee, in the statement's language */
      error: z.string().nullable(),
    }),
  ),
  totals: z.array(z.strictObject({ currency: z.enum(CURRENCIES), old: z.string(), new: z.string() })),
  changedCount: z.number().int(),
});
export type StatementDiff = z.infer<typeof statementDiffSchema>;

// ---- Vehicle lists in and out: import into a case, export a case (issue "Excel in and out at scale") ----

/** A file the broker uploaded or picked in the shell's dialog, or one prepared for download. */
const transferId = z.string().regex(/^[a-f0-9]{32}$/);
const sheetColumn = z.number().int().min(1).max(16_384);
export const headerMappingSchema = z.strictObject({
  headerRow: z.number().int().min(0).max(1_048_576),
  columns: z.array(z.strictObject({
    column: sheetColumn,
    field: z.enum(IMPORT_FIELDS),
    unit: z.enum(UNITS).nullable(),
    header: z.string().max(500),
    confidence: z.enum(CONFIDENCES),
  })).max(1000),
  unmapped: z.array(z.strictObject({ column: sheetColumn, header: z.string().max(500) })).max(1000),
});
export const importIssueSchema = z.strictObject({
  field: z.string(),
  column: z.number().int().nullable(),
  value: z.unknown(),
  code: z.string(),
  message: z.string(),
  severity: z.enum(['error', 'warning']),
});
export const skippedRowSchema = z.strictObject({
  rowNumber: z.number().int(),
  reason: z.enum(['empty', 'title', 'header', 'unmapped']),
  message: z.string(),
});
export const importPreviewSchema = z.strictObject({
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number().int(),
  mapping: headerMappingSchema,
  /** the first rows as the file has them (`cells`, plain values) and as they were read */
  rows: z.array(z.strictObject({
    rowNumber: z.number().int(),
    cells: z.array(z.unknown()),
    input: z.record(z.string(), z.unknown()),
    issues: z.array(importIssueSchema),
  })),
  skipped: z.array(skippedRowSchema),
  /** the client's saved mapping applied to this file, if any */
  savedMapping: z.strictObject({ id, name: z.string() }).nullable(),
});
export type ImportPreview = z.infer<typeof importPreviewSchema>;
export const importReportIssueSchema = z.strictObject({
  severity: z.enum(['error', 'warning']),
  /** file: a value that could not be read; engine: the fee could not be computed; duplicate: a VIN seen before */
  source: z.enum(['file', 'engine', 'duplicate']),
  sheet: z.string(),
  row: z.number().int(),
  /** column letter as Excel shows it, or '' */
  column: z.string(),
  field: z.string(),
  value: z.string(),
  message: z.string(),
});
export type ImportReportIssue = z.infer<typeof importReportIssueSchema>;
export const importReportSchema = z.strictObject({
  fileName: z.string(),
  sheet: z.string(),
  headerRow: z.number().int(),
  counts: z.strictObject({
    /** vehicle rows in the file */
    rows: z.number().int(),
    stored: z.number().int(),
    /** stored as drafts: a value could not be read or the fee could not be computed */
    withErrors: z.number().int(),
    withWarnings: z.number().int(),
    skipped: z.number().int(),
    duplicates: z.number().int(),
  }),
  errorCount: z.number().int(),
  warningCount: z.number().int(),
  /** the first issues (all of them are in the saved report) */
  issues: z.array(importReportIssueSchema),
  skipped: z.array(skippedRowSchema),
  /** true when `issues` or `skipped` were cut short */
  truncated: z.boolean(),
});
export type ImportReport = z.infer<typeof importReportSchema>;
export const IMPORT_STATES = ['reading', 'storing', 'done', 'failed', 'cancelled'] as const;
export const importJobSchema = z.strictObject({
  jobId: z.string(),
  caseId: id,
  state: z.enum(IMPORT_STATES),
  rowsRead: z.number().int(),
  rowsStored: z.number().int(),
  /** vehicle rows to store, known once the file is read */
  rowsTotal: z.number().int().nullable(),
  report: importReportSchema.nullable(),
  error: z.strictObject({ code: z.string(), message: z.string() }).nullable(),
});
export type ImportJob = z.infer<typeof importJobSchema>;
export const savedMappingSchema = z.strictObject({
  id,
  clientId: id,
  name: z.string(),
  mapping: headerMappingSchema,
  createdAt: isoTime,
  updatedAt: isoTime,
});
export type SavedMapping = z.infer<typeof savedMappingSchema>;
const jobId = z.string().regex(/^[a-f0-9]{32}$/);
const download = z.strictObject({ downloadId: z.string(), fileName: z.string() });

// ---- Backups and moving the database to another computer (issue "Hardening") ----

export const BACKUP_KINDS = ['automatic', 'pre-migration', 'pre-restore', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];
/** a backup's file name as `backups.list` gives it; the pattern keeps it from ever being a path */
const backupId = z.string().max(120).regex(/^tamga-[0-9TZ-]+-[a-z-]+(?:-\d+)?\.sqlite$/);
export const backupSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(BACKUP_KINDS),
  createdAt: isoTime,
  sizeBytes: z.number().int(),
});
export type Backup = z.infer<typeof backupSchema>;


interface MethodSpec<A extends z.ZodType, R extends z.ZodType> {
  args: A;
  result: R;
  /** true when the method changes stored data (used by the API fuzz tests and the audit) */
  mutates: boolean;
}
const method = <A extends z.ZodType, R extends z.ZodType>(spec: MethodSpec<A, R>) => spec;

export const contract = {
  'app.info': method({ args: noArgs, result: appInfoSchema, mutates: false }),
  /** null until the broker has saved a profile once */
  'profile.get': method({ args: noArgs, result: profileSchema.nullable(), mutates: false }),
  'profile.save': method({ args: profileSchema, result: profileSchema, mutates: true }),
  'settings.get': method({ args: noArgs, result: settingsSchema, mutates: false }),
  /** refuses an id that is not an installed schedule awaiting opt-in */
  'settings.save': method({ args: settingsSchema, result: settingsSchema, mutates: true }),
  /** one result per vehicle, in order; a bad vehicle is an `ok: false` result, never a failed call */
  'fees.compute': method({
    args: z.strictObject({ vehicles: z.array(vehicleArg).max(MAX_VEHICLES_PER_CALL), ...feeOptions }),
    result: z.array(z.custom<ComputeResult>()),
    mutates: false,
  }),
  /** the result and the same as human sentences: schedule, row, base × coefficient, sources */
  'fees.explain': method({
    args: z.strictObject({ vehicle: vehicleArg, ...feeOptions }),
    result: z.strictObject({ result: z.custom<ComputeResult>(), sentences: z.array(z.string()) }),
    mutates: false,
  }),
  /** one vehicle under standard scenarios: personal use vs company, KZ vs RU vs BY, each opt-in schedule on and off */
  'fees.compare': method({
    args: z.strictObject({ vehicle: vehicleArg, language: z.enum(LANGUAGES).optional() }),
    result: z.array(scenarioResultSchema),
    mutates: false,
  }),
  /** installed schedules, optionally those covering a date in one country, including those awaiting opt-in */
  'rates.list': method({
    args: z.strictObject({ country: z.enum(COUNTRIES).optional(), date: isoDate.optional(), language: z.enum(LANGUAGES).optional() }),
    result: z.array(scheduleSummarySchema),
    mutates: false,
  }),
  /** the exemption and machine-type codes a vehicle may carry in a country, with their names */
  'rates.codes': method({
    args: z.strictObject({ country: z.enum(COUNTRIES), language: z.enum(LANGUAGES).optional() }),
    result: z.strictObject({
      exemptions: z.array(z.strictObject({ code: z.string(), title: z.string(), basis: z.string() })),
      machineTypes: z.array(z.strictObject({ code: z.string(), title: z.string() })),
    }),
    mutates: false,
  }),
  /** what the installed rate data has no rate for: shown as gaps, never filled */
  'rates.gaps': method({
    args: z.strictObject({ country: z.enum(COUNTRIES).optional(), language: z.enum(LANGUAGES).optional() }),
    result: z.array(rateGapSchema),
    mutates: false,
  }),
  /** the raw rate files, so the renderer can run the engine itself while the broker types */
  'rates.files': method({
    args: noArgs,
    result: z.array(z.strictObject({ file: z.string(), data: z.unknown() })),
    mutates: false,
  }),
  /** search: name, tax id, phone, email; ordered by name */
  'clients.list': method({
    args: z.strictObject({ search: text(200).optional(), ...page }),
    result: z.strictObject({ items: z.array(clientSchema), total: z.number().int() }),
    mutates: false,
  }),
  'clients.get': method({ args: z.strictObject({ id }), result: clientSchema, mutates: false }),
  /** a tax id wrong for the country and kind is invalid-argument, issue { field: 'taxId', code: 'invalid-tax-id' } */
  'clients.save': method({ args: clientSaveSchema, result: clientSchema, mutates: true }),
  /** the client's cases, newest first, and a warning when an individual imports for personal use more than once in twelve months */
  'clients.history': method({
    args: z.strictObject({ id }),
    result: z.strictObject({ cases: z.array(caseSummarySchema), warnings: z.array(repeatImportWarningSchema) }),
    mutates: false,
  }),
  /** archived absent: only cases not archived; from/to bound the rule date */
  'cases.list': method({
    args: z.strictObject({
      search: text(200).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      country: z.enum(COUNTRIES).optional(),
      from: isoDate.optional(),
      to: isoDate.optional(),
      archived: z.boolean().optional(),
      sort: z.enum(CASE_SORTS).optional(),
      dir: z.enum(['asc', 'desc']).optional(),
      ...page,
    }),
    result: z.strictObject({ items: z.array(caseSummarySchema), total: z.number().int() }),
    mutates: false,
  }),
  'cases.get': method({ args: z.strictObject({ id }), result: caseSummarySchema, mutates: false }),
  /** importer absent: the client's kind */
  'cases.create': method({
    args: z.strictObject({
      clientId: id,
      country: z.enum(COUNTRIES),
      ruleDate: isoDate,
      reference: text(200).optional(),
      importer: z.enum(IMPORTERS).optional(),
      personalUse: z.boolean().optional(),
    }),
    result: caseSummarySchema,
    mutates: true,
  }),
  /** changing country, rule date, importer or personal use recomputes every row, in the same transaction */
  'cases.update': method({
    args: z.strictObject({
      id,
      clientId: id.optional(),
      country: z.enum(COUNTRIES).optional(),
      ruleDate: isoDate.optional(),
      reference: text(200).optional(),
      status: z.enum(CASE_STATUSES).optional(),
      importer: z.enum(IMPORTERS).nullable().optional(),
      personalUse: z.boolean().nullable().optional(),
    }),
    result: caseSummarySchema,
    mutates: true,
  }),
  /** a new number, status draft, not archived; vehicles copied and recomputed */
  'cases.duplicate': method({ args: z.strictObject({ id }), result: caseSummarySchema, mutates: true }),
  'cases.archive': method({ args: z.strictObject({ id, archived: z.boolean() }), result: caseSummarySchema, mutates: true }),
  /** every row ordered by position, with its stored result (no recompute) */
  'vehicles.list': method({ args: z.strictObject({ caseId: id }), result: z.array(vehicleRowSchema), mutates: false }),
  /**
   * The grid's form of vehicles.list: the same rows, each ok result without the basis and sources
   * shared by every vehicle on its rate row, which come once in `parts` (joinResult in
   * ./resultParts.ts makes the whole result). About a quarter of the text for a large case.
   */
  'vehicles.listCompact': method({
    args: z.strictObject({ caseId: id }),
    result: z
      .strictObject({ rows: compactVehicleRowsSchema, parts: z.array(resultPartSchema) })
      .refine((v) => v.rows.every((r) => r.part === null || r.part < v.parts.length), { message: 'part' }),
    mutates: false,
  }),
  /**
   * One transaction: all changes or none. A change naming a row of another case is refused
   * whole, with an issue `changes.<index>.id`. Upserted rows come back recomputed, in order.
   */
  'vehicles.apply': method({
    args: z.strictObject({ caseId: id, changes: z.array(vehicleChangeSchema).max(MAX_CHANGES_PER_APPLY) }),
    result: z.strictObject({ rows: z.array(vehicleRowSchema), deleted: z.array(id) }),
    mutates: true,
  }),
  'vehicles.recompute': method({ args: z.strictObject({ caseId: id }), result: z.strictObject({ count: z.number().int() }), mutates: true }),
  /** newest first */
  'audit.list': method({
    args: z.strictObject({ caseId: id, ...page }),
    result: z.strictObject({ items: z.array(auditEntrySchema), total: z.number().int() }),
    mutates: false,
  }),
  /**
   * Freezes a statement from the case's vehicles (all, or those named), recomputed first; refuses
   * (conflict) while a chosen vehicle has errors or no broker profile is saved. The case becomes issued.
   */
  'statements.issue': method({
    args: z.strictObject({ caseId: id, vehicleIds: z.array(id).min(1).max(MAX_VEHICLES_PER_CALL).optional(), language: z.enum(LANGUAGES).optional() }),
    result: statementSummarySchema,
    mutates: true,
  }),
  /** newest first; every statement when caseId is absent */
  'statements.list': method({ args: z.strictObject({ caseId: id.optional() }), result: z.array(statementSummarySchema), mutates: false }),
  'statements.get': method({ args: z.strictObject({ id }), result: statementSummarySchema, mutates: false }),
  /** the printable document, rendered from the stored snapshot only (a cancelled one carries the mark) */
  'statements.html': method({ args: z.strictObject({ id }), result: z.strictObject({ html: z.string() }), mutates: false }),
  /** keeps the record; later prints carry the cancelled mark; a statement is cancelled once */
  'statements.cancel': method({ args: z.strictObject({ id, reason: text(500).min(1) }), result: statementSummarySchema, mutates: true }),
  /** a corrected statement from the case's current data: new number, names the one it replaces, which is cancelled */
  'statements.reissue': method({ args: z.strictObject({ id }), result: statementSummarySchema, mutates: true }),
  /** does a printed copy (number and hash read off the paper or the QR code) match the database? */
  'statements.verify': method({ args: z.strictObject({ number: text(40).min(1), hash: text(100).min(1) }), result: statementVerifySchema, mutates: false }),
  /** the statement's vehicles under the current rate data: old fee → new fee; the statement is not changed */
  'statements.diff': method({ args: z.strictObject({ id }), result: statementDiffSchema, mutates: false }),
  /** reads the head of an uploaded file: sheet, header row, mapping and the first rows with their issues */
  'imports.preview': method({
    args: z.strictObject({
      caseId: id,
      fileId: transferId,
      sheet: text(200).optional(),
      headerRow: z.number().int().min(1).max(1_048_576).optional(),
      mapping: headerMappingSchema.optional(),
      mappingId: id.optional(),
      language: z.enum(LANGUAGES).optional(),
    }),
    result: importPreviewSchema,
    mutates: false,
  }),
  /** starts storing every row of the file in the case (one transaction); poll imports.status */
  'imports.start': method({
    args: z.strictObject({
      caseId: id,
      fileId: transferId,
      sheet: text(200).optional(),
      mapping: headerMappingSchema.optional(),
      language: z.enum(LANGUAGES).optional(),
    }),
    result: z.strictObject({ jobId: z.string() }),
    mutates: true,
  }),
  'imports.status': method({ args: z.strictObject({ jobId }), result: importJobSchema, mutates: false }),
  /** before the commit, the case stays exactly as it was; after it, cancelling changes nothing */
  'imports.cancel': method({ args: z.strictObject({ jobId }), result: importJobSchema, mutates: true }),
  /** every issue and skipped row of a finished import as a workbook or CSV, for download */
  'imports.saveReport': method({
    args: z.strictObject({ jobId, format: z.enum(['xlsx', 'csv']), language: z.enum(LANGUAGES).optional() }),
    result: download,
    mutates: false,
  }),
  'imports.listMappings': method({ args: z.strictObject({ clientId: id }), result: z.array(savedMappingSchema), mutates: false }),
  /** saving under an existing name replaces that mapping */
  'imports.saveMapping': method({
    args: z.strictObject({ clientId: id, name: text(100).min(1), mapping: headerMappingSchema }),
    result: savedMappingSchema,
    mutates: true,
  }),
  'imports.deleteMapping': method({ args: z.strictObject({ id }), result: z.strictObject({ deleted: z.boolean() }), mutates: true }),
  /** the case's vehicles (all, or those named) with their results, Summary and Sources sheets */
  'exports.case': method({
    args: z.strictObject({
      caseId: id,
      vehicleIds: z.array(id).max(MAX_VEHICLES_PER_CALL).optional(),
      format: z.enum(['xlsx', 'csv']),
      language: z.enum(LANGUAGES),
    }),
    result: download,
    mutates: false,
  }),
  /** an empty vehicle list with headers in the language, format notes and drop-down lists */
  'exports.template': method({ args: z.strictObject({ language: z.enum(LANGUAGES) }), result: download, mutates: false }),
  /** newest first: automatic (daily), pre-migration, pre-restore (revert points) and manual */
  'backups.list': method({ args: noArgs, result: z.array(backupSchema), mutates: false }),
  'backups.create': method({ args: noArgs, result: backupSchema, mutates: true }),
  /**
   * Writes a revert point of the current database, then replaces it with the backup. A damaged
   * backup, one from a newer Tamga or one not written by Tamga is refused (invalid-argument, issue
   * code `corrupt` | `newer` | `unknown-history` | `not-a-database`) and nothing changes.
   */
  'backups.restore': method({
    args: z.strictObject({ id: backupId }),
    result: z.strictObject({ restored: backupSchema, revertPoint: backupSchema }),
    mutates: true,
  }),
  /** the whole database as one file, for moving to another computer */
  'backups.exportDatabase': method({ args: noArgs, result: download, mutates: false }),
  /** an uploaded database file replaces this one, checked as a restore is, after a revert point */
  'backups.importDatabase': method({
    args: z.strictObject({ fileId: transferId }),
    result: z.strictObject({ revertPoint: backupSchema }),
    mutates: true,
  }),
} as const;

export type Contract = typeof contract;
export type MethodName = keyof Contract;
export type ArgsOf<M extends MethodName> = z.input<Contract[M]['args']>;
export type ResultOf<M extends MethodName> = z.output<Contract[M]['result']>;

/** Error codes a caller can act on. Messages are for logs; the UI localises by code. */
export const ERROR_CODES = [
  'invalid-argument',
  'unknown-method',
  'not-found',
  'conflict',
  'forbidden',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface ApiIssue {
  /** dotted path of the offending field, e.g. "phone" or "vehicles.3.engineCc" */
  field: string;
  /** zod's issue code or a domain code, e.g. "too_big", "invalid-iin" */
  code: string;
  message: string;
}

export interface ApiError {
  code: ErrorCode;
  message: string;
  issues?: ApiIssue[];
}

export type ApiResponse<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** The typed client shape the preload exposes and browser mode imitates. */
export type TamgaApi = {
  [M in MethodName]: (args: ArgsOf<M>) => Promise<ApiResponse<ResultOf<M>>>;
};

export const methodNames = Object.keys(contract) as MethodName[];
