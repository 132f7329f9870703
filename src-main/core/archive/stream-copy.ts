import type { PathLike } from 'node:fs';
import { createHash } from 'node:crypto';
import { alignedBuffers } from './aligned-memory.js';
import { createCopyTarget } from './copy-target.js';
import { openSourceForCopy, type SourceReader } from './source-file.js';

const chunkBytes = 1024 * 1024;

/** Two aligned buffers (the source is read and the copy written uncached): one is hashed and written while the next read fills the other. */
export interface CopyBuffers {
  a: Buffer;
  b: Buffer;
}

export function createCopyBuffers(): CopyBuffers {
  const [a, b] = alignedBuffers(2, chunkBytes) as [Buffer, Buffer];
  return { a, b };
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

/** Reads the source once, hashing each chunk as it passes and handing it to `sink`; the next read overlaps the sink. */
async function streamSource(
  sourcePath: PathLike,
  buffers: CopyBuffers,
  sink: (buffer: Buffer, length: number, position: number) => Promise<void>,
  onBytes: (bytes: number) => void,
  signal: AbortSignal,
): Promise<StreamCopyResult> {
  const source = await openSourceForCopy(sourcePath);
  try {
    const hash = createHash('sha256');
    let position = 0;
    let current = buffers.a;
    let spare = buffers.b;
    let bytesRead = await readFull(source, current, 0);
    while (bytesRead > 0) {
      signal.throwIfAborted();
      // The next read and the write go to the thread pool first, so hashing this chunk overlaps them.
      const io = Promise.all([readFull(source, spare, position + bytesRead), sink(current, bytesRead, position)]);
      hash.update(current.subarray(0, bytesRead));
      const [read] = await io;
      position += bytesRead;
      onBytes(bytesRead);
      bytesRead = read;
      [current, spare] = [spare, current];
    }
    return { sha256: hash.digest('hex'), bytes: position };
  } finally {
    await source.close();
  }
}

/**
 * Copies the source to `targetPath` (which must not exist), hashing as the bytes pass: the next
 * chunk is read while the last is written, so a slow card is never idle. The source is only read.
 */
export async function streamCopy(
  sourcePath: PathLike,
  targetPath: string,
  buffers: CopyBuffers,
  onBytes: (bytes: number) => void,
  signal: AbortSignal,
): Promise<StreamCopyResult> {
  const target = await createCopyTarget(targetPath);
  try {
    const result = await streamSource(sourcePath, buffers, target.write, onBytes, signal);
    await target.finish(result.bytes);
    return result;
  } finally {
    await target.close();
  }
}

/** Hashes the source without writing anything: used to confirm a file we may already hold. */
export const hashSource = (sourcePath: PathLike, buffers: CopyBuffers, onBytes: (bytes: number) => void, signal: AbortSignal) =>
  streamSource(sourcePath, buffers, () => Promise.resolve(), onBytes, signal);
