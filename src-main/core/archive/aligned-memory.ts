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
