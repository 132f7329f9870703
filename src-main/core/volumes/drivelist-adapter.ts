import { promises as fs } from 'node:fs';
import { posix, resolve, win32 } from 'node:path';
import type { Drive } from 'drivelist';
import { capacityOf } from './capacity.js';
import { isSystemMountpoint } from './mount-filter.js';
import { VolumePoller } from './volume-poller.js';
import type { Volume, VolumeAdapter, VolumeFilterOptions, VolumeSink } from './volume.js';
import { isWithin } from '../paths.js';

export interface DrivelistAdapterOptions extends VolumeFilterOptions {
  platform: NodeJS.Platform;
  /** Each poll runs a system tool (lsblk, diskutil) or a native query: once a second, as Etcher does. */
  pollMs?: number;
}

type Filter = VolumeFilterOptions & { platform: NodeJS.Platform };

function isSystemPath(mountpoint: string, platform: NodeJS.Platform): boolean {
  if (platform === 'win32') {
    const systemDrive = (process.env.SystemDrive ?? 'C:').toUpperCase();
    return win32.resolve(mountpoint).toUpperCase() === `${systemDrive}\\`;
  }
  if (platform === 'darwin') return mountpoint === '/' || mountpoint.startsWith('/System/Volumes/') || mountpoint.startsWith('/private/');
  return isSystemMountpoint(mountpoint);
}

function holds(mountpoint: string, path: string, platform: NodeJS.Platform): boolean {
  const windows = platform === 'win32';
  const normal = (value: string) => (windows ? win32.resolve(value).toUpperCase() : posix.resolve(value));
  return isWithin(normal(path), normal(mountpoint), windows ? '\\' : '/');
}

/**
 * The volumes drivelist's drives offer. Virtual drives are never offered: drivelist calls Linux's
 * /dev/zram0 removable because it is virtual, and on macOS disk images and APFS containers are virtual.
 * Capacity is left for the caller (statfs).
 */
export function volumesFromDrives(drives: readonly Drive[], filter: Filter): Volume[] {
  const volumes: Volume[] = [];
  for (const drive of drives) {
    if (drive.isVirtual === true || drive.device.startsWith('/dev/zram')) continue;
    const removable = drive.isRemovable || drive.isUSB === true;
    if (!removable && !filter.anyVolume) continue;
    for (const mountpoint of drive.mountpoints) {
      if (isSystemPath(mountpoint.path, filter.platform)) continue;
      if (filter.excludePath !== null && holds(mountpoint.path, filter.excludePath, filter.platform)) continue;
      volumes.push({
        mountpoint: mountpoint.path,
        device: drive.device,
        label: mountpoint.label || null,
        uuid: null,
        fsType: 'unknown',
        removable,
        sizeBytes: null,
        freeBytes: null,
      });
    }
  }
  return volumes;
}

/** Windows and macOS (and Linux if asked): drivelist polled, as Etcher does. */
export class DrivelistAdapter implements VolumeAdapter {
  readonly name = 'drivelist';
  private readonly poller: VolumePoller;
  private excludePath: string | null = null;

  constructor(private readonly options: DrivelistAdapterOptions) {
    this.poller = new VolumePoller((known) => this.scan(known), { pollMs: options.pollMs ?? 1000 });
  }

  async start(sink: VolumeSink): Promise<void> {
    const exclude = this.options.excludePath;
    this.excludePath = exclude === null ? null : await fs.realpath(exclude).catch(() => resolve(exclude));
    await this.poller.start(sink);
  }

  stop(): Promise<void> {
    return this.poller.stop();
  }

  private async scan(known: ReadonlyMap<string, Volume>): Promise<Map<string, Volume>> {
    // Loaded on first use: its native addon is not needed where this adapter does not run.
    const { list } = await import('drivelist');
    const filter = { ...this.options, excludePath: this.excludePath };
    const offered = new Map<string, Volume>();
    for (const volume of volumesFromDrives(await list(), filter)) {
      const key = `${volume.device}\0${volume.mountpoint}`;
      const capacity = await capacityOf(volume.mountpoint);
      if (capacity === 'gone') continue;
      offered.set(key, known.get(key) ?? { ...volume, sizeBytes: capacity?.sizeBytes ?? null, freeBytes: capacity?.freeBytes ?? null });
    }
    return offered;
  }
}
