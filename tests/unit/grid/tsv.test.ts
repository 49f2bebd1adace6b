import { describe, expect, it } from 'vitest';
import { parseTsv, writeTsv } from '../../../src/core/grid/tsv';

describe('clipboard text from Excel and LibreOffice', () => {
  it.each([
    ['CRLF with a final line end', 'a\tb\r\nc\td\r\n', [['a', 'b'], ['c', 'd']]],
    ['LF without a final line end', 'a\tb\nc\td', [['a', 'b'], ['c', 'd']]],
    ['a lone CR', 'a\rb\r', [['a'], ['b']]],
    ['a single value', 'M1', [['M1']]],
    ['empty cells kept in place', 'a\t\tc\n\tb\t', [['a', '', 'c'], ['', 'b', '']]],
    ['a quoted cell with a tab and a line break', '"x\ty\r\nz"\t2\n', [['x\ty\r\nz', '2']]],
    ['doubled quotes inside a quoted cell', '"say ""hi"""\tb', [['say "hi"', 'b']]],
    ['a quote that is plain text', '"Nissan" Patrol\t2019', [['"Nissan" Patrol', '2019']]],
    ['a quote inside a cell', 'Lada "Niva"\t1', [['Lada "Niva"', '1']]],
    ['an empty quoted cell', '""\tb', [['', 'b']]],
    ['a blank line in the middle stays a row', 'a\n\nb\n', [['a'], [''], ['b']]],
    ['nothing', '', []],
  ])('%s', (_name, text, rows) => {
    expect(parseTsv(text)).toEqual(rows);
  });

  it('writes what it reads back unchanged', () => {
    const rows = [['WBA 1', '1 598', 'line\nbreak'], ['tab\there', 'quote "q"', '']];
    const text = writeTsv(rows);
    expect(text).toBe('WBA 1\t1 598\t"line\nbreak"\r\n"tab\there"\t"quote ""q"""\t\r\n');
    expect(parseTsv(text)).toEqual(rows);
  });
});
