/**
 * Tamga's streaming .xlsx reader on workbooks written by hand, with what other programs put in
 * them and exceljs's own writer never does: namespace prefixes, cells and rows without
 * references, rich and phonetic text, entities and CDATA, a 1904 date system, custom date
 * formats, formulas' cached results, errors, booleans, and tabs in another order than the zip's.
 */
import { stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readVehicleFile } from '../../../src/main/io';
import { zipEntries } from '../../../src/main/io/guard';
import { openXlsx, type StreamedRow } from '../../../src/main/io/xlsx-stream';
import { deflatedPart, zip } from '../fuzz/zip';
import { tempDir } from './fixtures';

const dir = tempDir();
const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';

const WORKBOOK = `${XML}<workbook ${MAIN} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<workbookPr date1904="1"/><sheets><sheet name="Обложка" sheetId="2" r:id="rId2"/><sheet name="Реестр &amp; итоги" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const RELS = `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>
<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="/xl/worksheets/sheet2.xml"/></Relationships>`;
const STYLES = `${XML}<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="dd\\.mm\\.yyyy"/><numFmt numFmtId="165" formatCode="#,##0&quot; мес&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs>
<cellXfs count="4"><xf numFmtId="0" xfId="0"/><xf numFmtId="164" xfId="0" applyNumberFormat="1"/><xf numFmtId="14" xfId="0"/><xf numFmtId="165" xfId="0"/></cellXfs></styleSheet>`;
const SHARED = `${XML}<sst ${MAIN} count="4" uniqueCount="4"><si><t>VIN</t></si>
<si><r><rPr><b/></rPr><t xml:space="preserve">Объём </t></r><r><t>двигателя</t></r><rPh sb="0" eb="1"><t>ФОНЕТИКА</t></rPh></si>
<si><t>A&amp;B &#1040;&#x0411;</t></si><si><t xml:space="preserve"> M1 </t></si></sst>`;
// The data sheet uses a namespace prefix, as some generators do, and leaves out references.
const SHEET1 = `${XML}<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
<x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c><x:c r="C1" t="inlineStr"><x:is><x:t>Дата выпуска</x:t></x:is></x:c><x:c r="D1" t="inlineStr"><x:is><x:t>Категория</x:t></x:is></x:c><x:c r="E1" t="inlineStr"><x:is><x:t>Примечание</x:t></x:is></x:c></x:row>
<x:row><x:c t="inlineStr"><x:is><x:t>XTA21099000000001</x:t></x:is></x:c><x:c><x:v>1598</x:v></x:c><x:c s="1"><x:v>42429</x:v></x:c><x:c t="s"><x:v>3</x:v></x:c><x:c t="str"><x:f>A2&amp;"!"</x:f><x:v>a&lt;b</x:v></x:c></x:row>
<x:row r="5"/>
<!-- a comment <x:row r="99"> that is not a row -->
<x:row r="6" spans="1:5"><x:c r="A6" t="inlineStr"><x:is><x:r><x:t>XTA2109900</x:t></x:r><x:r><x:t>0000002</x:t></x:r></x:is></x:c><x:c r="B6" t="e"><x:v>#N/A</x:v></x:c><x:c r="C6" s="2"><x:v>0</x:v></x:c><x:c r="D6" s="3"><x:v>12</x:v></x:c><x:c r="E6" t="b"><x:v>1</x:v></x:c></x:row>
<x:row r="7"><x:c r="A7" t="inlineStr" note="a&gt;b > c"><x:is><x:t><![CDATA[XTA<21099>0000003]]></x:t></x:is></x:c><x:c r="B7"><x:f>B2*2</x:f><x:v>3196</x:v></x:c><x:c r="E7" t="s"><x:v>2</x:v></x:c><x:c r="F7"/></x:row>
</x:sheetData><x:mergeCells count="0"/></x:worksheet>`;
const SHEET2 = `${XML}<worksheet ${MAIN}><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Реестр транспортных средств</t></is></c></row></sheetData></worksheet>`;

async function handWritten(name: string, sheet1 = SHEET1): Promise<string> {
  const path = join(dir(), name);
  // The data sheet comes first in the zip and second in the workbook.
  await writeFile(path, zip([
    deflatedPart('xl/workbook.xml', WORKBOOK),
    deflatedPart('xl/_rels/workbook.xml.rels', RELS),
    deflatedPart('xl/worksheets/sheet1.xml', sheet1),
    deflatedPart('xl/worksheets/sheet2.xml', SHEET2),
    deflatedPart('xl/styles.xml', STYLES),
    deflatedPart('xl/sharedStrings.xml', SHARED),
  ]));
  return path;
}

