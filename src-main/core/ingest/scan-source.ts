import { promises as fs, type Stats } from 'node:fs';
import { join } from 'node:path';
import { isOperatingSystemLitter } from './litter.js';

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
  reason: string;
}

export interface SourceScan {
  files: SourceFile[];
  skipped: SkippedEntry[];
}

function whyNotRegular(stats: Stats): string {
  if (stats.isSymbolicLink()) return 'symbolic link: not followed';
  if (stats.isFIFO()) return 'named pipe (FIFO): never opened';
  if (stats.isSocket()) return 'socket: never opened';
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return 'device node: never opened';
  return 'not a regular file';
}

/**
 * Lists every regular file under the root with lstat only: links are not followed and special
 * files are never opened, since opening a FIFO would block and a device node could be anything.
 */
export async function scanSource(root: string, ownDataDir: string): Promise<SourceScan> {
  const scan: SourceScan = { files: [], skipped: [] };
  async function walk(dir: string, prefix: string): Promise<void> {
    let names: string[];
    try {
      names = await fs.readdir(dir);
    } catch (error) {
      scan.skipped.push({ relative: prefix || '.', size: 0, status: 'failed', reason: `folder unreadable: ${describe(error)}` });
      return;
    }
    names.sort();
    for (const name of names) {
      const relative = prefix ? `${prefix}/${name}` : name;
      const absolute = join(dir, name);
      if (isOperatingSystemLitter(name)) {
        scan.skipped.push({ relative, size: 0, status: 'skipped', reason: 'operating-system file' });
        continue;
      }
      if (absolute === ownDataDir) {
        scan.skipped.push({ relative, size: 0, status: 'skipped', reason: "the station's own data folder" });
        continue;
      }
      let stats: Stats;
      try {
        stats = await fs.lstat(absolute);
      } catch (error) {
        scan.skipped.push({ relative, size: 0, status: 'failed', reason: `cannot read file information: ${describe(error)}` });
        continue;
      }
      if (stats.isDirectory()) await walk(absolute, relative);
      else if (stats.isFile()) {
        scan.files.push({ relative, absolute, size: stats.size, mtimeMs: stats.mtimeMs, atimeMs: stats.atimeMs });
      } else scan.skipped.push({ relative, size: 0, status: 'skipped', reason: whyNotRegular(stats) });
    }
  }
  await walk(root, '');
  return scan;
}

export const describe = (error: unknown): string => {
  const errno = error as NodeJS.ErrnoException;
  return errno?.code ? `${errno.code} (${errno.message.replace(/^\w+: /, '')})` : String(error);
};
