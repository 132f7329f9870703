import { createQrReader, type QrReader } from './qr-reader.js';

/**
 * How many batches of calibration searches run at once in the station, whatever the number of cards:
 * each holds an ffmpeg decoding 1080p and a QR worker thread (its own V8 heap, tens of MB). One:
 * the searches that arrive while a batch runs wait for it and then go together, in one ffmpeg. With
 * two slots a rack's searches rarely waited, so they rarely shared (eight cards' 32 searches started
 * ffmpeg 24 times); sixteen at once would take the memory and both cores from the copies. A single
 * card's searches come one after another and are not slowed by it.
 */
const atOnce = 1;
/**
 * A QR thread is kept this long after a search for the next one: starting a thread and loading its
 * reader (zxing-wasm) cost about as much as reading the five key frames of a long recording. A
 * rack's searches come one after another; a station idle for longer gives the memory back.
 */
const keepIdleReaderMs = 5_000;
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

/**
 * A queue of searches run `atOnce` slots at a time, first come first served. A slot that comes free
 * takes every search waiting, up to `maxBatch`, and runs them together with one QR reader
 * (`runBatch` settles each of them itself, and says whether its reader is still sound: a batch
 * that failed may have left it mid-frame or dead, and it is not reused).
 */
export function searchQueue<T>(runBatch: (batch: T[], reader: QrReader) => Promise<boolean>, maxBatch: number): (search: T) => void {
  const waiting: T[] = [];
  let running = 0;
  const pump = (): void => {
    while (running < atOnce && waiting.length > 0) {
      const batch = waiting.splice(0, maxBatch);
      const reader = takeReader();
      running += 1;
      void runBatch(batch, reader)
        .catch(() => false)
        .then((sound) => {
          if (sound) keepReader(reader);
          else void reader.close();
          running -= 1;
          pump();
        });
    }
  };
  return (search) => {
    waiting.push(search);
    pump();
  };
}
