/**
 * Tamga's streaming .xlsx reader: a large vehicle list is read row by row straight from the zip,
 * with a small tokenizer that knows only what a sheet's rows hold (rows, cells, values, inline and
 * shared strings, formulas' cached results, dates by their number format).
 *
 * Why not exceljs's own streaming reader: on a 100,000-row list it took 1.7–2.4 s before Tamga did
 * anything with a row, about half of the whole import (BENCHMARKS.md); it copies every sheet that
 * precedes the shared strings in the zip (Excel's own order) to a temporary file first, deleting
 * it only when the whole workbook has been read; and it reads sheets in zip order, not the
 * workbook's. Reading the zip's directory first (zip.ts) gives random access instead: the shared
 * strings, the styles and the workbook are small parts read whole, then each sheet is inflated as a
 * stream. exceljs still writes every workbook and reads small files whole (merged cells need it).
 *
 * Values follow exceljs's conventions so the rest of the importer cannot tell the readers apart
 * (the reading tests run every fixture through both): numbers as numbers, dates (a number in a
 * date or time format) as `Date`, shared and inline strings as strings (rich-text runs joined),
 * booleans, errors as `{ error }`, formulas as `{ formula, result }`.
 */
import { createReadStream } from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import { open } from 'node:fs/promises';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import type { Language } from '../../core/import/types';
import { damagedPart, VehicleFileError } from './errors';
import { guardColumn, guardInflated } from './guard';
import { entryDataStart, type ZipEntry } from './zip';

export interface StreamedRow {
  rowNumber: number;
  /** cells by column, 0-based; a missing cell is null */
  cells: unknown[];
}

export interface StreamedSheet {
  name: string;
  /** the sheet's rows in order; stopping early (return/throw) closes the file */
  rows(): AsyncGenerator<StreamedRow>;
  /**
   * Whether the sheet merges cells. Its merged ranges follow its rows, so a stream meets them
   * only at the end; read.ts reads a small file whose sheet merges cells whole instead. Reads the
   * sheet's part whole: for small files only.
   */
  mergesCells(): Promise<boolean>;
}

// ── small XML helpers ─────────────────────────────────────────────────────────────────────────

const NAMED_ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML character references and the five named entities; anything else is left as written. */
export function decodeXmlText(text: string): string {
  if (!text.includes('&')) return text;
  return text.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[a-zA-Z]+);/g, (whole, ref: string) => {
    if (ref.startsWith('#')) {
      const code = ref[1] === 'x' || ref[1] === 'X' ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      return Number.isInteger(code) && code >= 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref] ?? whole;
  });
}

/** The value of one attribute in a start tag's text, decoded; undefined when absent. */
const attributePatterns = new Map<string, RegExp>();
function attribute(tag: string, name: string): string | undefined {
  let re = attributePatterns.get(name);
  if (!re) {
    // Attribute names are matched whole (` r=` must not match ` ref=`), quoted either way.
    re = new RegExp(`(?:^|\\s)(?:[\\w.-]+:)?${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`);
    attributePatterns.set(name, re);
  }
  const m = re.exec(tag);
  if (!m) return undefined;
  return decodeXmlText(m[1] ?? m[2] ?? '');
}

