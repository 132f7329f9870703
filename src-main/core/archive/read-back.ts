import { constants, promises as fs } from 'node:fs';
import { createHash, type Hash } from 'node:crypto';
import type { VerificationMethod } from '../../contract/index.js';
import { StationError } from '../errors.js';
import { alignedBuffers, directBlockBytes, openUncached } from './aligned-memory.js';

const chunkBytes = 4 * 1024 * 1024;

/** Two aligned buffers (see aligned-memory.ts): one is hashed while the next read fills the other. */
export interface ReadBackBuffers {
  a: Buffer;
  b: Buffer;
}

export function createReadBackBuffers(): ReadBackBuffers {
  const [a, b] = alignedBuffers(2, chunkBytes) as [Buffer, Buffer];
  return { a, b };
}

/** One stretch of a file or device: where it starts and how many bytes of it are wanted. */
export interface ByteRange {
  start: number;
  length: number;
}

/** A file or device opened once to be read back from the disk, range by range. */
export interface DiskReader {
  /** Past the page cache, or through it where the file system refused (the record says which). */
  readonly method: VerificationMethod;
  /** Hashes the ranges in order into `hash`; `onBytes` gets each chunk's count. Throws if the file ends first. */
  hashRanges(ranges: readonly ByteRange[], hash: Hash, onBytes?: (bytes: number) => void, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

export interface DiskReaderOptions {
  buffers?: ReadBackBuffers;
  /**
   * Every read's length is rounded up to this: an uncached read takes whole logical blocks. A file
   * may be read past its end (the read comes back short), a device not: an optical disc wants 2048,
   * its sector, since a read past its last sector gets EIO from the drive.
   */
  alignment?: number;
}

async function openForReadBack(path: string): Promise<{ handle: fs.FileHandle; method: VerificationMethod }> {
  // Refused O_DIRECT is read through the cache, and the record says so.
  const { handle, uncached } = await openUncached((direct) => fs.open(path, constants.O_RDONLY | direct));
  return { handle, method: uncached ? 'o_direct' : 'buffered' };
}

function diskReader(path: string, handle: fs.FileHandle, method: VerificationMethod, options: DiskReaderOptions): DiskReader {
  const { buffers = createReadBackBuffers(), alignment = directBlockBytes } = options;
  const chunk = buffers.a.length;
  const alignUp = (n: number): number => Math.ceil(n / alignment) * alignment;

  async function hashRange({ start, length }: ByteRange, hash: Hash, onBytes?: (bytes: number) => void, signal?: AbortSignal): Promise<void> {
    const end = start + length;
    const read = (buffer: Buffer, at: number) => handle.read(buffer, 0, Math.min(chunk, alignUp(end - at)), at);
    let [current, spare] = [buffers.a, buffers.b];
    let position = start;
    // The next read is always in flight while the last chunk is hashed: uncached reads get no read-ahead.
    let pending = length > 0 ? read(current, position) : null;
    while (pending !== null) {
      const { bytesRead } = await pending;
      const useful = Math.min(bytesRead, end - position);
      if (useful < Math.min(chunk, end - position)) {
        throw new StationError('source-unreadable', `${path} ends at byte ${position + useful}, before byte ${end} that was to be read`);
      }
      // Checked between reads, so no read is left in flight when the handle closes.
      signal?.throwIfAborted();
      const next = position + useful;
      pending = next < end ? read(spare, next) : null;
      hash.update(current.subarray(0, useful));
      onBytes?.(useful);
      position = next;
      [current, spare] = [spare, current];
    }
  }

  return {
    method,
    async hashRanges(ranges, hash, onBytes, signal) {
      for (const range of ranges) await hashRange(range, hash, onBytes, signal);
    },
    close: () => handle.close(),
  };
}

/** Opens a file or device to be read back past the page cache where the platform and file system allow. */
export async function openDiskReader(path: string, options: DiskReaderOptions = {}): Promise<DiskReader> {
  const { handle, method } = await openForReadBack(path);
  return diskReader(path, handle, method, options);
}

export interface ReadBack {
  sha256: string;
  bytes: number;
  method: VerificationMethod;
}

/** Hashes a whole file as it is on the disk: its one range, as long as the open file is now. `onBytes` gets each chunk's count. */
export async function hashFromDisk(path: string, buffers: ReadBackBuffers = createReadBackBuffers(), onBytes?: (bytes: number) => void): Promise<ReadBack> {
  const { handle, method } = await openForReadBack(path);
  const reader = diskReader(path, handle, method, { buffers });
  try {
    const { size } = await handle.stat();
    const hash = createHash('sha256');
    await reader.hashRanges([{ start: 0, length: size }], hash, onBytes);
    return { sha256: hash.digest('hex'), bytes: size, method };
  } finally {
    await reader.close();
  }
}
