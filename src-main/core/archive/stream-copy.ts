import { constants, promises as fs, type PathLike } from 'node:fs';
import { createHash } from 'node:crypto';

const chunkBytes = 1024 * 1024;

export interface CopyBuffers {
  a: Buffer;
  b: Buffer;
}

export const createCopyBuffers = (): CopyBuffers => ({ a: Buffer.allocUnsafe(chunkBytes), b: Buffer.allocUnsafe(chunkBytes) });

/**
 * Opens evidence read-only without following a link and, where the platform lets us, without
 * touching its access time: a read must not change the card. O_NOATIME is refused (EPERM) to a
 * reader that does not own the file; then a plain read-only open is all that is possible.
 */
export async function openSourceReadOnly(path: PathLike): Promise<fs.FileHandle> {
  const readOnly = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0);
  if (constants.O_NOATIME !== undefined) {
    try {
      return await fs.open(path, readOnly | constants.O_NOATIME);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    }
  }
  return fs.open(path, readOnly);
}

export interface StreamCopyResult {
  sha256: string;
  bytes: number;
}

async function writeAll(target: fs.FileHandle, data: Buffer, position: number): Promise<void> {
  let written = 0;
  while (written < data.length) {
    const { bytesWritten } = await target.write(data, written, data.length - written, position + written);
    written += bytesWritten;
  }
}

/** Reads the source once, hashing each chunk as it passes and handing it to `sink`; the next read overlaps the sink. */
async function streamSource(
  sourcePath: PathLike,
  buffers: CopyBuffers,
  sink: (chunk: Buffer, position: number) => Promise<void>,
  onBytes: (bytes: number) => void,
  signal: AbortSignal,
): Promise<StreamCopyResult> {
  const source = await openSourceReadOnly(sourcePath);
  try {
    const hash = createHash('sha256');
    let position = 0;
    let current = buffers.a;
    let spare = buffers.b;
    let { bytesRead } = await source.read(current, 0, current.length, 0);
    while (bytesRead > 0) {
      signal.throwIfAborted();
      const chunk = current.subarray(0, bytesRead);
      // The next read and the write go to the thread pool first, so hashing this chunk overlaps them.
      const io = Promise.all([source.read(spare, 0, spare.length, position + bytesRead), sink(chunk, position)]);
      hash.update(chunk);
      const [read] = await io;
      position += bytesRead;
      onBytes(bytesRead);
      bytesRead = read.bytesRead;
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
  const target = await fs.open(targetPath, 'wx', 0o600);
  try {
    return await streamSource(sourcePath, buffers, (chunk, position) => writeAll(target, chunk, position), onBytes, signal);
  } finally {
    await target.close();
  }
}

/** Hashes the source without writing anything: used to confirm a file we may already hold. */
export const hashSource = (sourcePath: PathLike, buffers: CopyBuffers, onBytes: (bytes: number) => void, signal: AbortSignal) =>
  streamSource(sourcePath, buffers, () => Promise.resolve(), onBytes, signal);
