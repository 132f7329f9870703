import { describe, expect, it } from 'vitest';
import { candidateMounts, isPseudoFileSystem, mountHolding } from '../../../src-main/core/volumes/mount-filter.js';
import { parseMountInfoEntries } from '../../../src-main/core/volumes/mountinfo.js';
import { desktopMountInfo } from './desktop-mountinfo.js';

const entries = parseMountInfoEntries(desktopMountInfo);
const offered = (excludePath: string | null) => candidateMounts(entries, excludePath).map((entry) => entry.mountpoint);

describe('which mounts may be a card', () => {
  it('offers block-backed mounts only: not system folders, pseudo file systems, snaps, bind mounts or FUSE without a device', () => {
    expect(offered(null)).toEqual(['/media/officer/EOS DIGITAL', '/media/officer/DSJ-A8']);
  });

  it('never offers the volume holding the archive, nor another mount of its device', () => {
    const doubled = parseMountInfoEntries(`${desktopMountInfo}150 26 8:17 / /mnt/again rw - vfat /dev/sdb1 rw\n`);
    expect(candidateMounts(doubled, '/media/officer/EOS DIGITAL/station-data').map((entry) => entry.mountpoint)).toEqual([
      '/media/officer/DSJ-A8',
    ]);
    // An archive on the system disk excludes nothing that could be a card.
    expect(offered('/home/officer/station-data')).toEqual(['/media/officer/EOS DIGITAL', '/media/officer/DSJ-A8']);
  });

  it('offers one mount per device when a card is mounted twice', () => {
    const doubled = parseMountInfoEntries(`${desktopMountInfo}150 26 8:17 / /mnt/again rw - vfat /dev/sdb1 rw\n`);
    expect(candidateMounts(doubled, null).map((entry) => entry.mountpoint)).toEqual(['/media/officer/EOS DIGITAL', '/media/officer/DSJ-A8']);
  });

  it('finds the mount holding a path by whole folder names, the deepest winning', () => {
    expect(mountHolding(entries, '/media/officer/DSJ-A8/DCIM')?.mountpoint).toBe('/media/officer/DSJ-A8');
    expect(mountHolding(entries, '/media/officer/DSJ-A80')?.mountpoint).toBe('/');
    expect(mountHolding(entries, '/boot/efi')?.mountpoint).toBe('/boot/efi');
  });

  it('knows the pseudo file systems, cgroup versions included', () => {
    expect(['proc', 'sysfs', 'tmpfs', 'devtmpfs', 'overlay', 'cgroup', 'cgroup2', 'squashfs'].every(isPseudoFileSystem)).toBe(true);
    expect(['vfat', 'exfat', 'fuseblk', 'ntfs3', 'ext4'].some(isPseudoFileSystem)).toBe(false);
  });
});
