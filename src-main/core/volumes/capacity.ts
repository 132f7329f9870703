import { promises as fs } from 'node:fs';

export type Capacity = { sizeBytes: number; freeBytes: number };

/** Errors that mean the file system behind a mount point is gone (a pulled cable under FUSE, a dead device). */
const goneCodes = new Set(['ENOTCONN', 'EIO', 'ENODEV', 'ENXIO', 'ENOENT']);

/**
 * Size and free space from statfs (node-disk-info cuts mount paths at spaces, statfs does not),
 * 'gone' when the mount no longer answers, null when it answers with some other refusal.
 */
export async function capacityOf(mountpoint: string): Promise<Capacity | 'gone' | null> {
  try {
    const stats = await fs.statfs(mountpoint);
    return { sizeBytes: stats.blocks * stats.bsize, freeBytes: stats.bavail * stats.bsize };
  } catch (error) {
    return goneCodes.has((error as NodeJS.ErrnoException).code ?? '') ? 'gone' : null;
  }
}
