/**
 * The thin Electron shell: one instance, a sandboxed window, the API over IPC, a native menu.
 * Everything it decides about security lives in ./shell/policy.ts (tested without Electron);
 * everything else lives in the plain-Node backend (./backend.ts).
 */
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, session, shell, type MenuItemConstructorOptions } from 'electron';
import { methodNames } from '../core/api/contract';
import { FILE_CHANNELS } from '../core/api/channel';
import { openThroughDialog, saveThroughDialog, type FileDialogs } from './shell/file-bridge';
import { prepareStatementPdf } from './shell/statement-pdf';
import { writeFile } from 'node:fs/promises';
import { createBackend, type Backend } from './backend';
import { importThreadStarter } from './import-thread-starter';
import { resolveDataDir } from './paths';
import { channelOf, decideNavigation, isAppUrl, isOpenableExternally, secureWebPreferences, withContentSecurityPolicy } from './shell/policy';
import { loadWindowState, saveWindowState } from './shell/window-state';

const DEV_SERVER_URL = process.env.ELECTRON_RENDERER_URL;
const APP_ORIGIN = DEV_SERVER_URL ? new URL(DEV_SERVER_URL).origin : 'file://';

let mainWindow: BrowserWindow | null = null;
let backend: Backend | null = null;

app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('Tamga', error instanceof Error ? error.message : String(error));
    app.exit(1);
  });
}

/** Only our own window, showing our own page, may call the backend. */
function fromOurWindow(event: Electron.IpcMainInvokeEvent): boolean {
  const frameUrl = event.senderFrame?.url ?? '';
  return mainWindow !== null && event.sender === mainWindow.webContents && isAppUrl(frameUrl, APP_ORIGIN);
}

function registerIpc(api: Backend): void {
  for (const method of methodNames) {
    ipcMain.handle(channelOf(method), async (event, args: unknown) => {
      if (!fromOurWindow(event)) return { ok: false, error: { code: 'forbidden', message: 'Caller not allowed' } };
      return api.registry.dispatch(method, args);
    });
  }
  const dialogs: FileDialogs = {
    pickFile: async (filters) => {
      const r = await dialog.showOpenDialog(mainWindow!, { properties: ['openFile'], filters });
      return r.canceled ? null : (r.filePaths[0] ?? null);
    },
    choosePath: async (defaultName) => {
      const r = await dialog.showSaveDialog(mainWindow!, { defaultPath: defaultName });
      return r.canceled || !r.filePath ? null : r.filePath;
    },
  };
  ipcMain.handle(FILE_CHANNELS.open, (event, filters: unknown) => (fromOurWindow(event) ? openThroughDialog(dialogs, api.transfers, filters) : null));
  ipcMain.handle(FILE_CHANNELS.save, (event, id: unknown, name: unknown) =>
    fromOurWindow(event) ? saveThroughDialog(dialogs, api.transfers, id, name) : false,
  );
  ipcMain.handle(FILE_CHANNELS.statementPdf, async (event, id: unknown) => {
    if (!fromOurWindow(event)) return false;
    const job = await prepareStatementPdf(api.statements, id);
    if (!job) return false;
    // A hidden, sandboxed window with JavaScript off: the statement is a document, nothing runs.
    const printer = new BrowserWindow({ show: false, webPreferences: { ...secureWebPreferences(), javascript: false } });
    try {
      const target = await dialogs.choosePath(job.fileName);
      if (target === null) return false;
      await printer.loadFile(job.htmlFile);
      await writeFile(target, await printer.webContents.printToPDF(job.options));
      return true;
    } finally {
      printer.destroy();
      await job.cleanup();
    }
  });
}

function buildMenu(): void {
  const template: MenuItemConstructorOptions[] = [
    { label: 'File', submenu: [{ role: 'quit' }] },
    {
      label: 'Edit',
      submenu: [
        { role: 'undo' }, { role: 'redo' }, { type: 'separator' },
        { role: 'cut' }, { role: 'copy' }, { role: 'paste' }, { role: 'selectAll' },
      ],
    },
    {
      label: 'View',
      submenu: [{ role: 'reload' }, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    {
      label: 'Help',
      submenu: [
        {
          label: 'About Tamga',
          click: () => {
            void dialog.showMessageBox({ title: 'Tamga', message: `Tamga ${app.getVersion()}`, detail: backend?.info.dataDir ?? '' });
          },
        },
      ],
    },
  ];
  if (process.platform === 'darwin') template.unshift({ role: 'appMenu' });
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}

async function start(): Promise<void> {
  const dataDir = resolveDataDir(process.env, app.getPath('userData'));
  // Packaged installers carry the rate data in the app's resources folder (electron-builder.yml).
  const ratesDir = app.isPackaged ? join(process.resourcesPath, 'rates') : join(app.getAppPath(), 'resources', 'rates');
  backend = await createBackend({ dataDir, mode: 'electron', ratesDir, spawnImportThread: await importThreadStarter() });
  registerIpc(backend);
  buildMenu();

  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
  });
  // The app needs no camera, notifications, geolocation or the like: refuse every request and check.
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  session.defaultSession.setPermissionCheckHandler(() => false);

  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (event, url) => {
      if (decideNavigation(url, APP_ORIGIN) === 'deny') event.preventDefault();
    });
    contents.on('will-redirect', (event, url) => {
      if (decideNavigation(url, APP_ORIGIN) === 'deny') event.preventDefault();
    });
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // A link the user clicked opens in the system browser; nothing opens inside the app.
    contents.setWindowOpenHandler(({ url }) => {
      if (isOpenableExternally(url)) void shell.openExternal(url);
      return { action: 'deny' };
    });
  });

  const state = loadWindowState(dataDir);
  mainWindow = new BrowserWindow({
    width: state.width,
    height: state.height,
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    show: false,
    title: 'Tamga',
    webPreferences: secureWebPreferences(join(__dirname, '../preload/index.cjs')),
  });
  if (state.maximized) mainWindow.maximize();
  mainWindow.once('ready-to-show', () => mainWindow?.show());
  mainWindow.on('close', () => {
    if (!mainWindow) return;
    const bounds = mainWindow.getNormalBounds();
    saveWindowState(dataDir, { ...bounds, maximized: mainWindow.isMaximized() });
  });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });

  if (DEV_SERVER_URL) await mainWindow.loadURL(DEV_SERVER_URL);
  else await mainWindow.loadFile(join(__dirname, '../renderer/index.html'));
}

app.on('window-all-closed', () => {
  backend?.close();
  backend = null;
  app.quit();
});
