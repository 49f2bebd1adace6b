/**
 * The importer against malformed and hostile files, all generated here (seeded; no binary files of
 * unknown origin): random and truncated .xlsx, corrupted bytes, zip bombs (honest and lying sizes),
 * sheets reaching row 1,048,576 or column XFD, 32,767-character cells, formulas, error values,
 * merges, wrong types in every column, CSV with broken quoting, mixed UTF-8/cp1251, lone
 * surrogates and NUL bytes, broken JSON. Every input must end within 5 s with a typed
 * VehicleFileError or a report whose issues name row and column; the reader runs in this process,
 * whose heap must stay within 300 MB of where it started. A sample goes through imports.preview and
 * imports.start of a real backend: the case changes only when the import was accepted.
 * Slow suite (~40 s): about 1,200 inputs. FUZZ_SEED reproduces a run.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseSummary, Client, ImportJob } from '../../../src/core/api/contract';
import { createBackend, type Backend } from '../../../src/main/backend';
import { LIMITS } from '../../../src/main/io/guard';
import { isVehicleFileError } from '../../../src/main/io/errors';
import { readVehicleFile } from '../../../src/main/io/read';
import type { ReadOptions, ReadResult } from '../../../src/main/io/types';
import { deflatedPart, HEADER_ROW, inlineCell, repeatedPart, SHEET_HEAD, SHEET_TAIL, workbook } from './zip';

const SEED = Number(process.env.FUZZ_SEED ?? 20261122);
const TIME_LIMIT_MS = 5_000;
const HEAP_GROWTH_LIMIT = 300 * 1024 * 1024;
const API_SAMPLE = 50;
const CODES = ['not-found', 'unsupported-format', 'xls-not-supported', 'corrupt-file', 'invalid-json', 'empty-file', 'no-header', 'sheet-not-found', 'too-large'];

const dir = mkdtempSync(join(tmpdir(), 'tamga-fuzz-import-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Input {
  name: string;
  family: string;
  bytes: Buffer;
  /** the one outcome this input must have, when there is one */
  expectCode?: string;
}

const HEADERS = ['vin', 'category', 'propulsion', 'engineCc', 'productionDate', 'powerKw', 'personalUse'];
const sample = <T>(arb: fc.Arbitrary<T>, n: number, salt: number): T[] => fc.sample(arb, { seed: SEED + salt, numRuns: n });

// ── .xlsx ──────────────────────────────────────────────────────────────────────────────────

async function xlsxBytes(rows: unknown[][], merges: string[] = []): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  // exceljs stamps the workbook with the time of day; its compressed size then varied from run to
  // run, every truncation and byte flip landed elsewhere, and the same seed gave other inputs
  wb.created = wb.modified = new Date('2026-01-01T00:00:00Z');
  const ws = wb.addWorksheet('Лист1');
  rows.forEach((row, r) => row.forEach((v, c) => {
    if (v !== null && v !== undefined) ws.getCell(r + 1, c + 1).value = v as ExcelJS.CellValue;
  }));
  for (const m of merges) {
    try {
      ws.mergeCells(m);
    } catch {
      // overlapping random merges: exceljs refuses them, as Excel would
    }
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Any value a cell of a broker's list might hold, valid or not for its column. */
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.string({ maxLength: 20 }),
  fc.constantFrom('XTA21700000000001', 'M1', 'ice', 'bev', '1 598', '1,6 л', '150 л.с.', 'да', 'нет', '2024-03', '31.02.2024', '-5', '1e308', 'NaN', '=1+1', '@SUM(A1)'),
  fc.double({ noNaN: false }),
  fc.integer({ min: -1e9, max: 1e9 }),
  fc.boolean(),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
  fc.constantFrom<unknown>({ error: '#N/A' }, { error: '#DIV/0!' }, { error: '#VALUE!' }, { error: '#REF!' }),
  fc.constantFrom<unknown>({ formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'A1&B1', result: 'XTA' }, { formula: 'NOW()' }, { formula: 'SUM(A1:A2)', result: 3 }),
  fc.constantFrom<unknown>({ richText: [{ text: 'XTA217' }, { text: '00000000001', font: { bold: true } }] }, { text: 'ссылка', hyperlink: 'https://example.com' }),
  fc.integer({ min: 1, max: LIMITS.cellChars }).map((n) => 'Ж'.repeat(n)),
);

