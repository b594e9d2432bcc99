/// <reference types="electron-vite/node" />
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, session, shell } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import workerPath from '../engine/worker?modulePath';
import readerPath from '../service/readerWorker?modulePath';
import { LabService } from '../lab';
import { QueueChunkRunner } from '../queue/queueChunkRunner';
import { appSettingsStore, readAppSettings } from './appSettings';
import type { SettingsStore } from '../service/settingsStore';
import { DEFAULT_MEMORY_BUDGET_MB } from '../../src-shared/model/memoryBudget';
import { MEMORY_BUDGET_ENV, parseMegabytes } from '../service/megabytes';
import { contentSecurityPolicy } from '../../src-shared/protocol';
import { appProtocolHandler } from './appProtocol';
import { forwardLabEvents, registerLabHandlers } from './ipcHandlers';
import { interruptedRuns, quitDialog, resumeAll, resumeDialog, runsInFlight, switchDatabaseDialog } from './lifecycle';
import { menuTemplate } from './menu';
import { notifyRunEnds } from './runEndNotifier';
import { electronNativeBinding, nativeBindingHelp } from './nativeBinding';
import { unpackedPath, type AppLocation } from './appPaths';
import { chosenDatabasePath, defaultDatabasePath, saveDatabaseChoice } from './databaseChoice';
import { appScheme, devConnectSources, devServerUrlFrom, isExternalLinkAllowed, isTrustedRendererUrl, rendererEntryUrl } from './rendererOrigin';
import { loadWindowState, saveWindowState } from './windowState';

/**
 * The desktop door: one window on the same LabService as the CLI and the server. Everything
 * that can be decided without Electron lives in the modules imported above (and is tested
 * there); this file only wires them to Electron.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = devServerUrlFrom(app.isPackaged, process.env);
const entryUrl = rendererEntryUrl(devServerUrl);
const csp = contentSecurityPolicy(devConnectSources(devServerUrl));

// Must precede `ready`: app:// behaves like https (secure context, fetch, its own origin).
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let service: LabService | null = null;
/** Unhooks the current service from IPC and events (when another database is opened). */
let detachService: (() => void) | null = null;
let switching = false;
let win: BrowserWindow | null = null;
let quitState: 'running' | 'asking' | 'ready' = 'running';

if (!app.requestSingleInstanceLock()) {
  // A second start focuses the first window: two processes on one database would compete for runs.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!win) return;
    if (win.isMinimized()) win.restore();
    win.focus();
  });
  app.on('web-contents-created', (_e, contents) => harden(contents));
  app.on('before-quit', (event) => {
    if (quitState === 'ready') return;
    event.preventDefault();
    void confirmQuit();
  });
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => fatal('The lab could not start', error));
}

function fatal(message: string, error: unknown): void {
  console.error(message, error);
  dialog.showErrorBox(message, error instanceof Error ? error.message : String(error));
  quitState = 'ready';
  app.quit();
}

function startFailed(error: unknown, nativeBinding: string | null): void {
  fatal('The run database could not be opened', nativeBinding ? error : new Error(`${nativeBindingHelp}\n\n${(error as Error).message}`));
}

async function start(): Promise<void> {
  protocol.handle(appScheme, appProtocolHandler(join(here, '../renderer'), csp));
  lockDownSession();

  const location: AppLocation = { isPackaged: app.isPackaged, appPath: app.getAppPath(), resourcesPath: process.resourcesPath };
  const nativeBinding = electronNativeBinding(location);
  const userData = app.getPath('userData');
  const settingsFile = join(userData, 'settings.json');
  const read = readAppSettings(settingsFile, envMemoryBudget() ?? DEFAULT_MEMORY_BUDGET_MB);
  if (read.problem) {
    // A broken setting must not quietly move runs onto this machine: say so and stop.
    fatal('The settings could not be read', new Error(read.problem));
    return;
  }
  settings = appSettingsStore(settingsFile, read.settings);
  const dbPath = chosenDatabasePath(userData);
  try {
    attach(openService(dbPath, location, nativeBinding));
  } catch (chosenError) {
    // A database chosen earlier that no longer opens must not lock the user out: use the default.
    if (dbPath === defaultDatabasePath(userData)) return startFailed(chosenError, nativeBinding);
    try {
      attach(openService(defaultDatabasePath(userData), location, nativeBinding));
      saveDatabaseChoice(userData, defaultDatabasePath(userData));
      dialog.showErrorBox('The chosen database could not be opened', `${dbPath}\n\n${(chosenError as Error).message}\n\nOpened the default database instead.`);
    } catch (error) {
      return startFailed(error, nativeBinding);
    }
  }

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        appName: app.name,
        openDatabase: () => void chooseDatabase(location, nativeBinding),
        openDefaultDatabase: () => void switchDatabase(defaultDatabasePath(app.getPath('userData')), location, nativeBinding),
        revealDatabase: () => void revealDatabase(),
        showAbout: () => void win?.loadURL(`${entryUrl}#/about`),
      }),
    ),
  );
  createWindow();
}

