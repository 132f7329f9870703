// The archive disk's own limits, measured in the same run as the contenders, so every ratio can be
// read against what the hardware allows: sequential writes made durable (dd conv=fdatasync, as the
// station's fsyncs are) and reads past the page cache (dd iflag=direct, as the station's read-back).
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { dropCaches } from '../../tests/helpers/exfat-volume.ts';
import { MiB, mustRun } from './tools.mjs';

/** @returns {Promise<{bytes: number, writeMs: number, readMs: number}>} */
export async function measureDiskLimits(archiveDir, sizeMiB, coldReads) {
  const file = join(archiveDir, 'disk-limit.bin');
  const count = Math.max(1, Math.round(sizeMiB / 4));
  try {
    if (coldReads) await dropCaches();
    let started = performance.now();
    // /dev/urandom would measure the kernel's generator; zeros are not compressed by ext4 or xfs.
    await mustRun('dd', ['if=/dev/zero', `of=${file}`, 'bs=4M', `count=${count}`, 'conv=fdatasync', 'status=none']);
    const writeMs = performance.now() - started;
    if (coldReads) await dropCaches();
    started = performance.now();
    await mustRun('dd', [`if=${file}`, 'of=/dev/null', 'bs=4M', 'iflag=direct', 'status=none']);
    const readMs = performance.now() - started;
    return { bytes: count * 4 * MiB, writeMs, readMs };
  } finally {
    await rm(file, { force: true });
  }
}
