/**
 * Reads every JSON file under a rates folder (resources/rates in the repository, the packaged
 * app's resources folder later) and builds the engine's bundle. Errors name the file, relative to
 * the folder, and the JSON path inside it.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRates, type LoadResult, type RateFile } from '../../core/rates/load';

/** resources/rates of this checkout, found from this module's location (src/main/rates). */
export function defaultRatesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  let dir = here;
  for (let i = 0; i < 6; i++) {
    const candidate = join(dir, 'resources', 'rates');
    try {
      if (statSync(candidate).isDirectory()) return candidate;
    } catch {
      // not at this level; look one folder up
    }
    dir = dirname(dir);
  }
  return resolve(here, '..', '..', '..', 'resources', 'rates');
}

function jsonFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...jsonFiles(full));
    else if (entry.isFile() && entry.name.endsWith('.json')) out.push(full);
  }
  return out.sort();
}

/** Reads and parses the files; a file that is not valid JSON becomes a load error. */
export function readRateFiles(dir: string): { files: RateFile[]; errors: LoadResult['errors'] } {
  const files: RateFile[] = [];
  const errors: LoadResult['errors'] = [];
  for (const full of jsonFiles(dir)) {
    const file = relative(dir, full).split(sep).join('/');
    try {
      files.push({ file, data: JSON.parse(readFileSync(full, 'utf8')) as unknown });
    } catch (e) {
      errors.push({ file, path: '', message: `not valid JSON: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { files, errors };
}

export function loadRatesFromDir(dir: string = defaultRatesDir()): LoadResult {
  const read = readRateFiles(dir);
  const loaded = loadRates(read.files);
  return { bundle: loaded.bundle, errors: [...read.errors, ...loaded.errors] };
}
