import { promises as fs } from 'node:fs';

export interface MountEntry {
  mountpoint: string;
  fsType: string;
  device: string;
}

/** /proc/self/mountinfo escapes space, tab, newline and backslash as octal (\040 …). */
const unescapeMountField = (field: string): string =>
  field.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

export function parseMountInfo(text: string): MountEntry[] {
  const entries: MountEntry[] = [];
  for (const line of text.split('\n')) {
    const [before, after] = line.split(' - ');
    if (!before || !after) continue;
    const mountpoint = before.split(' ')[4];
    const [fsType, device] = after.split(' ');
    if (mountpoint && fsType && device) entries.push({ mountpoint: unescapeMountField(mountpoint), fsType, device: unescapeMountField(device) });
  }
  return entries;
}

export async function readMountTable(): Promise<MountEntry[]> {
  try {
    return parseMountInfo(await fs.readFile('/proc/self/mountinfo', 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}
