/**
 * The command line (docs/vehicle-record.md, "The command"):
 *
 *   compute <input.json|.csv|.xlsx> [--out file.xlsx|.csv|.json] [--country C] [--date D]
 *           [--importer I] [--personal-use] [--apply-unconfirmed ID[,ID]] [--lang ru|kk|en]
 *           [--rates DIR]
 *   rates [--country C] [--date D] [--rates DIR]
 *
 * Standard output carries the JSON and nothing else. Exit 0 when the batch was read (rows may
 * still have errors), 2 with one line on standard error when the input or the arguments could not
 * be read, 3 when the installed rate data does not load.
 */
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { LANGUAGES } from '../../core/api/contract';
import { isIsoDate } from '../../core/dates';
import { compute, type ComputeOptions } from '../../core/engine';
import { formatLoadIssue, type RateBundle } from '../../core/rates/load';
import { COUNTRIES, IMPORTERS, type Country } from '../../core/rates/schema';
import type { ComputeResult, FieldError, ResultNote } from '../../core/vehicle';
import { defaultRatesDir, loadRatesFromDir } from '../rates/load-files';
import { listSchedules } from './rates';

class UsageError extends Error {}

interface Args {
  command: string;
  positional: string[];
  flags: Map<string, string | true>;
}

const VALUE_FLAGS = new Set(['out', 'country', 'date', 'importer', 'apply-unconfirmed', 'lang', 'rates']);
const BOOL_FLAGS = new Set(['personal-use']);

function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    if (!a.startsWith('--')) {
      positional.push(a);
      continue;
    }
    const [name, inline] = a.slice(2).split(/=(.*)/s, 2) as [string, string | undefined];
    if (BOOL_FLAGS.has(name)) flags.set(name, true);
    else if (VALUE_FLAGS.has(name)) {
      const value = inline ?? rest[++i];
      if (value === undefined || value === '') throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    } else throw new UsageError(`unknown option --${name}`);
  }
  return { command, positional, flags };
}

function flag(args: Args, name: string): string | undefined {
  const v = args.flags.get(name);
  return typeof v === 'string' ? v : undefined;
}

function oneOf<T extends string>(args: Args, name: string, allowed: readonly T[]): T | undefined {
  const v = flag(args, name);
  if (v === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(v)) throw new UsageError(`--${name} must be one of ${allowed.join(', ')}, got ${v}`);
  return v as T;
}

function dateFlag(args: Args): string | undefined {
  const v = flag(args, 'date');
  if (v !== undefined && !isIsoDate(v)) throw new UsageError(`--date must be a calendar date YYYY-MM-DD, got ${v}`);
  return v;
}

class RatesError extends Error {}

function loadBundle(args: Args): RateBundle {
  const dir = flag(args, 'rates') ?? defaultRatesDir();
  const { bundle, errors } = loadRatesFromDir(dir);
  if (errors.length > 0) {
    throw new RatesError(`rate data in ${dir} does not load (${errors.length} errors), first: ${formatLoadIssue(errors[0]!)}`);
  }
  return bundle;
}

const absent = (v: unknown) => v === undefined || v === null || v === '';

/** Defaults fill the fields a row lacks; a row's own value wins. */
function withDefaults(row: unknown, defaults: Record<string, unknown>): unknown {
  if (row === null || typeof row !== 'object' || Array.isArray(row)) return row;
  const out: Record<string, unknown> = { ...(row as Record<string, unknown>) };
  for (const [k, v] of Object.entries(defaults)) if (absent(out[k])) out[k] = v;
  return out;
}

interface ImportIssue {
  field: string;
  code: string;
  message: string;
  severity: 'error' | 'warning';
}

