/**
 * A minimal zip writer for hostile workbooks: parts are given already deflated (so a sheet that
 * unpacks to gigabytes costs kilobytes to build) with the sizes the archive should declare,
 * honest or not.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';

export interface Part {
  name: string;
  /** raw deflate data */
  deflated: Buffer;
  /** unpacked size the archive declares (a lying bomb declares less than it holds) */
  declared: number;
  crc: number;
}

export function deflatedPart(name: string, data: string | Buffer): Part {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  return { name, deflated: deflateRawSync(bytes), declared: bytes.length, crc: crc32(bytes) };
}

/**
 * `head`, then `body` repeated `times`, then `tail`, deflated without building the whole: each
 * piece is compressed on its own and ended with a full flush (byte-aligned, no back-references),
 * so copies of the compressed body concatenate into one valid deflate stream.
 * The CRC is left 0: a bomb is refused before anything checks it.
 */
export function repeatedPart(name: string, head: string, body: string, times: number, tail: string, declared?: number): Part {
  const flush = { finishFlush: constants.Z_FULL_FLUSH, level: 9 };
  const body1 = deflateRawSync(Buffer.from(body), flush);
  const pieces = [deflateRawSync(Buffer.from(head), flush), ...new Array<Buffer>(times).fill(body1), deflateRawSync(Buffer.from(tail))];
  const actual = Buffer.byteLength(head) + Buffer.byteLength(body) * times + Buffer.byteLength(tail);
  return { name, deflated: Buffer.concat(pieces), declared: declared ?? Math.min(actual, 0xfffffffe), crc: 0 };
}

export function zip(parts: readonly Part[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const p of parts) {
    const name = Buffer.from(p.name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(p.crc >>> 0, 14);
    local.writeUInt32LE(p.deflated.length, 18);
    local.writeUInt32LE(p.declared, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(p.crc >>> 0, 16);
    central.writeUInt32LE(p.deflated.length, 20);
    central.writeUInt32LE(p.declared, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, p.deflated);
    centrals.push(central, name);
    offset += 30 + name.length + p.deflated.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

const CONTENT_TYPES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>`;
const RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>`;
const WORKBOOK = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Лист1" sheetId="1" r:id="rId1"/></sheets></workbook>`;
const WORKBOOK_RELS = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>`;

export const SHEET_HEAD = (dimension = 'A1:G2') =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><dimension ref="${dimension}"/><sheetData>`;
export const SHEET_TAIL = '</sheetData></worksheet>';

export function inlineCell(ref: string, text: string): string {
  return `<c r="${ref}" t="inlineStr"><is><t>${text}</t></is></c>`;
}

/** A header row the reader recognises (VIN, category, engine), as row 1. */
export const HEADER_ROW = `<row r="1">${inlineCell('A1', 'vin')}${inlineCell('B1', 'category')}${inlineCell('C1', 'engineCc')}</row>`;

/** A one-sheet workbook around the given sheet part. */
export function workbook(sheet: Part): Buffer {
  return zip([
    deflatedPart('[Content_Types].xml', CONTENT_TYPES),
    deflatedPart('_rels/.rels', RELS),
    deflatedPart('xl/workbook.xml', WORKBOOK),
    deflatedPart('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
    { ...sheet, name: 'xl/worksheets/sheet1.xml' },
  ]);
}
