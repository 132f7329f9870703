import type { EventReceiver, IpcMainLike } from '../../../src-main/hosts/electron/ipc-router.js';

type InvokeListener = Parameters<IpcMainLike['handle']>[1];
type SyncListener = Parameters<IpcMainLike['on']>[1];
type RendererListener = (ipcEvent: unknown, ...args: unknown[]) => void;

/**
 * Main and renderer ends of IPC in one process, behaving as Electron's do where the hosts rely
 * on it: one handler per channel, arguments and results structured-cloned, the sender's frame
 * URL attached to every event.
 */
export class InMemoryIpc implements IpcMainLike {
  private readonly handlers = new Map<string, InvokeListener>();
  private readonly syncListeners = new Map<string, Set<SyncListener>>();

  handle(channel: string, listener: InvokeListener): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, listener);
  }

  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }

  on(channel: string, listener: SyncListener): this {
    const set = this.syncListeners.get(channel) ?? new Set();
    set.add(listener);
    this.syncListeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: SyncListener): this {
    this.syncListeners.get(channel)?.delete(listener);
    return this;
  }

  registeredChannels(): string[] {
    return [...this.handlers.keys(), ...[...this.syncListeners].filter(([, set]) => set.size > 0).map(([channel]) => channel)];
  }

  /** A renderer whose frame shows `frameUrl` (null: a frame already gone). */
  renderer(frameUrl: string | null): FakeRenderer {
    return new FakeRenderer(this, frameUrl === null ? null : { url: frameUrl }, this.handlers, this.syncListeners);
  }
}

export class FakeRenderer implements EventReceiver {
  private readonly listeners = new Map<string, Set<RendererListener>>();
  destroyed = false;

  constructor(
    private readonly main: InMemoryIpc,
    private readonly frame: { url: string } | null,
    private readonly handlers: ReadonlyMap<string, InvokeListener>,
    private readonly syncListeners: ReadonlyMap<string, Set<SyncListener>>,
  ) {}

  /** ipcRenderer.invoke */
  async invoke(channel: string, ...args: unknown[]): Promise<unknown> {
    const handler = this.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return structuredClone(await handler({ senderFrame: this.frame }, ...structuredClone(args)));
  }

  /** ipcRenderer.sendSync */
  sendSync(channel: string): unknown {
    const event = { senderFrame: this.frame, returnValue: undefined as unknown };
    for (const listener of this.syncListeners.get(channel) ?? []) listener(event);
    return structuredClone(event.returnValue);
  }

  /** ipcRenderer.on / removeListener */
  on(channel: string, listener: RendererListener): this {
    const set = this.listeners.get(channel) ?? new Set();
    set.add(listener);
    this.listeners.set(channel, set);
    return this;
  }

  removeListener(channel: string, listener: RendererListener): this {
    this.listeners.get(channel)?.delete(listener);
    return this;
  }

  listenerCount(channel: string): number {
    return this.listeners.get(channel)?.size ?? 0;
  }

  /** webContents.send, as the main process sees this renderer. */
  send(channel: string, ...args: unknown[]): void {
    const ipcEvent = { sender: this.main, ports: [] };
    for (const listener of this.listeners.get(channel) ?? []) listener(ipcEvent, ...structuredClone(args));
  }

  isDestroyed(): boolean {
    return this.destroyed;
  }
}
