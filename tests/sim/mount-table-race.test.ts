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

describe.skipIf(missing !== null)('the mount table adapter, when a card is unplugged or replugged between two looks', () => {
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

  it('reports a card plugged back into the same folder between two looks as gone and back: its mount id is new', async () => {
    const card = await createExfatVolume({ sizeMiB: 16, label: 'RACE 02' });
    volume = card;
    const mounted = (mountId: number): MountInfoEntry[] => [{ mountId, root: '/', mountpoint: card.mountpoint, fsType: 'fuseblk', source: card.loopDevice }];
    // The first scan reads the table twice (it found a new volume); every look after it sees the replug.
    vi.mocked(readMountInfo).mockReset().mockResolvedValueOnce(mounted(101)).mockResolvedValueOnce(mounted(101)).mockResolvedValue(mounted(202));
    const attached: Volume[] = [];
    const detached: Volume[] = [];
    adapter = new MountTableAdapter({ anyVolume: true, excludePath: null, pollMs: 50, mediaRoots: [] });
    await adapter.start({ attach: (found) => attached.push(found), detach: (gone) => detached.push(gone), error: () => undefined });
    await expect.poll(() => attached.length).toBe(2);
    expect(detached).toEqual([attached[0]]);
    expect(attached.map((found) => found.label)).toEqual(['RACE 02', 'RACE 02']);
    expect(attached[1]).not.toBe(attached[0]);
  });
});
