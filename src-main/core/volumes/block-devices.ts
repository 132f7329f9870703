import { promises as fs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The kernel's name of the block device behind a mount source (`/dev/mapper/x` → `dm-0`), or null if it is none. */
export async function blockDeviceName(source: string): Promise<string | null> {
  try {
    const device = await fs.realpath(source);
    return (await fs.stat(device)).isBlockDevice() ? basename(device) : null;
  } catch {
    return null;
  }
}

const readText = (path: string): Promise<string | null> => fs.readFile(path, 'utf8').then((text) => text.trim(), () => null);

/**
 * Whether the kernel sees the device as something a person plugs in: the `removable` flag of the
 * disk (a partition asks its disk), anything on a USB bus (USB hard drives and many readers say
 * removable=0), or a card in an SD slot (whose disk says removable=0 too; eMMC system storage is type MMC).
 */
export async function isRemovableBlockDevice(name: string, sysRoot = '/sys'): Promise<boolean> {
  let node: string;
  try {
    node = await fs.realpath(join(sysRoot, 'class', 'block', name));
  } catch {
    return false;
  }
  const disk = (await readText(join(node, 'partition'))) === null ? node : dirname(node);
  if (/\/usb\d*\//.test(`${disk}/`)) return true;
  if ((await readText(join(disk, 'removable'))) === '1') return true;
  return (await readText(join(disk, 'device', 'type'))) === 'SD';
}
