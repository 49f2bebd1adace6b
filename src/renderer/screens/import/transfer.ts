/**
 * Files in and out of the app without the renderer ever naming a path. Electron: the shell's
 * dialogs (the preload's `window.tamgaFiles`, which the lead adds) copy a picked file into the
 * backend's transfer store or save a prepared download where the broker chooses. Browser mode:
 * `POST /upload` and `GET /download/<id>` on the loopback server, with the run's token.
 */
import type { ApiResponse } from '../../../core/api/contract';

export interface TamgaFiles {
  /** the shell's open dialog; null when the broker cancels */
  openFile(filters: { name: string; extensions: string[] }[]): Promise<{ fileId: string; fileName: string } | null>;
  /** the shell's save dialog for a prepared download; false when the broker cancels */
  saveDownload(downloadId: string, fileName: string): Promise<boolean>;
  /** the shell prints a stored statement with printToPDF and saves it where the broker chooses */
  saveStatementPdf?(statementId: number): Promise<boolean>;
}

declare global {
  interface Window {
    tamgaFiles?: TamgaFiles;
  }
}

/** Where src/renderer/api/client.ts keeps the browser-mode token (sessionStorage). */
const TOKEN_STORAGE_KEY = 'tamga.token';

function token(): string {
  try {
    return window.sessionStorage.getItem(TOKEN_STORAGE_KEY) ?? '';
  } catch {
    return '';
  }
}

export const IMPORT_EXTENSIONS = ['xlsx', 'xlsm', 'csv', 'txt', 'xls'];

export async function uploadFile(file: File): Promise<ApiResponse<{ fileId: string; fileName: string }>> {
  try {
    const response = await fetch('/upload', {
      method: 'POST',
      headers: { 'X-Tamga-Token': token(), 'X-Tamga-Filename': encodeURIComponent(file.name), 'Content-Type': 'application/octet-stream' },
      body: file,
      credentials: 'same-origin',
    });
    return (await response.json()) as ApiResponse<{ fileId: string; fileName: string }>;
  } catch (e) {
    return { ok: false, error: { code: 'internal', message: e instanceof Error ? e.message : String(e) } };
  }
}

/** Hands a prepared file to the broker: the save dialog in Electron, a download in a browser. */
export async function deliver(download: { downloadId: string; fileName: string }): Promise<void> {
  if (window.tamgaFiles) {
    await window.tamgaFiles.saveDownload(download.downloadId, download.fileName);
    return;
  }
  const a = document.createElement('a');
  a.href = `/download/${download.downloadId}?token=${encodeURIComponent(token())}`;
  a.download = download.fileName;
  document.body.append(a);
  a.click();
  a.remove();
}
