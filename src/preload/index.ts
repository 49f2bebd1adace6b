/**
 * The preload: exposes the API contract's methods, and nothing else, as named functions on
 * `window.tamga`. Each method has its own IPC channel; there is no generic send/invoke, no
 * ipcRenderer, no Node. Arguments are validated again in main (never trust the renderer).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '../core/api/contract';
import { channelOf, FILE_CHANNELS } from '../core/api/channel';

const api: Record<string, (args: unknown) => Promise<unknown>> = {};
for (const method of methodNames) {
  api[method] = (args: unknown) => ipcRenderer.invoke(channelOf(method), args);
}

contextBridge.exposeInMainWorld('tamga', Object.freeze(api));

// Native open/save dialogs: the renderer receives a transfer id, never a file path.
contextBridge.exposeInMainWorld(
  'tamgaFiles',
  Object.freeze({
    openFile: (filters: unknown) => ipcRenderer.invoke(FILE_CHANNELS.open, filters),
    saveDownload: (downloadId: unknown, fileName: unknown) => ipcRenderer.invoke(FILE_CHANNELS.save, downloadId, fileName),
    saveStatementPdf: (statementId: unknown) => ipcRenderer.invoke(FILE_CHANNELS.statementPdf, statementId),
  }),
);