/** settings.json (`{"redisUrl": …, "memoryBudgetMB": …}`), edited in the Settings view. */
let settings: SettingsStore | null = null;

/**
 * LAB_MEMORY_BUDGET_MB, parsed as the CLI and the server do: the budget when settings.json sets
 * none. A value they would refuse is reported and the default kept, so the app still starts.
 */
function envMemoryBudget(): number | undefined {
  try {
    return parseMegabytes(MEMORY_BUDGET_ENV, process.env[MEMORY_BUDGET_ENV]);
  } catch (error) {
    console.error((error as Error).message);
    return undefined;
  }
}

function openService(dbPath: string, location: AppLocation, nativeBinding: string | null): LabService {
  if (!settings) throw new Error('the settings are read before a database is opened');
  // An unreachable queue is not fatal: its runs wait and say so, and continue when it is back.
  const queueUrl = settings.read().redisUrl;
  const queue = queueUrl ? new QueueChunkRunner({ url: queueUrl }) : null;
  return new LabService({
    ...(queue ? { runner: queue, runnerName: `queue ${queue.target.redacted}` } : {}),
    dbPath,
    // electron-vite's ?modulePath points into app.asar once packaged; the worker runs from the unpacked copy.
    workerUrl: unpackedPath(workerPath, location),
    // The reader imports better-sqlite3 and piscina from the archive's node_modules, so it runs from inside app.asar.
    readerUrl: readerPath,
    ...(nativeBinding ? { nativeBinding } : {}),
    settings,
  });
}

function attach(next: LabService): void {
  const offHandlers = registerLabHandlers(ipcMain, next, {
    isTrustedSender: isLabWindowFrame,
    log: (message, error) => console.error(message, error),
  });
  const offEvents = forwardLabEvents(next, (channel, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
  });
  const offNotices = notifyRunEnds(
    next,
    (message) => (Notification.isSupported() ? new Notification(message) : null),
    (id) => {
      if (!win || win.isDestroyed()) return;
      if (win.isMinimized()) win.restore();
      win.show();
      win.focus();
      // The renderer routes by hash; `id` is a number, so the script is exactly this assignment.
      void win.webContents.executeJavaScript(`location.hash = '#/runs/${Number(id)}'`);
    },
  );
  service = next;
  detachService = () => {
    offHandlers();
    offEvents();
    offNotices();
  };
}

async function chooseDatabase(location: AppLocation, nativeBinding: string | null): Promise<void> {
  const options: Electron.OpenDialogOptions = {
    title: 'Open database',
    buttonLabel: 'Open',
    // promptToCreate (Windows) lets the user name a new file; elsewhere open an existing one.
    properties: ['openFile', 'promptToCreate'],
    filters: [
      { name: 'Lab database', extensions: ['sqlite', 'db', 'sqlite3'] },
      { name: 'All files', extensions: ['*'] },
    ],
  };
  const picked = win && !win.isDestroyed() ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  const file = picked.filePaths[0];
  if (!picked.canceled && file) await switchDatabase(file, location, nativeBinding);
}

/**
 * Open the new file first and keep the current one if that fails (not a lab database, newer
 * schema, unreadable); only then close the old service, which leaves its runs in flight
 * interrupted, and show the new database's runs.
 */
