import { constants, promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';

const appName = 'ingest-station';

/** The same folder Electron's app.getPath('userData') gives this app, so every host shares one station. */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), appName);
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', appName);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), appName);
}

/**
 * The user's own folder for what the station can rebuild at will (the operating system's cache
 * folder). An empty or relative XDG_CACHE_HOME is ignored, as the XDG specification says: it would
 * put the cache in whatever folder the station runs from. Throws when the user has no home folder.
 */
export function userCacheDir(env: NodeJS.ProcessEnv = process.env, platform = process.platform): string {
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(homedir(), 'AppData', 'Local'), appName, 'Cache');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Caches', appName);
  const xdg = env.XDG_CACHE_HOME;
  return join(xdg !== undefined && isAbsolute(xdg) ? xdg : join(homedir(), '.cache'), appName);
}

// statfs f_type of the kernel's own file systems (linux/magic.h): files there are views of the
// kernel, not storage, and SQLite or a read on them can block for ever.
const kernelFileSystems = new Map<number, string>([
  [0x9fa0, 'proc'],
  [0x62656572, 'sysfs'],
  [0x1cd1, 'devpts'],
  [0x27e0eb, 'cgroup'],
  [0x63677270, 'cgroup2'],
  [0x64626720, 'debugfs'],
  [0x73636673, 'securityfs'],
  [0x74726163, 'tracefs'],
  [0x6e736673, 'nsfs'],
  [0x50495045, 'pipefs'],
  [0xcafe4a11, 'bpf'],
]);

/**
 * Refuses a data folder that is empty or lies on a kernel file system (`/proc/self`), with the
 * reason; a folder not made yet is judged by the nearest folder above it that exists.
 */
export async function requireStorageFolder(dataDir: string): Promise<void> {
  if (dataDir.trim() === '') throw new Error('no data folder was given');
  let probe = resolve(dataDir);
  for (;;) {
    try {
      const { type } = await fs.statfs(probe);
      const kind = kernelFileSystems.get(type);
      if (kind !== undefined) throw new Error(`${probe} is on the kernel's ${kind} file system, not on a disk`);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || dirname(probe) === probe) throw error;
      probe = dirname(probe);
    }
  }
}

/** A command that writes was asked to run on a data folder it cannot write to. */
export class ReadOnlyDataFolderError extends Error {
  constructor(readonly dataDir: string) {
    super(`the data folder ${dataDir} cannot be written (write-protected media, or no permission)`);
  }
}

/**
 * Whether the station can write in the data folder: not on a read-only mount (where even root
 * cannot), and writable by this user. A folder not made yet is judged by the nearest folder above
 * it that exists, where it would be made.
 */
export async function canWriteIn(dataDir: string): Promise<boolean> {
  let probe = resolve(dataDir);
  for (;;) {
    try {
      await fs.access(probe, constants.W_OK);
      return true;
    } catch (error) {
      const { code } = error as NodeJS.ErrnoException;
      if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return false;
      if (code !== 'ENOENT' || dirname(probe) === probe) throw error;
      probe = dirname(probe);
    }
  }
}
