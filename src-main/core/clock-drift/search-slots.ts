/**
 * How many calibration searches run at once in the station, whatever the number of cards: each
 * holds an ffmpeg decoding 1080p and a QR worker thread (its own V8 heap, tens of MB). With a rack
 * of sixteen cards finishing together, sixteen at once would take the memory and both cores from
 * the copies, and the searches' own time budget would run out waiting for the CPU.
 */
const atOnce = 2;
let running = 0;
const waiting: (() => void)[] = [];

/** Runs `search` when a slot is free, first come first served. */
export async function inSearchSlot<T>(search: () => Promise<T>): Promise<T> {
  if (running >= atOnce) await new Promise<void>((go) => waiting.push(go));
  running += 1;
  try {
    return await search();
  } finally {
    running -= 1;
    waiting.shift()?.();
  }
}