async function sheetsOf(path: string) {
  const { size } = await stat(path);
  return openXlsx(path, await zipEntries(path, size, 'en'), 'en');
}

async function rowsOf(path: string, sheet: number): Promise<StreamedRow[]> {
  const rows: StreamedRow[] = [];
  for await (const row of (await sheetsOf(path))[sheet]!.rows()) rows.push(row);
  return rows;
}

describe('the streaming .xlsx reader', () => {
  it('lists the sheets in the workbook\'s order with their names, whatever the zip\'s order', async () => {
    const sheets = await sheetsOf(await handWritten('order.xlsx'));
    expect(sheets.map((s) => s.name)).toEqual(['Обложка', 'Реестр & итоги']);
  });

  it('reads every kind of cell as exceljs would hand it over', async () => {
    const rows = await rowsOf(await handWritten('cells.xlsx'), 1);
    expect(rows.map((r) => r.rowNumber)).toEqual([1, 2, 5, 6, 7]);
    // Shared strings: rich-text runs joined, the phonetic guide left out.
    expect(rows[0]!.cells).toEqual(['VIN', 'Объём двигателя', 'Дата выпуска', 'Категория', 'Примечание']);
    // A row and cells without references follow the previous ones; a 1904-system date in a
    // custom dd.mm.yyyy format is a Date; a formula keeps its cached text result, decoded once.
    expect(rows[1]!.rowNumber).toBe(2);
    expect(rows[1]!.cells).toEqual(['XTA21099000000001', 1598, new Date('2020-03-01T00:00:00Z'), ' M1 ', { formula: 'A2&"!"', result: 'a<b' }]);
    expect(rows[2]!.cells).toEqual([]);
    // Inline rich text joined; an error value; a built-in date format at serial 0 of the 1904
    // system; a number in a format with quoted letters is still a number; a boolean.
    expect(rows[3]!.cells).toEqual(['XTA21099000000002', { error: '#N/A' }, new Date('1904-01-01T00:00:00Z'), 12, true]);
    // CDATA taken as written; '>' inside an attribute value does not end the tag; a numeric
    // formula's cached result is a number; entities and character references decoded; an empty
    // cell is no value.
    expect(rows[4]!.cells).toEqual(['XTA<21099>0000003', { formula: 'B2*2', result: 3196 }, null, null, 'A&B АБ']);
  });

  it('imports the data sheet, passing over the cover, and numbers sheets as the workbook\'s tabs', async () => {
    const path = await handWritten('import.xlsx');
    const streaming = { streamingThresholdBytes: 0, language: 'en' as const };
    const found = await readVehicleFile(path, streaming);
    expect(found.sheet).toBe('Реестр & итоги');
    expect(found.rows.map((r) => [r.rowNumber, r.input.vin, r.input.engineCc])).toEqual([
      [2, 'XTA21099000000001', 1598],
      [6, 'XTA21099000000002', undefined],
      [7, 'XTA<21099>0000003', 3196],
    ]);
    expect(found.rows[0]!.input.productionDate).toBe('2020-03-01');
    expect((await readVehicleFile(path, { ...streaming, sheet: 2 })).sheet).toBe('Реестр & итоги');
    await expect(readVehicleFile(path, { ...streaming, sheet: 1 })).rejects.toMatchObject({ code: 'no-header' });
  });

  it('refuses a cell beyond the column limit where it meets it, and a damaged sheet as a damaged file', async () => {
    const wide = await handWritten('wide.xlsx', SHEET1.replace('<x:c r="E1"', '<x:c r="XFD1"'));
    await expect(readVehicleFile(wide, { streamingThresholdBytes: 0, language: 'en' })).rejects.toMatchObject({ code: 'too-large', message: expect.stringMatching(/row 1: 16384 columns/) });

    const path = join(dir(), 'damaged.xlsx');
    const sheet = deflatedPart('xl/worksheets/sheet1.xml', SHEET1);
    const cut = { ...sheet, deflated: Buffer.concat([sheet.deflated.subarray(0, 200), Buffer.alloc(sheet.deflated.length - 200, 0xff)]) };
    await writeFile(path, zip([deflatedPart('xl/workbook.xml', WORKBOOK), deflatedPart('xl/_rels/workbook.xml.rels', RELS), cut, deflatedPart('xl/worksheets/sheet2.xml', SHEET2)]));
    await expect(rowsOf(path, 1)).rejects.toMatchObject({ code: 'corrupt-file' });
  });
});
