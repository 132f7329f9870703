import { sep } from 'node:path';
import { readMountTable } from './mount-table.js';

export interface OfferedVolume {
  mountpoint: string;
  label: string | null;
  removable: boolean;
}

/** File systems that recorders, cameras and card readers carry. */
const mediaFileSystems = new Set(['vfat', 'exfat', 'fuseblk', 'ntfs', 'ntfs3', 'msdos', 'udf', 'iso9660']);
const removableRoots = ['/media/', '/run/media/', '/mnt/'];

/**
 * Mounted volumes a desk officer may ingest from: card-like file systems or anything mounted where
 * desktops put removable media. The archive's own volume is never offered.
 */
export async function mountedVolumes(archiveDir: string): Promise<OfferedVolume[]> {
  const mounts = await readMountTable();
  const volumes: OfferedVolume[] = [];
  for (const mount of mounts) {
    const underRemovableRoot = removableRoots.some((root) => mount.mountpoint.startsWith(root));
    const fsType = mount.fsType.replace(/^fuse\./, '');
    if (!underRemovableRoot && !mediaFileSystems.has(fsType)) continue;
    if (archiveDir === mount.mountpoint || archiveDir.startsWith(mount.mountpoint + sep)) continue;
    volumes.push({ mountpoint: mount.mountpoint, label: mount.mountpoint.split('/').pop() || null, removable: true });
  }
  return volumes;
}