const mergeRange = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 2 }))
  .map(([c, r, w, h]) => `${String.fromCharCode(64 + c)}${r}:${String.fromCharCode(64 + Math.min(7, c + w))}${r + h}`);

const sheetSpec = fc.record({
  header: fc.boolean(),
  rows: fc.array(fc.array(cellValue, { minLength: 0, maxLength: 7 }), { minLength: 0, maxLength: 6 }),
  merges: fc.array(mergeRange, { maxLength: 3 }),
});

async function xlsxInputs(): Promise<Input[]> {
  const base = await xlsxBytes([HEADERS, ['XTA21700000000001', 'M1', 'ice', 1598, '2024-03', 90, 'нет'], ['XTA21700000000002', 'M1', 'bev', null, '2023-11', 150, 'да']]);
  const inputs: Input[] = [];
  sample(fc.uint8Array({ maxLength: 4096 }), 120, 1).forEach((b, i) => inputs.push({ name: `random-${i}.xlsx`, family: 'random bytes', bytes: Buffer.from(b) }));
  sample(fc.uint8Array({ maxLength: 2048 }), 60, 2).forEach((b, i) => inputs.push({ name: `pk-random-${i}.xlsx`, family: 'random bytes after a zip signature', bytes: Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from(b)]) }));
  sample(fc.integer({ min: 1, max: base.length - 1 }), 150, 3).forEach((n, i) => inputs.push({ name: `truncated-${i}.xlsx`, family: 'truncated', bytes: base.subarray(0, n) }));
  sample(fc.array(fc.tuple(fc.nat({ max: base.length - 1 }), fc.integer({ min: 0, max: 255 })), { minLength: 1, maxLength: 8 }), 120, 4).forEach((flips, i) => {
    const b = Buffer.from(base);
    for (const [at, v] of flips) b[at] = v;
    inputs.push({ name: `flipped-${i}.xlsx`, family: 'corrupted bytes', bytes: b });
  });
  const specs = sample(sheetSpec, 200, 5);
  for (const [i, spec] of specs.entries()) {
    const rows = spec.header ? [HEADERS, ...spec.rows] : spec.rows;
    inputs.push({ name: `cells-${i}.xlsx`, family: 'formulas, errors, merges, long cells, wrong types', bytes: await xlsxBytes(rows, spec.merges) });
  }
  return inputs;
}

