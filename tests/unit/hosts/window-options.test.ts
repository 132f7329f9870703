import { describe, expect, it } from 'vitest';
import { windowOptions } from '../../../src-main/hosts/electron/window-options.js';

describe('station window options', () => {
  it('isolates and sandboxes the renderer, with our preload as its only bridge', () => {
    const options = windowOptions('/opt/station/preload.cjs');
    expect(options.webPreferences).toMatchObject({
      preload: '/opt/station/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
    expect(options.webPreferences).not.toHaveProperty('experimentalFeatures');
    expect(options.show).toBe(false);
  });
});
