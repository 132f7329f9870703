import { constants, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import type { VerificationMethod } from '../../contract/index.js';
import { alignedBuffers, openUncached } from './aligned-memory.js';

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

async function openForReadBack(path: string): Promise<{ handle: fs.FileHandle; method: VerificationMethod }> {
  // Refused O_DIRECT is read through the cache, and the record says so.
  const { handle, uncached } = await openUncached((direct) => fs.open(path, constants.O_RDONLY | direct));
  return { handle, method: uncached ? 'o_direct' : 'buffered' };
}

export interface ReadBack {
  sha256: string;
  bytes: number;
  method: VerificationMethod;
}

/**
 * Hashes a file as it is on the disk, bypassing the page cache where the platform allows.
 * Uncached reads get no read-ahead from the kernel, so the next read is always in flight while
 * the last one is hashed.
 */
export async function hashFromDisk(path: string, buffers: ReadBackBuffers = createReadBackBuffers()): Promise<ReadBack> {
  const { handle, method } = await openForReadBack(path);
  try {
    const hash = createHash('sha256');
    let position = 0;
    let [current, spare] = [buffers.a, buffers.b];
    let pending = handle.read(current, 0, chunkBytes, 0);
    for (;;) {
      const { bytesRead } = await pending;
      if (bytesRead === 0) break;
      const full = bytesRead === chunkBytes;
      // An uncached read must start on an aligned offset: after a short read there is nothing more.
      if (full) pending = handle.read(spare, 0, chunkBytes, position + bytesRead);
      hash.update(current.subarray(0, bytesRead));
      position += bytesRead;
      if (!full) break;
      [current, spare] = [spare, current];
    }
    return { sha256: hash.digest('hex'), bytes: position, method };
  } finally {
    await handle.close();
  }
}
