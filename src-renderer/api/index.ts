import { createBridgeApi } from './electron-bridge.js';
import { createHttpApi } from './http-api.js';
import { reloadOnNewStartToken, takeStartToken } from './sign-in.js';
import type { StationApi } from './types.js';

export type { StationApi } from './types.js';

/**
 * Electron's preload puts `window.station` in place before any script runs; otherwise we are in a
 * browser, signed in only if the tab was opened from the address the station printed.
 * `onSignedOut` is told when the station refuses the page's token (it restarted with a new one).
 */
export function createApi(onSignedOut: () => void): { api: StationApi; signedIn: boolean } {
  if (window.station) return { api: createBridgeApi(window.station), signedIn: true };
  const token = takeStartToken(window.location, window.history, window.sessionStorage);
  reloadOnNewStartToken(window);
  return { api: createHttpApi(token, onSignedOut), signedIn: token !== null };
}
