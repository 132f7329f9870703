/**
 * The Electron host: wiring only. Every rule lives in the core; every piece with logic in it
 * (origins, window options, IPC routing, protocol handlers) is a module of its own that is
 * tested without Electron.
 */
// First: it sizes the I/O thread pool, which must happen before any file is touched.
import '../io-threads.js';
import { userInfo } from 'node:os';
import { fileURLToPath } from 'node:url';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import type { Caller } from '../../contract/index.js';
import { openStation } from '../../core/station.js';
import type { Station } from '../../core/station-api.js';
import { appIndexUrl, appScheme, mediaScheme, privilegedSchemes } from './app-origin.js';
import { dispatchWithSession, heldInMemory } from '../held-session.js';
import { appProtocolHandler } from './app-protocol.js';
import { forwardStationEvents, registerStationIpc } from './ipc-router.js';
import { mediaProtocolHandler } from './media-protocol.js';
import { guardContents } from './navigation-guard.js';
import { windowOptions } from './window-options.js';

// Compiled, this file is out/src-main/hosts/electron/main.js; vite builds the renderer to out/renderer/.
const rendererDir = fileURLToPath(new URL('../../../renderer/', import.meta.url));
const preloadPath = fileURLToPath(new URL('./preload.cjs', import.meta.url));

/**
 * While the station runs open (no admin account yet), the window acts for the OS account as an
 * admin, as the command line does: whoever sits at an open station must be able to make its first
 * admin. Once one exists, the window's rights are those of whoever signs in.
 */
const deskCaller: Caller = { name: userInfo().username, role: 'admin' };
/** Whoever signs in at the window: the main process keeps the session, the page never sees it. */
const held = heldInMemory();

// Scheme privileges must be registered before the app is ready.
protocol.registerSchemesAsPrivileged(privilegedSchemes);

function createWindow(): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(appIndexUrl);
  return window;
}

function focusWindow(): void {
  const [window] = BrowserWindow.getAllWindows();
  if (!window) return;
  if (window.isMinimized()) window.restore();
  window.focus();
}

/** The station's database and jobs are closed before the process ends, so no ingest is cut mid-write. */
function closeStationOnQuit(station: Station): void {
  let closed = false;
  app.on('will-quit', (event) => {
    if (closed) return;
    event.preventDefault();
    void station.close().finally(() => {
      closed = true;
      app.quit();
    });
  });
}

async function start(): Promise<void> {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // The desk station watches for recorders being plugged in; the settings say whether it ingests on its own.
  const station = await openStation({ dataDir: app.getPath('userData'), watch: { operator: deskCaller.name } });
  closeStationOnQuit(station);

  protocol.handle(appScheme, appProtocolHandler(rendererDir));
  protocol.handle(mediaScheme, mediaProtocolHandler(station, (name, input) => dispatchWithSession(station, name, input, held, deskCaller)));
  registerStationIpc(ipcMain, station, deskCaller, held);
  forwardStationEvents(station, () => BrowserWindow.getAllWindows().map((window) => window.webContents));

  createWindow();
  await station.startWatching();
}

// Two stations over one database would fight over it: a second launch shows the first window.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', focusWindow);
  app.on('web-contents-created', (_event, contents) => guardContents(contents));
  // A desk station has one window: closing it ends the program, on every platform.
  app.on('window-all-closed', () => app.quit());
  app.whenReady().then(start).catch((error: unknown) => {
    dialog.showErrorBox('执法音像记录采集工作站 / Enforcement Recording Ingest Station', `The station could not start:\n${error instanceof Error ? error.message : String(error)}`);
    app.exit(1);
  });
}
