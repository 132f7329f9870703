const storageKey = 'station.token';

/**
 * Browser mode's start token. The printed address carries it in the fragment (`#token=…`, which the
 * browser never sends to any server), optionally followed by a route (`#token=…#/clock`). It moves
 * into this tab's sessionStorage, which belongs to this one origin (scheme, host and port) and
 * survives a reload, and the address bar is cleaned so the token is not left on screen or in the
 * tab's back and forward list. Null when the tab was opened without it.
 */
export function takeStartToken(location: Location, history: History, storage: Storage): string | null {
  const match = /^#token=([\w-]+)(#.*)?$/.exec(location.hash);
  if (match) {
    storage.setItem(storageKey, match[1]!);
    history.replaceState(null, '', `${location.pathname}${location.search}${match[2] ?? ''}`);
  }
  return storage.getItem(storageKey);
}

/**
 * The printed address pasted into a tab already showing this port (the station restarted with a
 * new token) changes only the fragment, so the page is not loaded again: take the new token and
 * load the page again with it.
 */
export function reloadOnNewStartToken(window: Window): void {
  window.addEventListener('hashchange', () => {
    if (!window.location.hash.startsWith('#token=')) return;
    takeStartToken(window.location, window.history, window.sessionStorage);
    window.location.reload();
  });
}
