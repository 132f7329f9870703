import { createBridgeApi } from './electron-bridge.js';
import { createHttpApi } from './http-api.js';
import type { StationApi } from './types.js';

export type { StationApi } from './types.js';

/** Electron's preload puts `window.station` in place before any script runs; otherwise we are in a browser. */
export function createApi(): StationApi {
  return window.station ? createBridgeApi(window.station) : createHttpApi();
}
