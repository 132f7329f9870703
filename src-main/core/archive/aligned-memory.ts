import { constants, type promises as fs } from 'node:fs';

const wasmPageBytes = 64 * 1024;

/**
 * Buffers for reads and writes that bypass the page cache (O_DIRECT), which need the buffer
 * address, offset and length aligned to the disk's block size. Node's Buffers are not aligned, but
 * WebAssembly memory is mapped page-aligned, so Buffers over it are. `bytes` must be a multiple of
 * 64 KiB.
 */
export function alignedBuffers(count: number, bytes: number): Buffer[] {
  const memory = new WebAssembly.Memory({ initial: (count * bytes) / wasmPageBytes });
  return Array.from({ length: count }, (_, i) => Buffer.from(memory.buffer, i * bytes, bytes));
}

/** The largest logical block size of the disks we write to: an uncached write is cut in whole blocks. */
export const directBlockBytes = 4096;

export const isEinval = (error: unknown): boolean => (error as NodeJS.ErrnoException).code === 'EINVAL';

/**
 * Opens past the page cache (O_DIRECT) where the platform has it: `open` gets the flag to add (0
 * where there is none). A file system that refuses it (older tmpfs, some FUSE) fails the open with
 * EINVAL; then `reopenCached` opens the same path through the cache, and `uncached` says which it was.
 */
export async function openUncached(
  open: (direct: number) => Promise<fs.FileHandle>,
  reopenCached: () => Promise<fs.FileHandle> = () => open(0),
): Promise<{ handle: fs.FileHandle; uncached: boolean }> {
  const direct = constants.O_DIRECT;
  try {
    return { handle: await open(direct ?? 0), uncached: direct !== undefined };
  } catch (error) {
    if (direct === undefined || !isEinval(error)) throw error;
  }
  return { handle: await reopenCached(), uncached: false };
}
