import { promises as fs, type Stats } from 'node:fs';
import { describe } from '../errors.js';
import type { Reason } from './ingest-store.js';
import { isOperatingSystemLitter, nameDirectory } from '../sources/index.js';

export interface SourceFile {
  /** Relative to the source root, '/'-separated, as the device named it, made valid UTF-8 (see `nameDirectory`). */
  relative: string;
  /** The path's bytes as the file system holds them: a name that is not UTF-8 is opened by these. */
  absolute: Buffer;
  /** The bytes of `relative` as the device wrote them (hex), when they are not UTF-8; else null. */
  originalNameHex: string | null;
  size: number;
  mtimeMs: number;
  atimeMs: number;
}

export interface SkippedEntry {
  relative: string;
  originalNameHex: string | null;
  size: number;
  status: 'skipped' | 'failed';
  reason: Reason;
}

export interface SourceScan {
  files: SourceFile[];
  skipped: SkippedEntry[];
}

const slash = Buffer.from('/');

function whyNotRegular(stats: Stats): Reason {
  if (stats.isSymbolicLink()) return { code: 'symlink', message: 'symbolic link: not followed' };
  if (stats.isFIFO()) return { code: 'special-file', message: 'named pipe (FIFO): never opened' };
  if (stats.isSocket()) return { code: 'special-file', message: 'socket: never opened' };
  if (stats.isBlockDevice() || stats.isCharacterDevice()) return { code: 'special-file', message: 'device node: never opened' };
  return { code: 'special-file', message: 'not a regular file' };
}

async function sizeOf(path: Buffer): Promise<number> {
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
  /** `prefix` is the folder's path below the root as archived, `rawPrefix` as the device wrote it; `prefixExact` when the two are one. */
  async function walk(dir: Buffer, prefix: string, rawPrefix: Buffer, prefixExact: boolean): Promise<void> {
    let raws: Buffer[];
    try {
      // Read as bytes: a name that is not UTF-8 read as a string is no longer the name, and opening it fails (ENOENT).
      raws = await fs.readdir(dir, { encoding: 'buffer' });
    } catch (error) {
      scan.skipped.push({
        relative: prefix || '.',
        originalNameHex: prefixExact ? null : rawPrefix.toString('hex'),
        size: 0,
        status: 'failed',
        reason: { code: 'unreadable', message: `folder unreadable: ${describe(error)}` },
      });
      return;
    }
    const names = nameDirectory(raws).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const { raw, name, exact } of names) {
      const relative = prefix ? `${prefix}/${name}` : name;
      const rawRelative = prefix ? Buffer.concat([rawPrefix, slash, raw]) : raw;
      const allExact = prefixExact && exact;
      const originalNameHex = allExact ? null : rawRelative.toString('hex');
      const absolute = Buffer.concat([dir, slash, raw]);
      if (isOperatingSystemLitter(name)) {
        const size = await sizeOf(absolute);
        scan.skipped.push({ relative, originalNameHex, size, status: 'skipped', reason: { code: 'os-file', message: 'operating-system file' } });
        continue;
      }
      let stats: Stats;
      try {
        stats = await fs.lstat(absolute);
      } catch (error) {
        const reason = { code: 'unreadable', message: `cannot read file information: ${describe(error)}` } as const;
        scan.skipped.push({ relative, originalNameHex, size: 0, status: 'failed', reason });
        continue;
      }
      if (isOwnDataDir(stats)) {
        const reason = { code: 'own-data-folder', message: "the station's own data folder" } as const;
        scan.skipped.push({ relative, originalNameHex, size: 0, status: 'skipped', reason });
        continue;
      }
      if (stats.isDirectory()) await walk(absolute, relative, rawRelative, allExact);
      else if (stats.isFile()) {
        scan.files.push({ relative, absolute, originalNameHex, size: stats.size, mtimeMs: stats.mtimeMs, atimeMs: stats.atimeMs });
      } else {
        const size = stats.isSymbolicLink() ? 0 : stats.size;
        scan.skipped.push({ relative, originalNameHex, size, status: 'skipped', reason: whyNotRegular(stats) });
      }
    }
  }
  await walk(Buffer.from(root), '', Buffer.alloc(0), true);
  return scan;
}
