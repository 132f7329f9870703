// Reads byte ranges of a burned copy straight from its device, past the page cache: a check that
// read what the burn just left in memory would prove nothing about the disc.
import { constants, promises as fs } from 'node:fs';
import type { Hash } from 'node:crypto';
import { createReadBackBuffers, type ReadBackBuffers } from '../archive/index.js';
import { StationError } from '../errors.js';

/** One stretch of the device: where it starts and how many bytes of it are wanted. */
export interface ByteRange {
  start: number;
  length: number;
}

// O_DIRECT lengths must be whole logical blocks. 2048, an optical disc's sector: a disc burned
// disc-at-once ends at the image's last sector, and a read rounded up past it gets EIO from the
// drive, not a short read. (512-byte devices and files on them take it too; a 4096-byte-sector disk
// as the drive would not.)
const alignment = 2048;
const alignUp = (n: number): number => Math.ceil(n / alignment) * alignment;

export interface DeviceReader {
  /** Hashes the ranges in order into `hash`; `onBytes` gets each chunk's count. Throws if the device ends first. */
  hashRanges(ranges: readonly ByteRange[], hash: Hash, onBytes: (bytes: number) => void, signal?: AbortSignal): Promise<void>;
  close(): Promise<void>;
}

/** Opens the device (or file) uncached where the platform and file system allow. */
export async function openDevice(path: string, buffers: ReadBackBuffers = createReadBackBuffers()): Promise<DeviceReader> {
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_DIRECT ?? 0));
  } catch (error) {
    // tmpfs and some FUSE file systems refuse O_DIRECT; a stdio file there is read through the cache.
    if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
    handle = await fs.open(path, constants.O_RDONLY);
  }
  const chunk = buffers.a.length;

  async function hashRange({ start, length }: ByteRange, hash: Hash, onBytes: (bytes: number) => void, signal?: AbortSignal): Promise<void> {
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
      onBytes(useful);
      position = next;
      [current, spare] = [spare, current];
    }
  }

  return {
    async hashRanges(ranges, hash, onBytes, signal) {
      for (const range of ranges) await hashRange(range, hash, onBytes, signal);
    },
    close: () => handle.close(),
  };
}