/** Every element `<name …>` (any namespace prefix) of a small part, as its attribute text. */
function elements(xml: string, name: string): string[] {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*)?/?>`, 'g');
  const found: string[] = [];
  for (let m = re.exec(xml); m; m = re.exec(xml)) found.push(m[1] ?? '');
  return found;
}

/** Column number (1-based) of a cell reference such as `AB12`; 0 when the reference has no letters. */
function columnOf(ref: string): number {
  let column = 0;
  for (let i = 0; i < ref.length; i += 1) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 97 || c > 122) break;
    column = column * 26 + (c - 96);
  }
  return column;
}

// ── the workbook's small parts ───────────────────────────────────────────────────────────────

/** Built-in number formats that are dates or times (ECMA-376 §18.8.30, and the East Asian ones). */
const DATE_FORMAT_IDS = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** exceljs's rule: a format is a date if, outside quotes and brackets, it has y, m, d, h, s or b. */
function isDateFormat(code: string): boolean {
  return /[ymdhMsb]/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style index, whether it shows a number as a date. */
function dateStyles(stylesXml: string | null): boolean[] {
  if (stylesXml === null) return [];
  const custom = new Map<number, string>();
  for (const tag of elements(stylesXml, 'numFmt')) {
    const id = Number(attribute(tag, 'numFmtId'));
    custom.set(id, attribute(tag, 'formatCode') ?? '');
  }
  const start = stylesXml.search(/<(?:[\w.-]+:)?cellXfs[\s>]/);
  if (start < 0) return [];
  const endMatch = /<\/(?:[\w.-]+:)?cellXfs>/.exec(stylesXml.slice(start));
  const cellXfs = stylesXml.slice(start, endMatch ? start + endMatch.index : undefined);
  return elements(cellXfs, 'xf').map((tag) => {
    const id = Number(attribute(tag, 'numFmtId') ?? 0);
    const code = custom.get(id);
    return code !== undefined ? isDateFormat(code) : DATE_FORMAT_IDS.has(id);
  });
}

/** The shared strings, each flattened to its text (rich-text runs joined, phonetic runs left out). */
function sharedStrings(xml: string | null): string[] {
  if (xml === null) return [];
  const strings: string[] = [];
  const items = /<(?:[\w.-]+:)?si(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?si>|<(?:[\w.-]+:)?si(?:\s[^>]*)?\/>/g;
  for (let m = items.exec(xml); m; m = items.exec(xml)) strings.push(textOf(m[1] ?? ''));
  return strings;
}

/** The text of an `<si>` or `<is>` body: every `<t>` outside `<rPh>`, joined. */
function textOf(body: string): string {
  const withoutPhonetic = body.includes('rPh') ? body.replace(/<(?:[\w.-]+:)?rPh[\s>][\s\S]*?<\/(?:[\w.-]+:)?rPh>/g, '') : body;
  let text = '';
  const runs = /<(?:[\w.-]+:)?t(?:\s[^>]*)?>([\s\S]*?)<\/(?:[\w.-]+:)?t>/g;
  for (let m = runs.exec(withoutPhonetic); m; m = runs.exec(withoutPhonetic)) text += m[1] ?? '';
  return decodeXmlText(text);
}

// ── the workbook ─────────────────────────────────────────────────────────────────────────────

interface Workbook {
  path: string;
  language: Language;
  entries: Map<string, ZipEntry>;
  strings: string[];
  dates: boolean[];
  date1904: boolean;
}

const lower = (name: string) => name.replace(/^\/+/, '').toLowerCase();
/** A `<mergeCell>` element, with or without a namespace prefix. */
const MERGE_CELL = /<(?:[\w.-]+:)?mergeCell[\s/>]/;

/** A small part (workbook, relationships, shared strings, styles) read whole; null when absent. */
async function readPart(wb: Pick<Workbook, 'path' | 'language' | 'entries'>, name: string): Promise<string | null> {
  const entry = wb.entries.get(lower(name));
  if (!entry) return null;
  const handle = await open(wb.path, 'r');
  try {
    const start = await entryDataStart(handle, entry, wb.language);
    const packed = Buffer.alloc(entry.packed);
    await handle.read(packed, 0, entry.packed, start);
    let bytes = packed;
    if (entry.method !== 0) {
      try {
        // One byte more than declared is enough to catch a part that lies about its size.
        bytes = inflateRawSync(packed, { maxOutputLength: entry.unpacked + 1 });
      } catch (e) {
        if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') guardInflated(entry, Infinity, wb.language);
        throw e;
      }
    }
    guardInflated(entry, bytes.length, wb.language);
    return bytes.toString('utf8');
  } catch (e) {
    if (e instanceof VehicleFileError) throw e;
    throw damagedPart(wb.language, name, e);
  } finally {
    await handle.close();
  }
}

/** A part's target in a relationships part, as a path inside the zip. */
function resolveTarget(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = `xl/${target}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (p === '..') out.pop();
    else if (p !== '.' && p !== '') out.push(p);
  }
  return out.join('/');
}

