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
import { COUNTRIES } from '../rates/schema';

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
