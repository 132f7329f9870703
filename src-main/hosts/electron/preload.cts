/**
 * The only bridge between the sandboxed renderer and the station. A sandboxed preload runs as
 * CommonJS and may require nothing but `electron`, so the channel names and the media URL are
 * spelled here rather than imported (ipc-router.ts and app-origin.ts hold the same strings).
 * The renderer gets named functions; ipcRenderer itself never crosses the bridge.
 */
// verbatimModuleSyntax forbids `import … from` in a CommonJS file; this is its CommonJS form.
// eslint-disable-next-line @typescript-eslint/no-require-imports
import electron = require('electron');

const { contextBridge, ipcRenderer } = electron;

const commandNames = ipcRenderer.sendSync('station:command-names') as unknown;

type Listener = (event: unknown) => void;

const bridge: Record<string, unknown> = {
  onEvent(listener: Listener): () => void {
    // The IPC event object would hand the renderer a handle on its sender: pass the payload only.
    const relay = (_ipcEvent: unknown, event: unknown): void => listener(event);
    ipcRenderer.on('station:event', relay);
    return () => {
      ipcRenderer.removeListener('station:event', relay);
    };
  },
  /** The recording itself, or with `thumbnail` its frame for the list. */
  mediaUrl(recordingId: number, part?: 'thumbnail'): string {
    return `media://recording/${encodeURIComponent(String(recordingId))}${part === 'thumbnail' ? '/thumbnail' : ''}`;
  },
};

for (const name of Array.isArray(commandNames) ? commandNames : []) {
  if (typeof name === 'string') bridge[name] = (input?: unknown) => ipcRenderer.invoke('station:command', name, input);
}

contextBridge.exposeInMainWorld('station', bridge);
