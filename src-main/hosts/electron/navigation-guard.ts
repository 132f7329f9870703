import type { WebContents } from 'electron';
import { isAppUrl } from './app-origin.js';

type GuardedContents = Pick<WebContents, 'on' | 'setWindowOpenHandler'>;

/** Keeps every web contents on our own pages: no navigation away, no new windows, no webviews. */
export function guardContents(contents: GuardedContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}
