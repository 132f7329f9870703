import { constants, promises as fs } from 'node:fs';
import { directBlockBytes, isEinval, openUncached } from './aligned-memory.js';

/**
 * Where a copy is written. Where the file system allows, past the page cache (O_DIRECT): a buffered
 * write copies every byte into the cache and later writes it back, which costs this station more
 * CPU than hashing it (measured: about 2 s of system time per GiB against 0.3 s uncached). Nothing
 * is lost by skipping the cache: the copy is fsynced and read back from the disk before it counts.
 */
export interface CopyTarget {
  /** Writes `length` bytes of `buffer` (an aligned buffer) at `position`; only the last write may be short. */
  write(buffer: Buffer, length: number, position: number): Promise<void>;
  /** Sets the file to its true length: an uncached last write is padded to whole blocks. */
  finish(length: number): Promise<void>;
  close(): Promise<void>;
}

const roundUp = (bytes: number): number => Math.ceil(bytes / directBlockBytes) * directBlockBytes;

/** Creates `path`, which must not exist, for writing. */
export async function createCopyTarget(path: string): Promise<CopyTarget> {
  const create = constants.O_WRONLY | constants.O_CREAT;
  let { handle, uncached: direct } = await openUncached(
    (direct) => fs.open(path, create | constants.O_EXCL | direct, 0o600),
    // A file system without O_DIRECT (tmpfs, some FUSE) refuses it after O_EXCL has passed: the file,
    // if it was created, is ours and empty.
    () => fs.open(path, create, 0o600),
  );
  let padded = false;

  async function writeAll(data: Buffer, position: number): Promise<void> {
    for (let written = 0; written < data.length; ) {
      const { bytesWritten } = await handle.write(data, written, data.length - written, position + written);
      written += bytesWritten;
    }
  }

  async function write(buffer: Buffer, length: number, position: number): Promise<void> {
    if (!direct) return writeAll(buffer.subarray(0, length), position);
    const whole = roundUp(length);
    // Zeros, not the previous chunk's bytes, fill the padding until finish() cuts it off.
    if (whole !== length) {
      buffer.fill(0, length, whole);
      padded = true;
    }
    try {
      await writeAll(buffer.subarray(0, whole), position);
    } catch (error) {
      if (!isEinval(error)) throw error;
      // Opened uncached but a write refused (a disk with larger blocks): the rest goes through the cache.
      const buffered = await fs.open(path, constants.O_WRONLY);
      await handle.close();
      handle = buffered;
      direct = false;
      await writeAll(buffer.subarray(0, length), position);
    }
  }

  async function finish(length: number): Promise<void> {
    if (padded) await handle.truncate(length);
  }

  return { write, finish, close: () => handle.close() };
}