/** Hand-built packages: what exceljs would never write but an attacker can. */
function hostileXlsx(): Input[] {
  const row = `<row r="2">${inlineCell('A2', 'XTA21700000000001')}${inlineCell('B2', 'M1')}${'<c r="C2"><v>1598</v></c>'}</row>`;
  const mbOfRows = row.repeat(Math.ceil((4 * 1024 * 1024) / row.length));
  const head = SHEET_HEAD() + HEADER_ROW;
  let emptyRows = '';
  for (let r = 2; r <= 1_048_576; r += 1) emptyRows += `<row r="${r}"/>`;
  let wide = '';
  for (let r = 2; r <= 2000; r += 1) wide += `<row r="${r}">${inlineCell(`A${r}`, 'XTA21700000000001')}${inlineCell(`XFD${r}`, 'x')}</row>`;
  const longCell = (n: number) => `<row r="2">${inlineCell('A2', 'XTA21700000000001')}${inlineCell('B2', 'M1')}${inlineCell('D2', 'Ж'.repeat(n))}</row>`;
  const bomb = (declared?: number) => workbook(repeatedPart('sheet', head, mbOfRows, 512, SHEET_TAIL, declared));
  return [
    { name: 'bomb-2gb.xlsx', family: 'zip bomb', bytes: bomb(), expectCode: 'too-large' },
    { name: 'bomb-lying.xlsx', family: 'zip bomb', bytes: bomb(20_000), expectCode: 'too-large' },
    { name: 'bomb-ratio.xlsx', family: 'zip bomb', bytes: workbook(repeatedPart('sheet', head, mbOfRows, 20, SHEET_TAIL)), expectCode: 'too-large' },
    { name: 'rows-1048576-empty.xlsx', family: 'a million rows', bytes: workbook(deflatedPart('sheet', SHEET_HEAD('A1:L1048576') + HEADER_ROW + emptyRows + SHEET_TAIL)), expectCode: 'too-large' },
    { name: 'rows-far-last.xlsx', family: 'a million rows', bytes: workbook(deflatedPart('sheet', SHEET_HEAD('A1:L1048576') + HEADER_ROW + row + `<row r="1048576">${inlineCell('A1048576', 'XTA21700000000002')}</row>` + SHEET_TAIL)), expectCode: 'too-large' },
    { name: 'dimension-only.xlsx', family: 'a million rows', bytes: workbook(deflatedPart('sheet', SHEET_HEAD('A1:XFD1048576') + HEADER_ROW + row + SHEET_TAIL)) },
    { name: 'columns-xfd.xlsx', family: 'wide rows', bytes: workbook(deflatedPart('sheet', head + wide + SHEET_TAIL)), expectCode: 'too-large' },
    { name: 'cell-32767.xlsx', family: 'long cells', bytes: workbook(deflatedPart('sheet', head + longCell(LIMITS.cellChars) + SHEET_TAIL)) },
    { name: 'cell-100000.xlsx', family: 'long cells', bytes: workbook(deflatedPart('sheet', head + longCell(100_000) + SHEET_TAIL)), expectCode: 'too-large' },
    { name: 'no-sheet.xlsx', family: 'broken package', bytes: workbook({ ...deflatedPart('x', '<worksheet/>'), declared: 12 }) },
  ];
}

// ── .csv and .json ─────────────────────────────────────────────────────────────────────────

const cp1251 = (s: string) => Buffer.from([...s].map((ch) => {
  const c = ch.charCodeAt(0);
  return c >= 0x410 && c <= 0x44f ? c - 0x410 + 0xc0 : c < 0x80 ? c : 0x3f;
}));

const csvPiece: fc.Arbitrary<Buffer> = fc.oneof(
  fc.constantFrom('vin', 'category', 'engineCc', 'Объём двигателя', 'Категория', 'XTA21700000000001', 'M1', '1598', '1,6', 'да', ';', ',', '\t', '\n', '\r\n', '\r', '"', '""', '"a;b"', '"unclosed', '=cmd|calc', "'=1+1").map((s) => Buffer.from(s)),
  fc.string({ maxLength: 12, unit: 'grapheme' }).map((s) => Buffer.from(s)),
  fc.constantFrom('Лада Веста', 'Объём', 'двигатель').map(cp1251),
  fc.constantFrom(Buffer.from([0xed, 0xa0, 0x80]), Buffer.from([0xed, 0xbf, 0xbf]), Buffer.from([0x00]), Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from([0xff, 0xfe]), Buffer.from([0xc0, 0x80]), Buffer.from([0xf4, 0x90, 0x80, 0x80])),
  fc.uint8Array({ maxLength: 8 }).map((b) => Buffer.from(b)),
);

function textInputs(): Input[] {
  const inputs: Input[] = [];
  const header = Buffer.from('vin;category;engineCc;propulsion\n');
  sample(fc.array(csvPiece, { maxLength: 60 }), 350, 6).forEach((pieces, i) => {
    inputs.push({ name: `broken-${i}.csv`, family: 'csv: quoting, encodings, NUL, surrogates', bytes: Buffer.concat([i % 2 === 0 ? header : Buffer.alloc(0), ...pieces]) });
  });
  inputs.push({ name: 'long-field.csv', family: 'csv: long field', bytes: Buffer.concat([header, Buffer.from(`XTA21700000000001;M1;${'9'.repeat(100_000)};ice\n`)]), expectCode: 'too-large' });
  inputs.push({ name: 'wide.csv', family: 'csv: wide rows', bytes: Buffer.concat([header, Buffer.from(`${';'.repeat(5000)}\n`)]), expectCode: 'too-large' });
  inputs.push({ name: 'unclosed.csv', family: 'csv: quoting', bytes: Buffer.concat([header, Buffer.from(`"XTA;M1;1598;ice\n`.repeat(2000))]) });
  const jsonPiece = fc.constantFrom('[', ']', '{', '}', '"vin"', ':', ',', '"XTA21700000000001"', '1598', 'null', 'true', '"\\u0000"', '"\\ud800"', '1e999', '{"__proto__":{"x":1}}', '[[[[[[', '"');
  sample(fc.array(jsonPiece, { maxLength: 40 }), 100, 7).forEach((pieces, i) => inputs.push({ name: `broken-${i}.json`, family: 'json', bytes: Buffer.from(pieces.join('')) }));
  return inputs;
}

