import { createQrReader, type QrReader } from './qr-reader.js';

/**
 * How many calibration searches run at once in the station, whatever the number of cards: each
 * holds an ffmpeg decoding 1080p and a QR worker thread (its own V8 heap, tens of MB). With a rack
 * of sixteen cards finishing together, sixteen at once would take the memory and both cores from
 * the copies, and the searches' own time budget would run out waiting for the CPU.
 */
const atOnce = 2;
/**
 * A QR thread is kept this long after a search for the next one: starting a thread and loading its
 * reader (zxing-wasm) cost about as much as reading the five key frames of a long recording. A
 * rack's searches come one after another; a station idle for longer gives the memory back.
 */
const keepIdleReaderMs = 5_000;
let running = 0;
const waiting: (() => void)[] = [];
const idleReaders: { reader: QrReader; timer: NodeJS.Timeout }[] = [];

function takeReader(): QrReader {
  const kept = idleReaders.pop();
  if (kept === undefined) return createQrReader();
  clearTimeout(kept.timer);
  return kept.reader;
}

function keepReader(reader: QrReader): void {
  const entry = {
    reader,
    timer: setTimeout(() => {
      idleReaders.splice(idleReaders.indexOf(entry), 1);
      void reader.close();
    }, keepIdleReaderMs),
  };
  entry.timer.unref();
  idleReaders.push(entry);
}

/** Runs `search` with a QR reader when a slot is free, first come first served. */
export async function inSearchSlot<T>(search: (reader: QrReader) => Promise<T>): Promise<T> {
  // A freed slot is handed to the first in line, never back to the pool: one arriving meanwhile waits.
  if (running >= atOnce) await new Promise<void>((go) => waiting.push(go));
  else running += 1;
  const reader = takeReader();
  let healthy = false;
  try {
    const result = await search(reader);
    healthy = true;
    return result;
  } finally {
    // A search that failed may have left its reader mid-frame or dead: it is not reused.
    if (healthy) keepReader(reader);
    else void reader.close();
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}
