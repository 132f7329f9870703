import type { PathLike } from 'node:fs';
import { createHash } from 'node:crypto';
import { alignedBuffers } from './aligned-memory.js';
import { createCopyTarget } from './copy-target.js';
import { openSourceForCopy, type SourceReader } from './source-file.js';

const chunkBytes = 1024 * 1024;
// The buffers a copy takes in turn: the card may be read up to three chunks past the write in
// progress. Writes stall now and then (a flush for another file's fsync, eight cards' read-backs at
// once: 50 to 150 ms for 1 MB where it is usually 5); with only the next chunk to read, each stall
// left the card idle as long. 4 MiB of aligned memory for each ingest.
const copyBufferCount = 4;

/** Aligned buffers (the source is read and the copy written uncached), used in turn: the card is read into one while earlier ones are written. */
export type CopyBuffers = readonly Buffer[];

export function createCopyBuffers(): CopyBuffers {
  return alignedBuffers(copyBufferCount, chunkBytes);
}

export interface StreamCopyResult {
  sha256: string;
  bytes: number;
}

/** Fills the buffer unless the file ends first: an uncached write needs whole chunks until the last. */
async function readFull(source: SourceReader, buffer: Buffer, position: number): Promise<number> {
  let filled = 0;
  while (filled < buffer.length) {
    const bytesRead = await source.read(buffer, filled, buffer.length - filled, position + filled);
    if (bytesRead === 0) break;
    filled += bytesRead;
  }
  return filled;
}

/**
 * Reads an open source once, hashing each chunk as it passes and handing it to `sink`. The sink's
 * calls run one after another, in file order, while the reads go on into the other buffers: a
 * buffer is read into again once its last sink call has ended. The next read is asked for before
 * a chunk is hashed, so a card is never idle while the station hashes.
 */
export async function streamSource(
  source: SourceReader,
  buffers: CopyBuffers,
  sink: (buffer: Buffer, length: number, position: number) => Promise<void>,
  onBytes: (bytes: number) => void,
  signal: AbortSignal,
): Promise<StreamCopyResult> {
  // The next read goes into the next buffer while this one waits to be written.
  if (buffers.length < 2) throw new RangeError(`a copy takes turns with at least two buffers, not ${buffers.length}`);
  // Each buffer's last sink call, and the last of all.
  const written: Promise<void>[] = buffers.map(() => Promise.resolve());
  let writing = Promise.resolve();
  let writeFailed = false;
  const readInto = async (turn: number, position: number): Promise<number> => {
    await written[turn];
    return readFull(source, buffers[turn] as Buffer, position);
  };
  try {
    const hash = createHash('sha256');
    let position = 0;
    let turn = 0;
    let reading = readInto(turn, position);
    for (;;) {
      const bytesRead = await reading;
      signal.throwIfAborted();
      // A write failed meanwhile: its error ends the copy before the card is read any further.
      if (writeFailed) await writing;
      if (bytesRead === 0) break;
      const buffer = buffers[turn] as Buffer;
      const at = position;
      position += bytesRead;
      const ended = bytesRead < buffer.length;
      const following = (turn + 1) % buffers.length;
      if (!ended) reading = readInto(following, position);
      hash.update(buffer.subarray(0, bytesRead));
      // Writes queued before a stop are not made: the partial copy is deleted.
      writing = writing.then(() => {
        signal.throwIfAborted();
        return sink(buffer, bytesRead, at);
      });
      // Handled here, so not unhandled meanwhile; thrown where it is awaited (at the next read, or at the end).
      writing.catch(() => (writeFailed = true));
      written[turn] = writing;
      onBytes(bytesRead);
      if (ended) break;
      turn = following;
    }
    await writing;
    return { sha256: hash.digest('hex'), bytes: position };
  } finally {
    // No write may still use a buffer or the target once this returns or throws.
    await writing.catch(() => undefined);
  }
}

/**
 * Copies the source to `targetPath` (which must not exist), hashing as the bytes pass: the card is
 * read ahead of the writes, so a slow card is never idle. The source is only read.
 *
 * Both files are opened at once, and closed at once, and `checkRoom` (the free-space check) runs
 * beside the opens: each of them waits its turn at the I/O threads and then at the station's busy
 * main thread (about 10 ms each on a rack of eight cards), and the card reads nothing meanwhile.
 * Nothing is read unless `checkRoom` resolves; its failure is thrown first.
 */
export async function streamCopy(
  sourcePath: PathLike,
  targetPath: string,
  buffers: CopyBuffers,
  onBytes: (bytes: number) => void,
  signal: AbortSignal,
  checkRoom: () => Promise<void> = () => Promise.resolve(),
): Promise<StreamCopyResult> {
  const [room, target, source] = await Promise.allSettled([checkRoom(), createCopyTarget(targetPath), openSourceForCopy(sourcePath)]);
  const closeOpened = () => Promise.allSettled([target, source].map((opened) => opened.status === 'fulfilled' && opened.value.close()));
  if (room.status === 'rejected' || target.status === 'rejected' || source.status === 'rejected') {
    await closeOpened();
    throw ([room, target, source].find((step) => step.status === 'rejected') as PromiseRejectedResult).reason;
  }
  let result: StreamCopyResult;
  try {
    result = await streamSource(source.value, buffers, target.value.write, onBytes, signal);
    await target.value.finish(result.bytes);
  } catch (error) {
    // The copy's own failure is the one to tell (a full disk stops the ingest), not a close after it.
    await closeOpened();
    throw error;
  }
  // A card pulled once every byte was read and hashed leaves the copy whole: only the target's close can fail it.
  const [targetClosed] = await closeOpened();
  if (targetClosed?.status === 'rejected') throw targetClosed.reason;
  return result;
}

/** Hashes the source without writing anything: used to confirm a file we may already hold. */
export async function hashSource(sourcePath: PathLike, buffers: CopyBuffers, onBytes: (bytes: number) => void, signal: AbortSignal): Promise<StreamCopyResult> {
  const source = await openSourceForCopy(sourcePath);
  try {
    return await streamSource(source, buffers, () => Promise.resolve(), onBytes, signal);
  } finally {
    await source.close();
  }
}