// ── checks ─────────────────────────────────────────────────────────────────────────────────

/** A result that names the row and column of every problem, or a typed error: nothing else. */
function expectWellFormed(input: Input, outcome: { result?: ReadResult; error?: unknown }): void {
  if (outcome.error !== undefined) {
    const e = outcome.error;
    expect(isVehicleFileError(e), `${input.name}: ${e instanceof Error ? `${e.name}: ${e.message}` : String(e)}`).toBe(true);
    if (!isVehicleFileError(e)) return;
    expect(CODES).toContain(e.code);
    expect(e.message.length).toBeGreaterThan(0);
    if (input.expectCode) expect(e.code, input.name).toBe(input.expectCode);
    return;
  }
  expect(input.expectCode, `${input.name} was read although it must be refused`).toBeUndefined();
  const r = outcome.result!;
  for (const row of r.rows) {
    expect(Number.isInteger(row.rowNumber) && row.rowNumber >= 1).toBe(true);
    for (const issue of row.issues) {
      expect(issue.column === null || (Number.isInteger(issue.column) && issue.column >= 1), `${input.name}: issue without a column`).toBe(true);
      expect(typeof issue.field).toBe('string');
      expect(issue.message.length).toBeGreaterThan(0);
    }
  }
  for (const s of r.skipped) expect(s.rowNumber >= 1 && s.message.length > 0).toBe(true);
}

let inputs: Input[] = [];
beforeAll(async () => {
  inputs = [...hostileXlsx(), ...(await xlsxInputs()), ...textInputs()];
}, 120_000);

describe('the importer against malformed files', () => {
  it('ends every input within 5 s with a typed error or a report naming row and column, in bounded memory', async () => {
    expect(inputs.length).toBeGreaterThanOrEqual(1000);
    const heapAtStart = process.memoryUsage().heapUsed;
    let heapPeak = heapAtStart;
    // Sampled while readers run too (they yield between rows), not only between inputs.
    const sampler = setInterval(() => { heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed); }, 5);
    const slowest: { name: string; ms: number } = { name: '', ms: 0 };
    const outcomes = new Map<string, number>();
    for (const [i, input] of inputs.entries()) {
      const path = join(dir, `${i}-${input.name}`);
      writeFileSync(path, input.bytes);
      // An .xlsx goes through both readers, exceljs's in-memory one and Tamga's streaming one,
      // forced, and as the app picks (streaming unless the sheet merges cells and the file is
      // small): a hostile file can reach either at any size.
      const readers: ReadOptions[] = input.name.endsWith('.xlsx') ? [{}, { xlsxReader: 'whole' }, { streamingThresholdBytes: 0 }] : [{}];
      for (const reader of readers) {
        const started = performance.now();
        const outcome = await readVehicleFile(path, { ...reader, language: (['ru', 'kk', 'en'] as const)[i % 3] }).then((result) => ({ result }), (error: unknown) => ({ error }));
        const ms = performance.now() - started;
        const name = `${input.name}${'streamingThresholdBytes' in reader ? ' (streaming)' : 'xlsxReader' in reader ? ' (whole)' : ''}`;
        expect(ms, `${name} took ${Math.round(ms)} ms`).toBeLessThan(TIME_LIMIT_MS);
        if (ms > slowest.ms) Object.assign(slowest, { name, ms: Math.round(ms) });
        expectWellFormed(input, outcome);
        const key = 'error' in outcome ? (isVehicleFileError(outcome.error) ? outcome.error.code : 'other') : 'read';
        outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }
      rmSync(path);
    }
    clearInterval(sampler);
    console.log(`importer fuzz: ${inputs.length} inputs (seed ${SEED}), outcomes ${JSON.stringify(Object.fromEntries(outcomes))}, slowest ${slowest.name} ${slowest.ms} ms, heap peak +${Math.round((heapPeak - heapAtStart) / 1e6)} MB`);
    expect(heapPeak - heapAtStart).toBeLessThan(HEAP_GROWTH_LIMIT);
  }, 240_000);
});

