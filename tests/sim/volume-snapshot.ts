import { createHash, randomBytes } from 'node:crypto';
import { closeSync, createReadStream, mkdirSync, openSync, writeSync } from 'node:fs';
import { lstat, readdir, statfs } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';

export interface VolumeEntry {
  path: string;
  kind: 'file' | 'folder';
  size: number;
  mtimeMs: number;
  sha256: string | null;
}

/** Everything a write would change: names, sizes, contents, modification times and the free space. */
export interface VolumeSnapshot {
  entries: VolumeEntry[];
  freeBytes: number;
}

export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** Relative paths of every file (not folder) under `dir`, sorted; [] when it does not exist. */
export async function filesUnder(dir: string): Promise<string[]> {
  const found: string[] = [];
  async function walk(current: string, prefix: string): Promise<void> {
    const entries = await readdir(current, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') return [];
      throw error;
    });
    for (const entry of entries) {
      const relative = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(join(current, entry.name), relative);
      else found.push(relative);
    }
  }
  await walk(dir, '');
  return found.sort();
}

export async function snapshotVolume(root: string): Promise<VolumeSnapshot> {
  const entries: VolumeEntry[] = [];
  async function walk(current: string, prefix: string): Promise<void> {
    for (const name of (await readdir(current)).sort()) {
      const path = join(current, name);
      const relative = prefix ? `${prefix}/${name}` : name;
      const stats = await lstat(path);
      const folder = stats.isDirectory();
      entries.push({
        path: relative,
        kind: folder ? 'folder' : 'file',
        size: folder ? 0 : stats.size,
        mtimeMs: stats.mtimeMs,
        sha256: folder ? null : await sha256File(path),
      });
      if (folder) await walk(path, relative);
    }
  }
  await walk(root, '');
  const space = await statfs(root);
  return { entries, freeBytes: space.bfree * space.bsize };
}

/** Incompressible bytes, as a recorder's video is; returns their SHA-256, taken as they are written. */
export function writeRandomFile(path: string, bytes: number): string {
  mkdirSync(dirname(path), { recursive: true });
  const hash = createHash('sha256');
  const fd = openSync(path, 'wx');
  try {
    for (let left = bytes; left > 0; ) {
      const chunk = randomBytes(Math.min(left, 1 << 20));
      hash.update(chunk);
      for (let done = 0; done < chunk.length; ) done += writeSync(fd, chunk, done);
      left -= chunk.length;
    }
  } finally {
    closeSync(fd);
  }
  return hash.digest('hex');
}