async function switchDatabase(dbPath: string, location: AppLocation, nativeBinding: string | null): Promise<void> {
  const current = service;
  if (!current || quitState !== 'running' || switching) return;
  switching = true;
  try {
    if ((await current.appInfo()).databasePath === dbPath) return;
    const inFlight = await runsInFlight(current);
    if (inFlight > 0 && win && !win.isDestroyed()) {
      const { response } = await dialog.showMessageBox(win, switchDatabaseDialog(inFlight));
      if (response !== 0) return;
    }
    let next: LabService;
    try {
      next = openService(dbPath, location, nativeBinding);
    } catch (error) {
      dialog.showErrorBox('The database could not be opened', `${dbPath}\n\n${(error as Error).message}`);
      return;
    }
    // The IPC channels can have one handler each: hand them over first, then let the old
    // service checkpoint its runs, so the window is never left without a lab to call.
    detachService?.();
    attach(next);
    saveDatabaseChoice(app.getPath('userData'), dbPath);
    if (win && !win.isDestroyed()) {
      win.webContents.once('did-finish-load', () => void offerResume());
      win.webContents.reload();
    }
    await current.close().catch((error: unknown) => console.error('closing the previous database failed', error));
  } finally {
    switching = false;
  }
}

async function revealDatabase(): Promise<void> {
  if (!service) return;
  shell.showItemInFolder((await service.appInfo()).databasePath);
}

function createWindow(): void {
  const stateFile = join(app.getPath('userData'), 'window-state.json');
  const state = loadWindowState(
    stateFile,
    screen.getAllDisplays().map((d) => d.workArea),
  );
  win = new BrowserWindow({
    ...(state.x !== undefined && state.y !== undefined ? { x: state.x, y: state.y } : {}),
    width: state.width,
    height: state.height,
    minWidth: 640,
    minHeight: 480,
    show: false,
    title: 'Heavy-Tail SGD Lab',
    webPreferences: {
      preload: join(here, '../preload/index.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
    },
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win?.show());
  win.webContents.once('did-finish-load', () => void offerResume());

  win.on('close', (event) => {
    const w = win;
    if (w && !w.isDestroyed()) saveWindowState(stateFile, { ...w.getNormalBounds(), maximized: w.isMaximized() });
    // Closing the one window is quitting: ask about runs in flight first.
    if (quitState !== 'ready') {
      event.preventDefault();
      void confirmQuit();
    }
  });
  win.on('closed', () => (win = null));
  void win.loadURL(entryUrl);
}

/** Only our window's top frame, showing our own page, may call the lab. */
function isLabWindowFrame(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  return !!win && !win.isDestroyed() && event.sender === win.webContents && !!frame && frame.parent === null && isTrustedRendererUrl(frame.url, entryUrl);
}

/** No navigation away, no new windows, no webviews; https links go to the system browser. */
function harden(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    if (!isTrustedRendererUrl(url, entryUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isTrustedRendererUrl(url, entryUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalLinkAllowed(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
}

function lockDownSession(): void {
  const ses = session.defaultSession;
  // The lab needs no camera, notifications, geolocation…; only writing to the clipboard.
  ses.setPermissionRequestHandler((_wc, permission, callback) => callback(permission === 'clipboard-sanitized-write'));
  ses.setPermissionCheckHandler((_wc, permission) => permission === 'clipboard-sanitized-write');
  // The dev server's pages get the same CSP as a header (app:// sets it in its handler).
  ses.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (isTrustedRendererUrl(details.url, entryUrl)) headers['Content-Security-Policy'] = [csp];
    callback({ responseHeaders: headers });
  });
}

async function offerResume(): Promise<void> {
  if (!service || !win) return;
  try {
    const page = await interruptedRuns(service);
    if (page.total === 0) return;
    const { response } = await dialog.showMessageBox(win, resumeDialog(page));
    if (response !== 0) return;
    const { failed } = await resumeAll(service, page.runs);
    if (failed.length > 0) {
      await dialog.showMessageBox(win, {
        type: 'warning',
        message: 'Some runs could not be resumed',
        detail: failed.map((f) => `#${f.id}: ${f.message}`).join('\n'),
      });
    }
  } catch (error) {
    console.error('offering to resume runs failed', error);
  }
}

/** Ask when runs are in flight; then checkpoint (LabService.close marks them interrupted) and quit. */
async function confirmQuit(): Promise<void> {
  if (quitState !== 'running') return;
  quitState = 'asking';
  try {
    const inFlight = service ? await runsInFlight(service) : 0;
    if (inFlight > 0) {
      const spec = quitDialog(inFlight);
      const { response } = win && !win.isDestroyed() ? await dialog.showMessageBox(win, spec) : await dialog.showMessageBox(spec);
      if (response !== 0) {
        quitState = 'running';
        return;
      }
    }
    await service?.close();
  } catch (error) {
    console.error('closing the lab failed', error);
  }
  quitState = 'ready';
  app.quit();
}
