/**
 * Temporary files of exceljs's streaming reader, removed when our read ends.
 *
 * The streaming reader copies every worksheet that comes before the shared strings in the zip
 * (Excel itself writes them in that order, and files without shared strings always) to a temporary
 * file through the `tmp` package, and removes the copy only when the whole workbook has been read
 * to its end. Tamga's reads stop early by design — a preview's first rows, the one sheet it needs
 * of several, a cancel, an error — and measured before this module, every streaming read left the
 * sheet's unpacked copy in the temp folder (tens of MB for 100,000 rows) and its descriptor open
 * until the app quit; after a crash the copies stayed for good.
 *
 * exceljs calls `tmp.file(callback)` on the `tmp` module it shares with us (a direct dependency at
 * the same version, so one module instance). `withExcelTempFiles` notes, for the read running in
 * its async context only, each file created and removes them all when the read settles; exceljs's
 * own later clean-up is then a no-op (tmp's remove callback runs once).
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import tmp from 'tmp';

type RemoveCallback = () => void;
type FileCallback = (err: Error | null, name: string, fd: number, remove: RemoveCallback) => void;

const openReads = new AsyncLocalStorage<RemoveCallback[]>();
let installed = false;

function install(): void {
  if (installed) return;
  const original = tmp.file as (...args: unknown[]) => void;
  const tracked = function file(this: unknown, ...args: unknown[]): void {
    const created = openReads.getStore();
    const callback = args.at(-1);
    if (!created || typeof callback !== 'function') {
      original.apply(this, args);
      return;
    }
    const noting: FileCallback = (err, name, fd, remove) => {
      if (!err) created.push(remove);
      (callback as FileCallback)(err, name, fd, remove);
    };
    original.apply(this, [...args.slice(0, -1), noting]);
  };
  (tmp as { file: unknown }).file = tracked;
  installed = true;
}

/**
 * Run a streaming read; every temporary file exceljs creates during it is closed and deleted when
 * it settles, however it ends. Removing is safe then: exceljs copies a sheet to its file before it
 * yields any row, so no copy is still being written when the read stops.
 */
export async function withExcelTempFiles<T>(read: () => Promise<T>): Promise<T> {
  install();
  const created: RemoveCallback[] = [];
  try {
    return await openReads.run(created, read);
  } finally {
    for (const remove of created) remove();
  }
}
