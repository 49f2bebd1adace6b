/**
 * Files crossing between the broker's disk and the backend. The renderer never names a path:
 * browser mode uploads a file (or downloads one) through the web server, the Electron shell
 * copies the file the broker picked in its open dialog (or saves one through its save dialog),
 * and API methods refer to such files by a random id. Each transfer is a folder under
 * `<dataDir>/transfers/<id>/` holding the one file under its (sanitised) original name, so the
 * readers still see its extension and a download keeps its name.
 */
import { randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { copyFile, mkdir, readdir, rm, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { Transform } from 'node:stream';

/** Large enough for a 100,000-row workbook several times over. */
export const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;
/** Transfers older than this are removed when the store opens: they were for one dialog. */
const KEEP_MS = 24 * 60 * 60 * 1000;
const ID = /^[a-f0-9]{32}$/;

export interface StoredFile {
  id: string;
  /** the file's name as the broker gave it or as a download should be saved */
  name: string;
  path: string;
}

export class UploadTooLargeError extends Error {
  constructor(readonly limit: number) {
    super(`The file is larger than ${Math.round(limit / 1024 / 1024)} MB`);
  }
}

/** A name safe on every file system, keeping the extension; never a path. */
export function safeFileName(name: string): string {
  const printable = [...name].map((ch) => (ch.charCodeAt(0) < 0x20 ? '_' : ch)).join('');
  const base = basename(printable.replace(/\\/g, '/'))
    .replace(/[<>:"/\\|?*]+/g, '_')
    .replace(/^\.+/, '')
    .trim()
    .slice(-150);
  return base === '' ? 'file' : base;
}

export class TransferStore {
  readonly root: string;

  constructor(dataDir: string) {
    this.root = join(dataDir, 'transfers');
  }

  /** A new, empty transfer folder; the caller writes `path`. */
  async create(name: string): Promise<StoredFile> {
    const id = randomBytes(16).toString('hex');
    const dir = join(this.root, id);
    await mkdir(dir, { recursive: true });
    const safe = safeFileName(name);
    return { id, name: safe, path: join(dir, safe) };
  }

  /** Stores a body as it arrives, refusing (and removing) it once it passes `maxBytes`. */
  async receive(name: string, body: AsyncIterable<Buffer> | NodeJS.ReadableStream, maxBytes = MAX_UPLOAD_BYTES): Promise<StoredFile> {
    const file = await this.create(name);
    let size = 0;
    const cap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        size += chunk.length;
        if (size > maxBytes) done(new UploadTooLargeError(maxBytes));
        else done(null, chunk);
      },
    });
    try {
      await pipeline(body as NodeJS.ReadableStream, cap, createWriteStream(file.path));
    } catch (e) {
      await this.remove(file.id);
      throw e;
    }
    return file;
  }

  /** The Electron shell's open dialog: a copy, so the broker's file is never touched. */
  async adopt(path: string): Promise<StoredFile> {
    const file = await this.create(basename(path));
    await copyFile(path, file.path);
    return file;
  }

  /** The stored file of an id, or null for an id that is malformed, unknown or removed. */
  async get(id: string): Promise<StoredFile | null> {
    if (!ID.test(id)) return null;
    try {
      const names = await readdir(join(this.root, id));
      const name = names[0];
      if (name === undefined) return null;
      return { id, name, path: join(this.root, id, name) };
    } catch {
      return null;
    }
  }

  async remove(id: string): Promise<void> {
    if (ID.test(id)) await rm(join(this.root, id), { recursive: true, force: true });
  }

  /** Removes transfers older than a day (left by a closed window or a cancelled dialog). */
  async sweep(now = Date.now()): Promise<void> {
    let ids: string[];
    try {
      ids = await readdir(this.root);
    } catch {
      return;
    }
    for (const id of ids) {
      if (!ID.test(id)) continue;
      const info = await stat(join(this.root, id)).catch(() => null);
      if (info && now - info.mtimeMs > KEEP_MS) await this.remove(id);
    }
  }
}
