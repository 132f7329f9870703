import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import { guardContents } from '../../../src-main/hosts/electron/navigation-guard.js';

/** Stands in for a WebContents: its events and its window-open handler. */
class Contents extends EventEmitter {
  openHandler: ((details: { url: string }) => unknown) | null = null;
  setWindowOpenHandler(handler: (details: { url: string }) => unknown): void {
    this.openHandler = handler;
  }
  /** Emits like Electron: an event carrying the URL, whose default can be prevented. */
  attempt(name: string, url: string): boolean {
    let prevented = false;
    this.emit(name, { url, preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

describe('navigation guard', () => {
  const contents = new Contents();
  guardContents(contents as unknown as Parameters<typeof guardContents>[0]);

  it.each(['will-navigate', 'will-redirect'])('keeps %s on our own pages', (name) => {
    expect(contents.attempt(name, 'app://station/recordings')).toBe(false);
    expect(contents.attempt(name, 'https://evil.example/')).toBe(true);
    expect(contents.attempt(name, 'file:///etc/passwd')).toBe(true);
    expect(contents.attempt(name, 'app://other/')).toBe(true);
  });

  it('refuses webviews and new windows', () => {
    expect(contents.attempt('will-attach-webview', 'app://station/')).toBe(true);
    expect(contents.openHandler?.({ url: 'app://station/index.html' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
  });
});
