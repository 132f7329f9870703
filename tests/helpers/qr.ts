import { createRequire } from 'node:module';

type JsQR = typeof import('jsqr').default;
// jsqr's module.exports is the function itself (see src-main/core/clock-drift/qr-worker.ts); its types declare a default export.
const jsQR = createRequire(import.meta.url)('jsqr') as JsQR;

export interface GrayImage {
  width: number;
  height: number;
  /** One byte of luminance per pixel, row by row. */
  gray: Uint8Array;
}

/** The text of the QR code jsQR finds in a grey image (as RGBA, which it takes), or null. */
export function readQr({ width, height, gray }: GrayImage, options?: Parameters<JsQR>[3]): string | null {
  const rgba = new Uint8ClampedArray(width * height * 4);
  gray.forEach((v, i) => rgba.set([v, v, v, 255], i * 4));
  return jsQR(rgba, width, height, options)?.data ?? null;
}
