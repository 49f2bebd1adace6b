/**
 * Clipboard text as Excel, LibreOffice Calc and Google Sheets put it there: cells split by tabs,
 * rows by CRLF, LF or CR; a cell holding a tab, a line break or a quote comes quoted, with quotes
 * doubled. Writing does the same, so a block copied out of the grid pastes back unchanged.
 */

/**
 * Rows of cells. A final line ending is not an extra empty row (every spreadsheet adds one).
 * A quote that does not open a properly closed quoted cell (`"Nissan" Patrol`) is just text.
 */
export function parseTsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let i = 0;
  const n = text.length;
  if (n === 0) return [];
  for (;;) {
    let cell = '';
    if (text[i] === '"') {
      const quoted = readQuoted(text, i);
      if (quoted !== null) {
        cell = quoted.value;
        i = quoted.end;
      }
    }
    // Unquoted (or a quote that turned out to be plain text): up to the next separator.
    let j = i;
    while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
    cell += text.slice(i, j);
    i = j;
    row.push(cell);
    if (i >= n) break;
    const c = text[i];
    if (c === '\t') {
      i++;
      continue;
    }
    // A line break ends the row: CRLF, LF or a lone CR (old Mac clipboards).
    i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) return rows;
  }
  rows.push(row);
  return rows;
}

/** A quoted cell starting at `start`, when it closes right before a separator or the end. */
function readQuoted(text: string, start: number): { value: string; end: number } | null {
  let value = '';
  let i = start + 1;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"') {
      if (text[i + 1] === '"') {
        value += '"';
        i += 2;
        continue;
      }
      const after = text[i + 1];
      if (after === undefined || after === '\t' || after === '\n' || after === '\r') return { value, end: i + 1 };
      return null;
    }
    value += c;
    i++;
  }
  return null;
}

function quoteCell(cell: string): string {
  return /[\t\r\n"]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** Tab-separated text with CRLF line ends, the form Excel reads most reliably. */
export function writeTsv(rows: readonly (readonly string[])[]): string {
  return rows.map((r) => r.map(quoteCell).join('\t')).join('\r\n') + (rows.length > 0 ? '\r\n' : '');
}
