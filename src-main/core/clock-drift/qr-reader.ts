import { Worker } from 'node:worker_threads';
import type { QrRequest } from './qr-worker.js';

/** Reads the text of a QR code in grayscale frames, one frame at a time, on a worker thread. */
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

  return {
    read(gray, width, height) {
      if (failure !== null) return Promise.reject(failure);
      if (pending !== null) return Promise.reject(new Error('one frame at a time'));
      return new Promise((resolve, reject) => {
        pending = { resolve, reject };
        worker.ref();
        const request: QrRequest = { gray, width, height };
        // Transferred, not copied: the frame is not used again on this side.
        worker.postMessage(request, [gray.buffer as ArrayBuffer]);
      });
    },
    async close() {
      failure ??= new Error('the QR reader is closed');
      await worker.terminate();
    },
  };
}
