import { promises as fs, type Stats } from 'node:fs';
import { join } from 'node:path';
import { describe } from '../errors.js';
import type { Reason } from './ingest-store.js';
import { isOperatingSystemLitter } from '../sources/index.js';

export interface SourceFile {
  /** Relative to the source root, '/'-separated, exactly as the device named it. */
  relative: string;
  absolute: string;
  size: number;
  mtimeMs: number;
  atimeMs: number;
}

export interface SkippedEntry {
  relative: string;
  size: number;
  status: 'skipped' | 'failed';
  reason: Reason;
}

export interface SourceScan {
  files: SourceFile[];
  skipped: SkippedEntry[];
}

function whyNotRegular(stats: Stats): Reason {
  if (stats.isSymbolicLink()) return { code: 'symlink', message: 'symbolic link: not followed' };
  if (stats.isFIFO()) return { code: 'special-file', message: 'named pipe (FIFO): never opened' };
  if (stats.isSocket()) return { code: 'special-file', message: 'socket: never opened' };
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return { code: 'special-file', message: 'device node: never opened' };
  return { code: 'special-file', message: 'not a regular file' };
}

async function sizeOf(path: string): Promise<number> {
  try {
    const stats = await fs.lstat(path);
    return stats.isFile() ? stats.size : 0;
  } catch {
    return 0;
  }
}

/**
 * Lists every regular file under the root with lstat only: links are not followed and special
 * files are never opened, since opening a FIFO would block and a device node could be anything.
 */
export async function scanSource(root: string, ownDataDir: string): Promise<SourceScan> {
  const scan: SourceScan = { files: [], skipped: [] };
  // The data folder is known by its identity, not its path: a symlink or a bind mount reaches it
  // under another name, and the station must never archive its own database as evidence.
  const own = await fs.stat(ownDataDir);
  const isOwnDataDir = (stats: Stats) => stats.isDirectory() && stats.dev === own.dev && stats.ino === own.ino;
  async function walk(dir: string, prefix: string): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      scan.skipped.push({
        relative: prefix || '.',
        size: 0,
        status: 'failed',
        reason: { code: 'unreadable', message: `folder unreadable: ${describe(error)}` },
      });
      return;
    }
    names.sort();
    for (const name of names) {
      const relative = prefix ? `${prefix}/${name}` : name;
      const absolute = join(dir, name);
      if (isOperatingSystemLitter(name)) {
        const size = await sizeOf(absolute);
        scan.skipped.push({ relative, size, status: 'skipped', reason: { code: 'os-file', message: 'operating-system file' } });
        continue;
      }
      let stats: Stats;
      try {
        stats = await fs.lstat(absolute);
      } catch (error) {
        const reason = { code: 'unreadable', message: `cannot read file information: ${describe(error)}` } as const;
        scan.skipped.push({ relative, size: 0, status: 'failed', reason });
        continue;
      }
      if (isOwnDataDir(stats)) {
        const reason = { code: 'own-data-folder', message: "the station's own data folder" } as const;
        scan.skipped.push({ relative, size: 0, status: 'skipped', reason });
        continue;
      }
      if (stats.isDirectory()) await walk(absolute, relative);
      else if (stats.isFile()) {
        scan.files.push({ relative, absolute, size: stats.size, mtimeMs: stats.mtimeMs, atimeMs: stats.atimeMs });
      } else scan.skipped.push({ relative, size: stats.isSymbolicLink() ? 0 : stats.size, status: 'skipped', reason: whyNotRegular(stats) });
    }
  }
  await walk(root, '');
  return scan;
}
