import { constants, promises as fs, type PathLike } from 'node:fs';
import { isEinval, openUncached } from './aligned-memory.js';

/**
 * Opens evidence read-only without following a link and, where the platform lets us, without
 * touching its access time: a read must not change the card. O_NOATIME is refused (EPERM) to a
 * reader that does not own the file; then a plain read-only open is all that is possible.
 */
export async function openSourceReadOnly(path: PathLike, extraFlags = 0): Promise<fs.FileHandle> {
  const readOnly = constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | extraFlags;
  if (constants.O_NOATIME !== undefined) {
    try {
      return await fs.open(path, readOnly | constants.O_NOATIME);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EPERM') throw error;
    }
  }
  return fs.open(path, readOnly);
}

/** A source file read once from start to end, into aligned buffers. */
export interface SourceReader {
  /** Bytes read into `buffer` at `offset` from `position`; 0 at the end of the file. */
  read(buffer: Buffer, offset: number, length: number, position: number): Promise<number>;
  close(): Promise<void>;
}

/**
 * Opens a source to be copied past the page cache (O_DIRECT) where its file system allows: every
 * byte is read once, so the cache only costs a second copy in the kernel (measured on a rack of
 * cards: about 0.3 CPU-s per GiB of the station's own time) and evicts what the desk still uses.
 * The card's speed is the same either way. A file system that refuses it (tmpfs, some FUSE) at
 * the open or at a read (an offset that is not a whole block, after a short read) is read through
 * the cache from there on, the same file: a source replaced meanwhile is an error, not a switch.
 */
export async function openSourceForCopy(path: PathLike): Promise<SourceReader> {
  let { handle, uncached } = await openUncached((direct) => openSourceReadOnly(path, direct));

  async function throughTheCache(): Promise<void> {
    const cached = await openSourceReadOnly(path);
    const [before, after] = await Promise.all([handle.stat({ bigint: true }), cached.stat({ bigint: true })]);
    if (before.dev !== after.dev || before.ino !== after.ino) {
      await cached.close();
      throw new Error(`the source file was replaced while it was read: ${String(path)}`);
    }
    await handle.close();
    handle = cached;
    uncached = false;
  }

  return {
    async read(buffer, offset, length, position) {
      if (uncached) {
        try {
          return (await handle.read(buffer, offset, length, position)).bytesRead;
        } catch (error) {
          if (!isEinval(error)) throw error;
          await throughTheCache();
        }
      }
      return (await handle.read(buffer, offset, length, position)).bytesRead;
    },
    close: () => handle.close(),
  };
}
