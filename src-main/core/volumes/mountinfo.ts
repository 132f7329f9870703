import { promises as fs } from 'node:fs';

/** One line of /proc/self/mountinfo (see proc(5)), with the fields the scanner needs. */
export interface MountInfoEntry {
  mountId: number;
  /** The folder of the file system that is mounted: `/` unless it is a bind mount of a subfolder. */
  root: string;
  mountpoint: string;
  fsType: string;
  /** The mount source: a device path for block-backed file systems, anything at all for the others. */
  source: string;
}

// mountinfo escapes space, tab, newline and backslash as octal (\040 …).
const unescape = (field: string): string => field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

export function parseMountInfoEntries(text: string): MountInfoEntry[] {
  const entries: MountInfoEntry[] = [];
  for (const line of text.split('\n')) {
    // Optional fields vary in number; the " - " separator ends them, and no escaped field contains it.
    const separator = line.indexOf(' - ');
    if (separator < 0) continue;
    const [id, , , root, mountpoint] = line.slice(0, separator).split(' ');
    const [fsType, source] = line.slice(separator + 3).split(' ');
    if (!id || !root || !mountpoint || !fsType || source === undefined) continue;
    entries.push({ mountId: Number(id), root: unescape(root), mountpoint: unescape(mountpoint), fsType, source: unescape(source) });
  }
  return entries;
}

export async function readMountInfo(path = '/proc/self/mountinfo'): Promise<MountInfoEntry[]> {
  return parseMountInfoEntries(await fs.readFile(path, 'utf8'));
}
