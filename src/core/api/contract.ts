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
import { COUNTRIES, SCHEDULE_KINDS, STATUSES, CONFIDENCES } from '../rates/schema';
import type { ComputeResult } from '../vehicle';

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
  /** what the installed rate data has no rate for: shown as gaps, never filled */
  'rates.gaps': method({
    args: z.strictObject({ country: z.enum(COUNTRIES).optional(), language: z.enum(LANGUAGES).optional() }),
    result: z.array(rateGapSchema),
    mutates: false,
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
