/**
 * CSV as Excel and 1C write it: `;` (Russian-locale Excel) or `,` or tab, quoted fields with
 * doubled quotes and line breaks inside, UTF-8 with or without BOM, or Windows-1251.
 */

/** UTF-8 when the bytes are valid UTF-8 (BOM optional), Windows-1251 otherwise. */
export function decodeText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'windows-1251' } {
  const hasBom = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
  const body = hasBom ? bytes.subarray(3) : bytes;
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(body), encoding: 'utf-8' };
  } catch {
    return { text: new TextDecoder('windows-1251').decode(body), encoding: 'windows-1251' };
  }
}

const CANDIDATES = [';', ',', '\t'] as const;
export type Delimiter = (typeof CANDIDATES)[number];

/**
 * The delimiter that splits the first lines into the most consistent number of fields
 * (quotes respected): "1,6" inside a `;` file must not make it look comma-separated.
 */
export function detectDelimiter(text: string): Delimiter {
  const sample = text.slice(0, 64 * 1024);
  let best: { d: Delimiter; score: number } = { d: ';', score: -1 };
  for (const d of CANDIDATES) {
    const rows = parseCsv(sample, d).slice(0, 20).filter((r) => r.some((c) => c !== ''));
    if (rows.length === 0) continue;
    const counts = rows.map((r) => r.length);
    const max = Math.max(...counts);
    if (max < 2) continue;
    const same = counts.filter((c) => c === max).length;
    const score = same * 1000 + max;
    if (score > best.score) best = { d, score };
  }
  return best.d;
}

/** RFC 4180 records; a line break inside quotes stays in the field. */
export function parseCsv(text: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const n = text.length;
  while (i < n) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i += 1;
        continue;
      }
      field += ch;
      i += 1;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
    } else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
    } else {
      field += ch;
    }
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Characters that make a spreadsheet treat a text cell as a formula (CSV injection, OWASP). */
export const FORMULA_START = /^[=+\-@\t\r]/;

/** A CSV field as written for Excel: formula-like text gets a leading `'`, then RFC 4180 quoting. */
export function csvField(value: string, delimiter: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /["\r\n]/.test(safe) || safe.includes(delimiter) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/** Undo the formula guard on read, so our own exports read back as they were written. */
export function unguard(value: string): string {
  return value.startsWith("'") && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
