import { stat, realpath } from 'node:fs/promises';
import { basename, dirname, posix, resolve, sep } from 'node:path';
import { StationError } from '../errors.js';

/**
 * The device file a drive is read from for the read-back checks: `stdio:/path` is xorriso's
 * file-as-drive (a file, or a block device such as a loop device), `/dev/sr0` an optical drive.
 * Anything else is refused, so a check never opens a path the operator did not mean as a drive.
 */
export function devicePathOf(drive: string): string {
  const path = drive.startsWith('stdio:') ? drive.slice('stdio:'.length) : drive.startsWith('/dev/') ? drive : null;
  if (path === null || !posix.isAbsolute(path) || posix.normalize(path) !== path || path.includes('\0')) {
    throw new StationError('invalid-input', `not a drive: ${JSON.stringify(drive)} (use /dev/… or stdio:/absolute/path)`);
  }
  return path;
}

/**
 * A drive must never be a file the station keeps: `stdio:` takes any path, and xorriso writes an
 * image over a regular file that holds no file system as readily as onto a blank disc. So a path
 * inside the data folder (the archive, the index) is refused, and a regular file must be new or
 * empty — an image file as the drive is made by the burn, not chosen among existing files.
 */
export async function requireSafeDrive(drive: string, dataDir: string, writing: boolean): Promise<void> {
  const path = devicePathOf(drive);
  const real = await realpath(path).catch(() => resolve(dirname(path), basename(path)));
  const data = await realpath(dataDir).catch(() => resolve(dataDir));
  if (real === data || real.startsWith(`${data}${sep}`)) throw new StationError('invalid-input', `${path} is inside the station's data folder: a drive cannot be one of its files`);
  if (!writing) return;
  const found = await stat(path).catch(() => null);
  if (found?.isFile() && found.size > 0) throw new StationError('invalid-input', `${path} is a file that already holds data: burn to a new file or an empty one`, 'not-blank');
}
