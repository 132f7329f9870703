// Runs the QR decoder off the station's main thread: one frame of busy footage can take tens of
// milliseconds to search, and in the desktop app the main thread also answers the window.
// The decoder is zxing-cpp compiled to WebAssembly (zxing-wasm): on the key frames of 1080p
// footage scaled to 640×360 it takes about 2.5 ms a frame where jsQR took 7, and 5 where jsQR took
// 22 while its JavaScript was still cold, which each search thread pays again.
// Kept to erasable TypeScript (types only) so Node can run it from source in tests.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { parentPort } from 'node:worker_threads';
import { prepareZXingModule, readBarcodes, type ReaderOptions } from 'zxing-wasm/reader';

export interface QrRequest {
  /** One byte of luminance per pixel, row by row. */
  gray: Uint8Array;
  width: number;
  height: number;
}

// The module would fetch its .wasm from a CDN; the station is offline, so it is read from the package.
const wasm = readFileSync(createRequire(import.meta.url).resolve('zxing-wasm/reader/zxing_reader.wasm'));
const ready = prepareZXingModule({
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) },
  fireImmediately: true,
});

// The station's screen shows dark modules on a light ground, upright, at one size: trying the
// inverted, rotated or downscaled picture too would multiply the cost for nothing.
const OPTIONS: ReaderOptions = { formats: ['QRCode'], tryHarder: false, tryRotate: false, tryInvert: false, tryDownscale: false, maxNumberOfSymbols: 1 };

let rgba = new Uint8ClampedArray(0);

async function decode({ gray, width, height }: QrRequest): Promise<string | null> {
  const pixels = width * height;
  if (rgba.length !== pixels * 4) rgba = new Uint8ClampedArray(pixels * 4);
  for (let i = 0, j = 0; i < pixels; i += 1, j += 4) {
    const v = gray[i] ?? 0;
    rgba[j] = v;
    rgba[j + 1] = v;
    rgba[j + 2] = v;
    rgba[j + 3] = 255;
  }
  await ready;
  const [found] = await readBarcodes({ data: rgba, width, height, colorSpace: 'srgb' }, OPTIONS);
  return found?.isValid ? found.text : null;
}

parentPort?.on('message', (request: QrRequest) => {
  decode(request).then(
    (text) => parentPort?.postMessage(text),
    // A decoder that cannot start fails every search alike: the reader reports it as an error.
    (error: unknown) => {
      throw error;
    },
  );
});