/**
 * The workbook's sheets in the workbook's order (as Excel shows its tabs), each read on demand.
 * `entries` is the zip's directory, already checked by the guard.
 */
export async function openXlsx(path: string, entries: ZipEntry[], language: Language): Promise<StreamedSheet[]> {
  const byName = new Map(entries.map((e) => [lower(e.name), e]));
  const base = { path, language, entries: byName };
  const workbookXml = await readPart(base, 'xl/workbook.xml');
  if (workbookXml === null) throw new VehicleFileError('corrupt-file', language, 'xl/workbook.xml is missing');
  const relsXml = (await readPart(base, 'xl/_rels/workbook.xml.rels')) ?? '';
  const targets = new Map(elements(relsXml, 'Relationship').map((tag) => [attribute(tag, 'Id') ?? '', resolveTarget(attribute(tag, 'Target') ?? '')]));
  const pr = elements(workbookXml, 'workbookPr')[0];
  const date1904 = pr !== undefined && ['1', 'true'].includes(attribute(pr, 'date1904') ?? '');
  const wb: Workbook = {
    ...base,
    strings: sharedStrings(await readPart(base, 'xl/sharedStrings.xml')),
    dates: dateStyles(await readPart(base, 'xl/styles.xml')),
    date1904,
  };
  return elements(workbookXml, 'sheet').flatMap((tag) => {
    const target = targets.get(attribute(tag, 'id') ?? '');
    const entry = target === undefined ? undefined : byName.get(target.toLowerCase());
    if (!entry) return [];
    const name = attribute(tag, 'name') ?? entry.name;
    return [{ name, rows: () => sheetRows(wb, entry), mergesCells: async () => MERGE_CELL.test((await readPart(wb, entry.name)) ?? '') }];
  });
}

// ── a sheet's rows ───────────────────────────────────────────────────────────────────────────

const CHUNK = 256 * 1024;
const excelEpoch = (serial: number, date1904: boolean) => new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));

/** Where a start or end tag ends, skipping `>` inside quoted attribute values; -1 if not yet read. */
function tagEnd(text: string, from: number): number {
  let quote = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (quote !== 0) {
      if (c === quote) quote = 0;
    } else if (c === 34 || c === 39) quote = c;
    else if (c === 62) return i;
  }
  return -1;
}

/**
 * A tag's local name. The names met once per cell (c, v, f, t) and per row come back as constants
 * rather than new strings: a 100,000-row sheet has millions of tags.
 */
function tagName(text: string, start: number, end: number): string {
  const c = text.charCodeAt(start);
  if (end - start === 1) {
    if (c === 99) return 'c';
    if (c === 118) return 'v';
    if (c === 102) return 'f';
    if (c === 116) return 't';
  } else if (end - start === 3 && c === 114 && text.charCodeAt(start + 1) === 111 && text.charCodeAt(start + 2) === 119) {
    return 'row';
  }
  return text.slice(start, end);
}

/** A cell's reference, type and style, the attributes of every `<c>` (a million of them in a large list). */
interface CellTag {
  r: string;
  t: string;
  s: string;
}

/**
 * Reads `r`, `t` and `s` from a `<c …>` tag's attribute text in one pass, without a regular
 * expression per attribute (a third of the reading time when it had them). Values of these three
 * are references, type letters and numbers: they hold no entities.
 */
