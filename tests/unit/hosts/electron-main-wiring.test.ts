import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { privilegedSchemes } from '../../../src-main/hosts/electron/app-origin.js';
import { channels } from '../../../src-main/hosts/electron/ipc-router.js';
import { InMemoryIpc } from './in-memory-ipc.js';

/**
 * main.ts is wiring only; Electron cannot start here, so it runs against a stand-in `electron`
 * module (the one place a mock is allowed) and the real core station on a temporary folder.
 */
interface FakeWindow {
  options: { webPreferences?: Record<string, unknown> };
  loadedUrl: string | null;
  focused: number;
  webContents: { isDestroyed(): boolean; send(channel: string, ...args: unknown[]): void };
}

const electron = vi.hoisted(() => ({
  lock: true,
  userData: '',
  order: [] as string[],
  appListeners: new Map<string, Array<(...args: unknown[]) => void>>(),
  windows: [] as FakeWindow[],
  protocolHandlers: new Map<string, (request: Request) => Promise<Response>>(),
  schemes: [] as unknown[],
  permissionHandler: null as null | ((contents: unknown, permission: string, callback: (granted: boolean) => void) => void),
  ipc: null as null | {
    handle(...args: unknown[]): void;
    removeHandler(channel: string): void;
    on(...args: unknown[]): unknown;
    removeListener(...args: unknown[]): unknown;
  },
  quits: 0,
  exitCode: null as number | null,
  errorBox: null as string | null,
}));

vi.mock('electron', () => {
  const app = {
    on(name: string, listener: (...args: unknown[]) => void) {
      electron.appListeners.set(name, [...(electron.appListeners.get(name) ?? []), listener]);
      return app;
    },
    requestSingleInstanceLock: () => electron.lock,
    whenReady: () => {
      electron.order.push('whenReady');
      return Promise.resolve();
    },
    getPath: (name: string) => {
      if (name !== 'userData') throw new Error(`unexpected path ${name}`);
      return electron.userData;
    },
    quit: () => {
      electron.quits += 1;
    },
    exit: (code: number) => {
      electron.exitCode = code;
    },
  };
  class BrowserWindow implements FakeWindow {
    loadedUrl: string | null = null;
    focused = 0;
    readonly webContents = { isDestroyed: () => false, send: () => undefined };
    constructor(readonly options: FakeWindow['options']) {
      electron.windows.push(this);
    }
    static getAllWindows = () => electron.windows;
    once() {}
    show() {}
    isMinimized = () => false;
    restore() {}
    focus() {
      this.focused += 1;
    }
    loadURL(url: string) {
      this.loadedUrl = url;
      return Promise.resolve();
    }
  }
  return {
    app,
    BrowserWindow,
    // Forwards to the IPC of the current test: the module factory runs only once.
    ipcMain: {
      handle: (...args: unknown[]) => electron.ipc!.handle(...args),
      removeHandler: (channel: string) => electron.ipc!.removeHandler(channel),
      on: (...args: unknown[]) => electron.ipc!.on(...args),
      removeListener: (...args: unknown[]) => electron.ipc!.removeListener(...args),
    },
    dialog: {
      showErrorBox: (_title: string, message: string) => {
        electron.errorBox = message;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        electron.order.push('registerSchemesAsPrivileged');
        electron.schemes = schemes;
      },
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) => electron.protocolHandlers.set(scheme, handler),
    },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (handler: typeof electron.permissionHandler) => {
          electron.permissionHandler = handler;
        },
      },
    },
  };
});

const emitApp = (name: string, ...args: unknown[]) => {
  for (const listener of electron.appListeners.get(name) ?? []) listener(...args);
};

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 500 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
  if (!check()) throw new Error('condition not reached');
}

describe('Electron main wiring', () => {
  let dir = '';
  let ipc: InMemoryIpc;

  beforeEach(async () => {
    vi.resetModules();
    dir = await mkdtemp(path.join(tmpdir(), 'station-electron-'));
    ipc = new InMemoryIpc();
    Object.assign(electron, {
      ipc,
      lock: true,
      userData: path.join(dir, 'userData'),
      order: [],
      appListeners: new Map(),
      windows: [],
      protocolHandlers: new Map(),
      schemes: [],
      permissionHandler: null,
      quits: 0,
      exitCode: null,
      errorBox: null,
    });
  });
  afterEach(() => rm(dir, { recursive: true, force: true }));

  it('opens the station in userData and wires protocols, IPC and one locked-down window', async () => {
    await import('../../../src-main/hosts/electron/main.js');
    expect(electron.schemes).toEqual(privilegedSchemes);
    expect(electron.order.indexOf('registerSchemesAsPrivileged')).toBeLessThan(electron.order.indexOf('whenReady'));
    await until(() => electron.windows.length === 1);

    const [window] = electron.windows;
    expect(window!.loadedUrl).toBe('app://station/index.html');
    expect(window!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(String(window!.options.webPreferences?.['preload'])).toMatch(/hosts[/\\]electron[/\\]preload\.cjs$/);
    expect([...electron.protocolHandlers.keys()].sort()).toEqual(['app', 'media']);
    expect((await electron.protocolHandlers.get('media')!(new Request('media://recording/1'))).status).toBe(404);

    const ours = ipc.renderer('app://station/index.html');
    expect(await ours.invoke(channels.command, 'station.info', {})).toMatchObject({ ok: true, value: { dataDir: electron.userData } });
    expect(await ipc.renderer('https://evil.example/').invoke(channels.command, 'station.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });

    let granted: boolean | null = null;
    electron.permissionHandler!(null, 'media', (answer) => (granted = answer));
    expect(granted).toBe(false);

    let openHandler: (() => unknown) | null = null;
    emitApp('web-contents-created', {}, { on: () => undefined, setWindowOpenHandler: (handler: () => unknown) => (openHandler = handler) });
    expect(openHandler!()).toEqual({ action: 'deny' });

    emitApp('second-instance');
    expect(window!.focused).toBe(1);

    // Quitting waits for the station to close (SQLite removes its WAL file), then quits for real.
    const wal = path.join(electron.userData, 'station.db-wal');
    expect(existsSync(wal)).toBe(true);
    let prevented = false;
    emitApp('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(true);
    await until(() => electron.quits === 1);
    expect(existsSync(wal)).toBe(false);
    prevented = false;
    emitApp('will-quit', { preventDefault: () => (prevented = true) });
    expect(prevented).toBe(false);
  });

  it('leaves at once, opening nothing, when another instance holds the lock', async () => {
    electron.lock = false;
    await import('../../../src-main/hosts/electron/main.js');
    expect(electron.quits).toBe(1);
    expect(electron.order).not.toContain('whenReady');
    expect(electron.windows).toEqual([]);
    expect(ipc.registeredChannels()).toEqual([]);
  });

  it('tells the officer and exits when the station cannot open', async () => {
    await writeFile(electron.userData, 'a file where the data folder should be');
    await import('../../../src-main/hosts/electron/main.js');
    await until(() => electron.exitCode !== null);
    expect(electron.exitCode).toBe(1);
    expect(electron.errorBox).toMatch(/could not start/);
    expect(electron.windows).toEqual([]);
  });
});
