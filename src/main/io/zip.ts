/**
 * The zip container of an .xlsx, read by hand: its central directory (zip64 included) and where
 * each part's data starts. One place for it: the guard checks parts' sizes from here, and the
 * streaming sheet reader inflates the parts it needs from here.
 */
import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import type { Language } from '../../core/import/types';
import { VehicleFileError } from './errors';

export interface ZipEntry {
  name: string;
  method: number;
  packed: number;
  unpacked: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const ZIP64_EOCD = 0x06064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const MAX_COMMENT = 0xffff;

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buf = Buffer.alloc(length);
  const { bytesRead } = await handle.read(buf, 0, length, position);
  return buf.subarray(0, bytesRead);
}

/** The central directory's entries, zip64 included; a directory that does not parse is a damaged file. */
export async function centralDirectory(
  path: string,
  size: number,
  language: Language,
  limit: { maxEntries: number; tooMany: (count: number) => Error },
): Promise<ZipEntry[]> {
  const handle = await open(path, 'r');
  try {
    const tailLength = Math.min(size, 22 + MAX_COMMENT);
    const tail = await readAt(handle, size - tailLength, tailLength);
    let at = -1;
    for (let i = tail.length - 22; i >= 0; i -= 1) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw corrupt(language, 'no zip end record');
    let count = tail.readUInt16LE(at + 10);
    let dirSize = tail.readUInt32LE(at + 12);
    let dirOffset = tail.readUInt32LE(at + 16);
    if (count === 0xffff || dirSize === 0xffffffff || dirOffset === 0xffffffff) {
      const locatorAt = size - tailLength + at - 20;
      const locator = locatorAt >= 0 ? await readAt(handle, locatorAt, 20) : Buffer.alloc(0);
      if (locator.length < 20 || locator.readUInt32LE(0) !== ZIP64_LOCATOR) throw corrupt(language, 'no zip64 locator');
      const record = await readAt(handle, Number(locator.readBigUInt64LE(8)), 56);
      if (record.length < 56 || record.readUInt32LE(0) !== ZIP64_EOCD) throw corrupt(language, 'no zip64 end record');
      count = Number(record.readBigUInt64LE(32));
      dirSize = Number(record.readBigUInt64LE(40));
      dirOffset = Number(record.readBigUInt64LE(48));
    }
    if (count > limit.maxEntries) throw limit.tooMany(count);
    if (dirOffset + dirSize > size) throw corrupt(language, 'central directory outside the file');
    const dir = await readAt(handle, dirOffset, dirSize);
    const entries: ZipEntry[] = [];
    let p = 0;
    while (p + 46 <= dir.length && dir.readUInt32LE(p) === CENTRAL) {
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
        method: dir.readUInt16LE(p + 10),
        packed: dir.readUInt32LE(p + 20),
        unpacked: dir.readUInt32LE(p + 24),
        localHeader: dir.readUInt32LE(p + 42),
      };
      zip64Sizes(entry, dir.subarray(p + 46 + nameLength, p + 46 + nameLength + extraLength));
      entries.push(entry);
      if (entries.length > limit.maxEntries) throw limit.tooMany(entries.length);
      p += 46 + nameLength + extraLength + commentLength;
    }
    return entries;
  } finally {
    await handle.close();
  }
}

/** Zip64's extra field holds, in this order, whichever of the three fields are 0xffffffff. */
function zip64Sizes(entry: ZipEntry, extra: Buffer): void {
  for (let q = 0; q + 4 <= extra.length; ) {
    const id = extra.readUInt16LE(q);
    const length = extra.readUInt16LE(q + 2);
    if (id === 0x0001) {
      let r = q + 4;
      const next = () => {
        const v = r + 8 <= q + 4 + length && r + 8 <= extra.length ? Number(extra.readBigUInt64LE(r)) : Infinity;
        r += 8;
        return v;
      };
      if (entry.unpacked === 0xffffffff) entry.unpacked = next();
      if (entry.packed === 0xffffffff) entry.packed = next();
      if (entry.localHeader === 0xffffffff) entry.localHeader = next();
      return;
    }
    q += 4 + length;
  }
}

/**
 * Where a part's compressed bytes begin: after its local header, whose name and extra lengths can
 * differ from the directory's. Takes the caller's open file, which usually reads the part next.
 */
export async function entryDataStart(handle: FileHandle, entry: ZipEntry, language: Language): Promise<number> {
  const local = await readAt(handle, entry.localHeader, 30);
  if (local.length < 30 || local.readUInt32LE(0) !== LOCAL) throw corrupt(language, `no local header for ${entry.name}`);
  return entry.localHeader + 30 + local.readUInt16LE(26) + local.readUInt16LE(28);
}

function corrupt(language: Language, why: string): VehicleFileError {
  return new VehicleFileError('corrupt-file', language, why);
}
