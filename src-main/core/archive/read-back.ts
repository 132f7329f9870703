import { constants, promises as fs } from 'node:fs';
import { createHash } from 'node:crypto';
import type { VerificationMethod } from '../../contract/index.js';

const chunkBytes = 4 * 1024 * 1024;
const wasmPageBytes = 64 * 1024;

/**
 * O_DIRECT needs the buffer address, offset and length aligned to the block size. Node's Buffers
 * are not, but WebAssembly memory is mapped page-aligned, so a Buffer over it is.
 */
function alignedBuffer(): Buffer {
  const memory = new WebAssembly.Memory({ initial: chunkBytes / wasmPageBytes });
  return Buffer.from(memory.buffer, 0, chunkBytes);
}

async function openForReadBack(path: string): Promise<{ handle: fs.FileHandle; method: VerificationMethod }> {
  const direct = constants.O_DIRECT;
  if (direct !== undefined) {
    try {
      return { handle: await fs.open(path, constants.O_RDONLY | direct), method: 'o_direct' };
    } catch (error) {
      // tmpfs and some FUSE file systems refuse O_DIRECT; fall back and say so in the record.
      if ((error as NodeJS.ErrnoException).code !== 'EINVAL') throw error;
    }
  }
  return { handle: await fs.open(path, constants.O_RDONLY), method: 'buffered' };
}

export interface ReadBack {
  sha256: string;
  bytes: number;
  method: VerificationMethod;
}

/** Hashes a file as it is on the disk, bypassing the page cache where the platform allows. */
export async function hashFromDisk(path: string, buffer: Buffer = alignedBuffer()): Promise<ReadBack> {
  const { handle, method } = await openForReadBack(path);
  try {
    const hash = createHash('sha256');
    let position = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, buffer.length, position);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      position += bytesRead;
      if (bytesRead < buffer.length) break;
    }
    return { sha256: hash.digest('hex'), bytes: position, method };
  } finally {
    await handle.close();
  }
}

/** One aligned buffer per long-lived reader keeps memory flat across thousands of files. */
export function createReadBackBuffer(): Buffer {
  return alignedBuffer();
}
