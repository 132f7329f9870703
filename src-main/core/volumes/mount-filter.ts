import type { MountInfoEntry } from './mountinfo.js';
import { isWithin } from '../paths.js';

/** File systems with no card behind them: kernel views, memory, containers, packaged software. */
const pseudoFileSystems = new Set([
  'autofs', 'binfmt_misc', 'bpf', 'configfs', 'debugfs', 'devpts', 'devtmpfs', 'efivarfs', 'fusectl',
  'hugetlbfs', 'mqueue', 'nsfs', 'overlay', 'proc', 'pstore', 'ramfs', 'rpc_pipefs', 'securityfs',
  'selinuxfs', 'squashfs', 'sysfs', 'tmpfs', 'tracefs', 'zram', 'aufs', 'erofs',
]);

/** Where an installed system keeps itself; a card is never mounted exactly here. */
const systemMountpoints = new Set(['/', '/boot', '/boot/efi', '/efi', '/usr', '/var', '/home', '/opt', '/srv', '/root', '/nix', '/gnu']);

export const isPseudoFileSystem = (fsType: string): boolean => pseudoFileSystems.has(fsType) || fsType.startsWith('cgroup');

export const isSystemMountpoint = (mountpoint: string): boolean => systemMountpoints.has(mountpoint);

/** The mount that holds `path` (already resolved through symlinks): the longest mount point above it. */
export function mountHolding(entries: readonly MountInfoEntry[], path: string): MountInfoEntry | null {
  let best: MountInfoEntry | null = null;
  for (const entry of entries) {
    // Later entries over the same folder hide earlier ones; >= keeps the last.
    if (isWithin(path, entry.mountpoint, '/') && (best === null || entry.mountpoint.length >= best.mountpoint.length)) best = entry;
  }
  return best;
}

/**
 * Mounts that may be a card: block-backed, not the system's, not a bind mount, not the archive's
 * own volume (nor another mount of its device). Removability is judged later, from sysfs.
 */
export function candidateMounts(entries: readonly MountInfoEntry[], excludePath: string | null): MountInfoEntry[] {
  const archive = excludePath === null ? null : mountHolding(entries, excludePath);
  const seenSources = new Set<string>();
  const candidates: MountInfoEntry[] = [];
  for (const entry of entries) {
    if (isPseudoFileSystem(entry.fsType) || !entry.source.startsWith('/dev/')) continue;
    // A subfolder bind-mounted elsewhere is the same card seen twice (containers, snaps).
    if (entry.root !== '/') continue;
    if (isSystemMountpoint(entry.mountpoint)) continue;
    if (archive !== null && (entry === archive || entry.source === archive.source)) continue;
    if (seenSources.has(entry.source)) continue;
    seenSources.add(entry.source);
    candidates.push(entry);
  }
  return candidates;
}
