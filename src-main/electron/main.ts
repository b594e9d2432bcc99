/// <reference types="electron-vite/node" />
import { app, BrowserWindow, dialog, ipcMain, Menu, Notification, protocol, screen, session, shell } from 'electron';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import workerPath from '../engine/worker?modulePath';
import { LabService } from '../lab';
import { contentSecurityPolicy } from '../../src-shared/protocol';
import { appProtocolHandler } from './appProtocol';
import { forwardLabEvents, registerLabHandlers } from './ipcHandlers';
import { interruptedRuns, quitDialog, resumeAll, resumeDialog, runsInFlight } from './lifecycle';
import { menuTemplate } from './menu';
import { notifyRunEnds } from './runEndNotifier';
import { electronNativeBinding, nativeBindingHelp } from './nativeBinding';
import { appScheme, devConnectSources, isExternalLinkAllowed, isTrustedRendererUrl, rendererEntryUrl } from './rendererOrigin';
import { loadWindowState, saveWindowState } from './windowState';

/**
 * The desktop door: one window on the same LabService as the CLI and the server. Everything
 * that can be decided without Electron lives in the modules imported above (and is tested
 * there); this file only wires them to Electron.
 */
const here = fileURLToPath(new URL('.', import.meta.url));
const devServerUrl = !app.isPackaged ? process.env.ELECTRON_RENDERER_URL : undefined;
const entryUrl = rendererEntryUrl(devServerUrl);
const csp = contentSecurityPolicy(devConnectSources(devServerUrl));

// Must precede `ready`: app:// behaves like https (secure context, fetch, its own origin).
protocol.registerSchemesAsPrivileged([{ scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true } }]);

let service: LabService | null = null;
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

async function start(): Promise<void> {
  protocol.handle(appScheme, appProtocolHandler(join(here, '../renderer'), csp));
  lockDownSession();

  const nativeBinding = electronNativeBinding(app.getAppPath());
  try {
    service = new LabService({
      dbPath: join(app.getPath('userData'), 'lab.sqlite'),
      workerUrl: workerPath,
      ...(nativeBinding ? { nativeBinding } : {}),
    });
  } catch (error) {
    fatal('The run database could not be opened', nativeBinding ? error : new Error(`${nativeBindingHelp}\n\n${(error as Error).message}`));
    return;
  }

  registerLabHandlers(ipcMain, service, {
    isTrustedSender: isLabWindowFrame,
    log: (message, error) => console.error(message, error),
  });
  forwardLabEvents(service, (channel, payload) => {
    if (win && !win.isDestroyed()) win.webContents.send(channel, payload);
  });
  notifyRunEnds(
    service,
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

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isMac: process.platform === 'darwin',
        isDev: !app.isPackaged,
        appName: app.name,
        openDataFolder: () => void shell.openPath(app.getPath('userData')),
      }),
    ),
  );
  createWindow();
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