async function readJson(path: string): Promise<unknown[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read ${path}: ${(e as NodeJS.ErrnoException).code ?? String(e)}`);
  }
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    throw new UsageError(`${path} is not valid JSON: ${e instanceof Error ? e.message : String(e)}`);
  }
  if (!Array.isArray(data)) throw new UsageError(`${path} must hold a JSON array of vehicle records`);
  return data;
}

/** An import problem is part of the row's result: a value that could not be read fails the row. */
function mergeIssues(result: ComputeResult, issues: readonly ImportIssue[]): ComputeResult {
  const errors: FieldError[] = issues.filter((i) => i.severity === 'error').map((i) => ({ field: i.field, code: i.code, message: i.message }));
  const warnings: ResultNote[] = issues.filter((i) => i.severity === 'warning').map((i) => ({ code: i.code, message: `${i.field}: ${i.message}` }));
  if (result.ok) {
    if (errors.length === 0) return warnings.length ? { ...result, warnings: [...warnings, ...result.warnings] } : result;
    return result.id === undefined ? { ok: false, errors } : { id: result.id, ok: false, errors };
  }
  const known = new Set(result.errors.map((e) => e.field));
  return { ...result, errors: [...errors.filter((e) => !known.has(e.field)), ...result.errors] };
}

async function commandCompute(args: Args): Promise<void> {
  const input = args.positional[0];
  if (!input) throw new UsageError('compute needs an input file: compute <input.json|.csv|.xlsx> [--out file]');
  const language = oneOf(args, 'lang', LANGUAGES) ?? 'ru';
  const defaults: Record<string, unknown> = {};
  const country = oneOf(args, 'country', COUNTRIES);
  if (country) defaults.country = country;
  const date = dateFlag(args);
  if (date) defaults.date = date;
  const importer = oneOf(args, 'importer', IMPORTERS);
  if (importer) defaults.importer = importer;
  if (args.flags.get('personal-use') === true) defaults.personalUse = true;
  const applyUnconfirmed = (flag(args, 'apply-unconfirmed') ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const out = flag(args, 'out');
  const bundle = loadBundle(args);
  const options: ComputeOptions = { language, applyUnconfirmed };

  let inputs: Record<string, unknown>[];
  let results: ComputeResult[];
  if (extname(input).toLowerCase() === '.json') {
    const rows = (await readJson(input)).map((r) => withDefaults(r, defaults));
    results = compute(rows, bundle, options);
    inputs = rows.map((r) => (r !== null && typeof r === 'object' && !Array.isArray(r) ? (r as Record<string, unknown>) : {}));
  } else {
    const io = await import('../io');
    let read;
    try {
      read = await io.readVehicleFile(input, { defaults: defaults as never, language });
    } catch (e) {
      if (io.isVehicleFileError(e)) throw new UsageError(e.message);
      throw e;
    }
    inputs = read.rows.map((r) => r.input);
    results = compute(inputs, bundle, options).map((r, i) => mergeIssues(r, read.rows[i]!.issues as ImportIssue[]));
  }

  if (out) {
    const io = await import('../io');
    await io.writeResults(out, inputs, results, { language });
  } else {
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
  }
}

function commandRates(args: Args): void {
  const country = oneOf(args, 'country', COUNTRIES) as Country | undefined;
  const date = dateFlag(args) ?? new Date().toISOString().slice(0, 10);
  const bundle = loadBundle(args);
  process.stdout.write(`${JSON.stringify(listSchedules(bundle, date, country), null, 2)}\n`);
}

const USAGE = 'usage: cli compute <input> [--out file] [--country KZ|RU|BY] [--date YYYY-MM-DD] [--importer individual|company] [--personal-use] [--apply-unconfirmed ID[,ID]] [--lang ru|kk|en] | cli rates [--country C] [--date D]';

export async function main(argv: string[]): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'compute') await commandCompute(args);
    else if (args.command === 'rates') commandRates(args);
    else throw new UsageError(USAGE);
    return 0;
  } catch (e) {
    const line = (e instanceof Error ? e.message : String(e)).replace(/\s*\n\s*/g, ' ');
    process.stderr.write(`${line}\n`);
    return e instanceof RatesError ? 3 : e instanceof UsageError ? 2 : 1;
  }
}

main(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});

