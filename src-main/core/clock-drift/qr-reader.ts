import { Worker } from 'node:worker_threads';
import type { QrRequest } from './qr-worker.js';

/** Reads the text of a QR code in grayscale frames on a worker thread, one frame at a time, in the order asked. */
export interface QrReader {
  read(gray: Uint8Array, width: number, height: number): Promise<string | null>;
  close(): Promise<void>;
}

// Tests load this module from its TypeScript source, where Node runs the worker's source as is
// (it strips the types); the built station loads both as compiled JavaScript.
const WORKER = new URL(import.meta.url.endsWith('.ts') ? './qr-worker.ts' : './qr-worker.js', import.meta.url);

export function createQrReader(): QrReader {
  const worker = new Worker(WORKER);
  // The thread keeps the station alive only while it reads a frame: an idle reader kept for the
  // next search must not hold a finished command line open.
  worker.unref();
  let pending: { resolve(text: string | null): void; reject(error: Error): void } | null = null;
  let failure: Error | null = null;
  const fail = (error: Error): void => {
    failure = error;
    pending?.reject(error);
    pending = null;
  };
  worker.on('message', (text: string | null) => {
    worker.unref();
    pending?.resolve(text);
    pending = null;
  });
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`the QR decoder thread stopped (exit code ${code})`)));

  const readNow = (gray: Uint8Array, width: number, height: number): Promise<string | null> => {
    if (failure !== null) return Promise.reject(failure);
    return new Promise((resolve, reject) => {
      pending = { resolve, reject };
      worker.ref();
      const request: QrRequest = { gray, width, height };
      // Transferred, not copied: the frame is not used again on this side.
      worker.postMessage(request, [gray.buffer as ArrayBuffer]);
    });
  };
  // The thread reads one frame at a time: frames asked for meanwhile (the videos of one batch of
  // searches) wait their turn, in the order asked.
  let last: Promise<unknown> = Promise.resolve();

  return {
    read(gray, width, height) {
      const read = last.then(() => readNow(gray, width, height));
      last = read.catch(() => null);
      return read;
    },
    async close() {
      failure ??= new Error('the QR reader is closed');
      await worker.terminate();
    },
  };
}
