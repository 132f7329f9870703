import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { blockDeviceName, isRemovableBlockDevice } from '../../../src-main/core/volumes/block-devices.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Lays out a sysfs tree as the kernel does: /sys/class/block/<name> links into /sys/devices/…/block/<disk>[/<partition>]. */
function sysfsTree(root: string, devices: Record<string, Record<string, string>>): void {
  mkdirSync(join(root, 'class', 'block'), { recursive: true });
  for (const [node, files] of Object.entries(devices)) {
    const dir = join(root, 'devices', node);
    for (const [file, content] of Object.entries(files)) {
      mkdirSync(dirname(join(dir, file)), { recursive: true });
      writeFileSync(join(dir, file), content);
    }
    const link = join(root, 'class', 'block', node.split('/').pop()!);
    symlinkSync(relative(dirname(link), dir), link);
  }
}

describe('block devices in sysfs', () => {
  const sys = tempDir('sysfs');
  sysfsTree(sys, {
    // A USB card reader that calls its disk fixed, and its partition.
    'pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb': { removable: '0\n', size: '62333952\n' },
    'pci0000:00/0000:00:14.0/usb2/2-1/2-1:1.0/host6/target6:0:0/6:0:0:0/block/sdb/sdb1': { partition: '1\n' },
    // A SATA disk with the removable flag (a hot-plug bay) and one without.
    'pci0000:00/0000:00:17.0/ata3/host2/target2:0:0/2:0:0:0/block/sdc': { removable: '1\n' },
    'pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda': { removable: '0\n' },
    'pci0000:00/0000:00:17.0/ata1/host0/target0:0:0/0:0:0:0/block/sda/sda2': { partition: '2\n' },
    // A card in a built-in SD slot, and eMMC system storage: both say removable=0.
    'pci0000:00/0000:00:1e.6/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0': { removable: '0\n', 'device/type': 'SD\n' },
    'pci0000:00/0000:00:1e.6/mmc_host/mmc0/mmc0:aaaa/block/mmcblk0/mmcblk0p1': { partition: '1\n' },
    'platform/fe330000.mmc/mmc_host/mmc1/mmc1:0001/block/mmcblk1': { removable: '0\n', 'device/type': 'MMC\n' },
    'virtual/block/loop4': { removable: '0\n' },
  });

  it('calls USB disks, flagged disks and SD-slot cards removable, partitions asking their disk', async () => {
    const removable = async (name: string) => isRemovableBlockDevice(name, sys);
    expect(await removable('sdb')).toBe(true);
    expect(await removable('sdb1')).toBe(true);
    expect(await removable('sdc')).toBe(true);
    expect(await removable('mmcblk0p1')).toBe(true);
  });

  it('calls internal disks, eMMC, loop devices and unknown names not removable', async () => {
    const removable = async (name: string) => isRemovableBlockDevice(name, sys);
    expect(await removable('sda2')).toBe(false);
    expect(await removable('mmcblk1')).toBe(false);
    expect(await removable('loop4')).toBe(false);
    expect(await removable('nvme9n9')).toBe(false);
  });

  it('names the block device behind a mount source, through symlinks, and nothing for other files', async () => {
    const name = readdirSync('/sys/class/block')[0];
    expect(name, 'this machine has at least one block device').toBeDefined();
    const link = join(sys, 'by-label-link');
    symlinkSync(`/dev/${name}`, link);
    expect(await blockDeviceName(link)).toBe(name);
    expect(await blockDeviceName('/dev/null')).toBeNull();
    expect(await blockDeviceName(join(sys, 'no-such-device'))).toBeNull();
    expect(await blockDeviceName('tmpfs')).toBeNull();
  });
});
