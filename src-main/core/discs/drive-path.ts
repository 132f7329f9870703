import { posix } from 'node:path';
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