function cellAttributes(tag: string, out: CellTag): void {
  out.r = '';
  out.t = '';
  out.s = '';
  let i = 0;
  const n = tag.length;
  while (i < n) {
    while (i < n && tag.charCodeAt(i) <= 32) i += 1;
    const nameStart = i;
    while (i < n) {
      const c = tag.charCodeAt(i);
      if (c === 61 || c <= 32) break; // '=' or space
      i += 1;
    }
    const name = tag.slice(nameStart, i);
    while (i < n && tag.charCodeAt(i) <= 32) i += 1;
    if (tag.charCodeAt(i) !== 61) break;
    i += 1;
    while (i < n && tag.charCodeAt(i) <= 32) i += 1;
    const quote = tag.charCodeAt(i);
    if (quote !== 34 && quote !== 39) break;
    const end = tag.indexOf(quote === 34 ? '"' : "'", i + 1);
    if (end < 0) break;
    const value = tag.slice(i + 1, end);
    i = end + 1;
    const local = name.includes(':') ? name.slice(name.indexOf(':') + 1) : name;
    if (local === 'r') out.r = value;
    else if (local === 't') out.t = value;
    else if (local === 's') out.s = value;
  }
}

async function* sheetRows(wb: Workbook, entry: ZipEntry): AsyncGenerator<StreamedRow> {
  const cellTag: CellTag = { r: '', t: '', s: '' };
  const handle = await open(wb.path, 'r');
  let start: number;
  try {
    start = await entryDataStart(handle, entry, wb.language);
  } catch (e) {
    await handle.close();
    throw e;
  }
  // The stream owns the handle from here: destroying it closes the file.
  const file = createReadStream('', { fd: handle, start, end: start + Math.max(entry.packed, 1) - 1, highWaterMark: CHUNK });
  let inflated = 0;
  const source = entry.method === 0 ? file : file.pipe(createInflateRaw({ chunkSize: CHUNK }));
  if (source !== file) file.on('error', (e) => source.destroy(e));
  const decoder = new StringDecoder('utf8');
  const { strings, dates, date1904, language } = wb;

  let text = '';
  let inData = false;
  // the row being read
  let row: StreamedRow | null = null;
  let lastRow = 0;
  let column = 0;
  // the cell being read
  let type = '';
  let dateStyle = false;
  let value: string | null = null;
  let formula: string | null = null;
  let inline: string | null = null;
  let capture: 'v' | 'f' | 't' | null = null;
  let captured = '';
  let inPhonetic = false;

  const endCell = () => {
    if (!row) return;
    let cell: unknown = null;
    if (formula !== null) {
      cell = { formula, result: value === null ? undefined : type === 'str' ? value : parseFloat(value) };
    } else if (inline !== null) {
      cell = inline;
    } else if (value !== null) {
      switch (type) {
        case 's':
          cell = strings[parseInt(value, 10)] ?? null;
          break;
        case 'str':
        case 'inlineStr':
          cell = value;
          break;
        case 'e':
          cell = { error: value };
          break;
        case 'b':
          cell = parseInt(value, 10) !== 0;
          break;
        case 'd': {
          const d = new Date(value);
          cell = Number.isNaN(d.getTime()) ? value : d;
          break;
        }
        default: {
          const n = parseFloat(value);
          cell = dateStyle && Number.isFinite(n) ? excelEpoch(n, date1904) : n;
        }
      }
    }
    if (cell !== null) {
      while (row.cells.length < column - 1) row.cells.push(null);
      row.cells[column - 1] = cell;
    }
  };

  try {
    for await (const chunk of source as AsyncIterable<Buffer>) {
      inflated += chunk.length;
      guardInflated(entry, inflated, language);
      text += decoder.write(chunk);
      let pos = 0;
      const rows: StreamedRow[] = [];
      for (;;) {
        const lt = text.indexOf('<', pos);
        if (lt < 0) break;
        if (capture !== null) captured += text.slice(pos, lt);
        // comments, CDATA and processing instructions
        if (text.startsWith('<!--', lt)) {
          const end = text.indexOf('-->', lt + 4);
          if (end < 0) { pos = lt; break; }
          pos = end + 3;
          continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
          const end = text.indexOf(']]>', lt + 9);
          if (end < 0) { pos = lt; break; }
          if (capture !== null) captured += text.slice(lt + 9, end).replace(/&/g, '&amp;');
          pos = end + 3;
          continue;
        }
        const gt = tagEnd(text, lt + 1);
        if (gt < 0) { pos = lt; break; }
        pos = gt + 1;
        const closing = text.charCodeAt(lt + 1) === 47; // '/'
        const selfClosing = text.charCodeAt(gt - 1) === 47;
        let nameStart = lt + (closing ? 2 : 1);
        let nameEnd = nameStart;
        while (nameEnd < gt) {
          const c = text.charCodeAt(nameEnd);
          if (c === 32 || c === 9 || c === 10 || c === 13 || c === 47) break;
          if (c === 58) nameStart = nameEnd + 1; // a namespace prefix ("x:c")
          nameEnd += 1;
        }
        const name = tagName(text, nameStart, nameEnd);

        if (!inData) {
          if (name === 'sheetData' && !closing) inData = !selfClosing;
          if (name === 'sheetData' && selfClosing) return;
          continue;
        }
        if (closing) {
          switch (name) {
            case 'sheetData':
              for (const r of rows) yield r;
              return;
            case 'row':
              if (row) rows.push(row);
              row = null;
              break;
            case 'c':
              endCell();
              break;
            case 'v':
              if (capture === 'v') value = decodeXmlText(captured);
              capture = null;
              break;
            case 'f':
              if (capture === 'f') formula = decodeXmlText(captured);
              capture = null;
              break;
            case 't':
              if (capture === 't') inline = (inline ?? '') + decodeXmlText(captured);
              capture = null;
              break;
            case 'rPh':
              inPhonetic = false;
              break;
            default:
          }
          continue;
        }
        switch (name) {
          case 'row': {
            const r = attribute(text.slice(nameEnd, selfClosing ? gt - 1 : gt), 'r');
            const rowNumber = r === undefined ? lastRow + 1 : parseInt(r, 10);
            lastRow = Number.isFinite(rowNumber) ? rowNumber : lastRow + 1;
            row = { rowNumber: lastRow, cells: [] };
            column = 0;
            if (selfClosing) {
              rows.push(row);
              row = null;
            }
            break;
          }
          case 'c': {
            cellAttributes(text.slice(nameEnd, selfClosing ? gt - 1 : gt), cellTag);
            const at = cellTag.r === '' ? 0 : columnOf(cellTag.r);
            column = at > 0 ? at : column + 1;
            guardColumn(row?.rowNumber ?? lastRow, column, language);
            type = cellTag.t;
            dateStyle = cellTag.s !== '' && dates[parseInt(cellTag.s, 10)] === true;
            value = null;
            formula = null;
            inline = null;
            inPhonetic = false;
            if (selfClosing) endCell();
            break;
          }
          case 'v':
            if (selfClosing) value = '';
            else { capture = 'v'; captured = ''; }
            break;
          case 'f':
            if (selfClosing) formula = '';
            else { capture = 'f'; captured = ''; }
            break;
          case 'is':
            inline = '';
            break;
          case 't':
            if (!inPhonetic && !selfClosing) { capture = 't'; captured = ''; }
            break;
          case 'rPh':
            inPhonetic = !selfClosing;
            break;
          default:
        }
      }
      text = text.slice(pos);
      for (const r of rows) yield r;
    }
    // A sheet whose rows never close was cut short or is not XML: refuse it rather than read half.
    if (inData) throw new VehicleFileError('corrupt-file', language, `${entry.name}: the sheet ends inside its rows`);
  } catch (e) {
    if (e instanceof VehicleFileError) throw e;
    throw damagedPart(language, entry.name, e);
  } finally {
    file.destroy();
    if (source !== file) source.destroy();
  }
}
