import { describe, expect, it } from 'vitest';
import { parseMountInfoEntries, readMountInfo } from '../../../src-main/core/volumes/mountinfo.js';
import { desktopMountInfo } from './desktop-mountinfo.js';

describe('mountinfo', () => {
  it('reads id, root, mount point (escapes undone), type and source of each line', () => {
    const entries = parseMountInfoEntries(desktopMountInfo);
    expect(entries).toHaveLength(13);
    expect(entries[8]).toEqual({ mountId: 120, root: '/', mountpoint: '/media/officer/EOS DIGITAL', fsType: 'vfat', source: '/dev/sdb1' });
    expect(entries[9]).toEqual({ mountId: 121, root: '/var/lib/containers', mountpoint: '/srv/containers', fsType: 'ext4', source: '/dev/nvme0n1p2' });
    expect(entries[11]).toMatchObject({ fsType: 'fuse.gvfsd-fuse', source: 'gvfsd-fuse' });
  });

  it('reads the live mount table of this process, which always has a root', async () => {
    const entries = await readMountInfo();
    expect(entries.some((entry) => entry.mountpoint === '/')).toBe(true);
  });
});
