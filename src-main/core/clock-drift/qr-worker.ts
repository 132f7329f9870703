// Runs jsQR off the station's main thread: one frame of busy footage can take a quarter of a
// second to search, and in the desktop app the main thread also answers the window.
// Kept to erasable TypeScript (types only) so Node can run it from source in tests.
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';

type JsQR = typeof import('jsqr').default;

export interface QrRequest {
  /** One byte of luminance per pixel, row by row. */
  gray: Uint8Array;
  width: number;
  height: number;
}

// jsqr is CommonJS whose module.exports is the function itself, while its types declare a default
// export: require gives the function on every loader.
const jsQR = createRequire(import.meta.url)('jsqr') as JsQR;
let rgba = new Uint8ClampedArray(0);

function decode({ gray, width, height }: QrRequest): string | null {
  const pixels = width * height;
  if (rgba.length !== pixels * 4) rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0, j = 0; i < pixels; i += 1, j += 4) {
    const v = gray[i] ?? 0;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  // The station's screen shows dark modules on a light ground: trying the inverted image too would
  // double the cost for nothing.
  return jsQR(rgba, width, height, { inversionAttempts: 'dontInvert' })?.data ?? null;
}

parentPort?.on('message', (request: QrRequest) => {
  parentPort?.postMessage(decode(request));
});
