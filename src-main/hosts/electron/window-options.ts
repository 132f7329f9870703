import type { BrowserWindowConstructorOptions } from 'electron';

/** The station window: a sandboxed renderer that reaches the station only through the preload. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    title: '执法音像记录采集工作站 · Enforcement Recording Ingest Station',
    // Shown on ready-to-show, so the officer never sees a blank white frame.
    show: false,
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: false,
    },
  };
}