function snapshot(db: Database): string {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name").pluck().all() as string[];
  return JSON.stringify(tables.map((t) => [t, db.prepare(`SELECT * FROM "${t}" ORDER BY rowid`).raw().all()]));
}

describe('malformed files through imports.preview and imports.start', () => {
  let b: Backend;
  afterAll(() => b?.close());

  it('change the case only when the import is accepted', async () => {
    b = await createBackend({ dataDir: join(dir, 'backend'), mode: 'browser', logger: { error: () => undefined } });
    const call = async <T>(method: string, args: unknown): Promise<T> => {
      const r = await b.registry.dispatch(method, args);
      if (!r.ok) throw new Error(`${method}: ${JSON.stringify(r.error)}`);
      return r.value as T;
    };
    const client = await call<Client>('clients.save', { kind: 'individual', name: 'Иванов Иван', country: 'KZ', taxId: '900101300007' });
    const kase = await call<CaseSummary>('cases.create', { clientId: client.id, country: 'KZ', ruleDate: '2026-06-01', importer: 'individual' });
    await call('vehicles.apply', { caseId: kase.id, changes: Array.from({ length: 20 }, (_, n) => ({ op: 'upsert', record: { vin: `XTA2170000000${String(n).padStart(4, '0')}`, category: 'M1', propulsion: 'ice', engineCc: 1598 } })) });

    const hostile = inputs.filter((i) => i.expectCode);
    const step = Math.floor(inputs.length / (API_SAMPLE - hostile.length));
    const chosen = [...hostile, ...inputs.filter((_, i) => i % step === 0)].slice(0, API_SAMPLE);
    const tally = { refused: 0, accepted: 0 };
    for (const [i, input] of chosen.entries()) {
      const path = join(dir, `api-${i}-${input.name}`);
      writeFileSync(path, input.bytes);
      const fileId = (await b.transfers.adopt(path)).id;
      rmSync(path);
      const before = snapshot(b.db);
      const count = (await call<CaseSummary>('cases.get', { id: kase.id })).vehicleCount;

      const preview = await b.registry.dispatch('imports.preview', { caseId: kase.id, fileId });
      if (!preview.ok) expect(preview.error.code, input.name).toBe('invalid-argument');
      expect(snapshot(b.db), `preview of ${input.name} changed data`).toBe(before);

      const started = await b.registry.dispatch('imports.start', { caseId: kase.id, fileId });
      expect(started.ok, input.name).toBe(true);
      if (!started.ok) continue;
      const job: ImportJob = await b.imports.settled((started.value as { jobId: string }).jobId);
      expect(['done', 'failed'], `${input.name}: ${JSON.stringify(job.error)}`).toContain(job.state);
      if (job.state === 'done') {
        tally.accepted += 1;
        expect(input.expectCode).toBeUndefined();
        expect((await call<CaseSummary>('cases.get', { id: kase.id })).vehicleCount).toBe(count + job.report!.counts.stored);
      } else {
        tally.refused += 1;
        expect(job.error?.code, input.name).not.toBe('internal');
        expect(snapshot(b.db), `failed import of ${input.name} changed data`).toBe(before);
      }
    }
    console.log(`importer fuzz through the API: ${chosen.length} files, ${tally.accepted} imported, ${tally.refused} refused with the case unchanged`);
  }, 120_000);
});
