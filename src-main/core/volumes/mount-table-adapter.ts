import { promises as fs } from 'node:fs';
import { resolve } from 'node:path';
import { blockDeviceName, isRemovableBlockDevice } from './block-devices.js';
import { probeBlockIdentity } from './block-identity.js';
import { capacityOf, type Capacity } from './capacity.js';
import { candidateMounts } from './mount-filter.js';
import { MountEvents, type MountEventsOptions } from './mount-events.js';
import { linuxMediaRoots, MountFolderWatch } from './mount-folder-watch.js';
import { readMountInfo, type MountInfoEntry } from './mountinfo.js';
import { VolumePoller } from './volume-poller.js';
import type { Volume, VolumeAdapter, VolumeFilterOptions, VolumeSink } from './volume.js';

export interface MountTableAdapterOptions extends VolumeFilterOptions {
  /** The safety net behind the mount events (findmnt): reading the table costs microseconds, half a second is cheap. */
  pollMs?: number;
  mediaRoots?: readonly string[];
  mountEvents?: MountEventsOptions;
}

// The mount id tells a card plugged back into the same folder from the one seen there before, so
// it is read again from the start. Linux gives a freed id to the next mount, though: a card
// unmounted and mounted again between two looks (a test can, a hand cannot) may keep its key and
// pass for the volume seen before.
const keyOf = (entry: MountInfoEntry): string => `${entry.mountId}\0${entry.source}\0${entry.mountpoint}`;

/**
 * Linux: the mount table is the truth, polled; a mount anywhere (findmnt --poll) and a new folder
 * under /media or /run/media (made just before the desktop mounts there) make it look at once.
 */
export class MountTableAdapter implements VolumeAdapter {
  readonly name = 'mount-table';
  private readonly poller: VolumePoller;
  private readonly folderWatch: MountFolderWatch;
  private readonly mountEvents: MountEvents;
  private sink: VolumeSink | null = null;
  /** Mounts judged not to be offered (not removable, no block device); judged again once they leave the table. */
  private readonly refused = new Set<string>();
  private excludePath: string | null = null;

  constructor(private readonly options: MountTableAdapterOptions) {
    this.poller = new VolumePoller((known) => this.scan(known), { pollMs: options.pollMs ?? 500 });
    this.folderWatch = new MountFolderWatch(options.mediaRoots ?? linuxMediaRoots, () => this.poller.trigger());
    // findmnt reports a mount once it is made: one look finds it, no fast polling after.
    this.mountEvents = new MountEvents(
      () => this.poller.scanNow(),
      (error) => this.sink?.error(error),
      options.mountEvents,
    );
  }

  async start(sink: VolumeSink): Promise<void> {
    const exclude = this.options.excludePath;
    // Compare real paths: the data folder may be reached through a symlink.
    this.excludePath = exclude === null ? null : await fs.realpath(exclude).catch(() => resolve(exclude));
    this.sink = sink;
    // Before the first scan: a mount made while that scan runs is then reported, not left to the poll.
    this.mountEvents.start();
    await this.folderWatch.refresh();
    await this.poller.start(sink);
  }

  /** The poller first: a scan under way may still refresh the folder watch, which is closed after it. */
  async stop(): Promise<void> {
    this.sink = null;
    await this.mountEvents.stop();
    await this.poller.stop();
    await this.folderWatch.close();
  }

  private async scan(known: ReadonlyMap<string, Volume>): Promise<Map<string, Volume>> {
    // A media root created since the last look (the first desktop login makes /run/media) gets watched now.
    await this.folderWatch.refresh();
    const present = new Map(candidateMounts(await readMountInfo(), this.excludePath).map((entry) => [keyOf(entry), entry]));
    for (const key of this.refused) if (!present.has(key)) this.refused.delete(key);
    // All at once: a rack plugged in together is otherwise described one lsblk and blkid after another.
    const looked = await Promise.all(
      [...present].map(async ([key, entry]): Promise<[string, Volume] | null> => {
        if (this.refused.has(key)) return null;
        const capacity = await capacityOf(entry.mountpoint);
        // Still in the table but not answering: a pulled cable under FUSE leaves the mount behind.
        if (capacity === 'gone') return null;
        const volume = known.get(key) ?? (await this.describe(entry, capacity));
        if (volume === null) this.refused.add(key);
        return volume === null ? null : [key, volume];
      }),
    );
    const found = looked.filter((entry): entry is [string, Volume] => entry !== null);
    // A mount that went between the table and statfs was measured as the folder under it (a
    // replugged card's mount point: the system disk's size). A new volume whose entry is still in
    // the table now was there all along (short of its id freed and taken again in between, see
    // keyOf); only a scan that found a new one looks again (a known volume gone meanwhile is
    // dropped by the next scan).
    if (found.every(([key]) => known.has(key))) return new Map(found);
    const still = new Set(candidateMounts(await readMountInfo(), this.excludePath).map(keyOf));
    return new Map(found.filter(([key]) => known.has(key) || still.has(key)));
  }

  private async describe(entry: MountInfoEntry, capacity: Capacity | null): Promise<Volume | null> {
    const name = await blockDeviceName(entry.source);
    if (name === null) return null;
    const removable = await isRemovableBlockDevice(name);
    if (!removable && !this.options.anyVolume) return null;
    const identity = await probeBlockIdentity(entry.source);
    return {
      mountpoint: entry.mountpoint,
      device: entry.source,
      label: identity.label,
      uuid: identity.uuid,
      // FUSE mounts say only "fuseblk"; the superblock says what the card really carries.
      fsType: identity.fsType ?? entry.fsType,
      removable,
      sizeBytes: capacity?.sizeBytes ?? null,
      freeBytes: capacity?.freeBytes ?? null,
    };
  }
}
