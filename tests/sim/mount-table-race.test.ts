import { afterEach, describe, expect, it, vi } from 'vitest';
import { MountTableAdapter } from '../../src-main/core/volumes/mount-table-adapter.js';
import { readMountInfo, type MountInfoEntry } from '../../src-main/core/volumes/mountinfo.js';
import type { Volume } from '../../src-main/core/volumes/volume.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { tempDir } from '../helpers/temp-dir.js';

// Only the reading of the mount table is scripted: the statfs, lsblk and blkid behind it are real.
vi.mock('../../src-main/core/volumes/mountinfo.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src-main/core/volumes/mountinfo.js')>()),
  readMountInfo: vi.fn(),
}));

const missing = requireRootFeatures();

describe.skipIf(missing !== null)('the mount table adapter, when a card is unplugged between its look at the table and at the card', () => {
  let volume: ExfatVolume | null = null;
  let adapter: MountTableAdapter | null = null;
  afterEach(async () => {
    await adapter?.stop();
    await volume?.destroy();
  });

  it('does not report the folder left behind (the system disk) as the card', async () => {
    volume = await createExfatVolume({ sizeMiB: 16, label: 'RACE 01' });
    // The table still lists the card's mount, but by the time the card is measured its folder is a
    // plain folder of the system disk: as when a replug unmounts the dead mount between the two.
    const gone: MountInfoEntry = { mountId: 987_654, root: '/', mountpoint: tempDir('race-folder'), fsType: 'fuseblk', source: volume.loopDevice };
    vi.mocked(readMountInfo).mockResolvedValueOnce([gone]).mockResolvedValue([]);
    const attached: Volume[] = [];
    adapter = new MountTableAdapter({ anyVolume: true, excludePath: null, pollMs: 60_000, mediaRoots: [] });
    await adapter.start({ attach: (found) => attached.push(found), detach: () => undefined, error: () => undefined });
    expect(vi.mocked(readMountInfo).mock.calls.length).toBeGreaterThanOrEqual(2);
    expect(attached).toEqual([]);
  });
});
