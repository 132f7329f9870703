// A real removable volume for tests and the benchmark: an image file on a loop device, formatted
// exFAT and mounted through FUSE as a desktop would mount a recorder's card. Imports node builtins
// only and uses erasable TypeScript only, so scripts/bench.mjs can load it directly on Node 24.
import { execFile, execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync, readdirSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, rmdir, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { promisify } from 'node:util';

const run = promisify(execFile);
const blkioRoot = '/sys/fs/cgroup/blkio';

export interface ExfatVolumeOptions {
  sizeMiB: number;
  /** The exFAT volume label (at most 11 characters); also the mount folder's name, as under /media/<user>/. */
  label: string;
  /** Where the image and the mount folder go; default the system temp folder (a real disk here, not tmpfs). */
  parentDir?: string;
}

export interface ExfatVolume {
  readonly label: string;
  readonly mountpoint: string;
  readonly image: string;
  readonly loopDevice: string;
  /** The loop device's "major:minor", as blkio rules name devices. */
  readonly majMin: string;
  /** The FUSE daemon serving the current mount; changes on remount. */
  readonly fusePid: number;
  /** Kills the FUSE daemon, as a pulled cable would: every access then fails with ENOTCONN. */
  pullCable(): Promise<void>;
  /** Unmounts (a dead mount lazily), as the desktop does once a pulled card's device is gone. */
  unmount(): Promise<void>;
  /** Mounts the same image again (a replug); a mount still there, dead or not, is unmounted first. Keeps the throttle. */
  remount(): Promise<void>;
  /** Limits how fast the volume can be read (bytes/s, decimal), like a slow card or USB 2.0; null lifts it. */
  throttle(bytesPerSecond: number | null): Promise<void>;
  /** Unmounts, detaches the loop device, removes the cgroup and the image. Safe to call twice. */
  destroy(): Promise<void>;
}

/** Volumes not yet destroyed, torn down synchronously if the process exits without doing it. */
const live = new Set<VolumeState>();
let exitHookInstalled = false;

interface VolumeState {
  workDir: string;
  label: string;
  mountpoint: string;
  image: string;
  loopDevice: string | null;
  majMin: string | null;
  fusePid: number | null;
  mounted: boolean;
  cgroup: string | null;
  rate: number | null;
}

// mountinfo escapes space, tab, newline and backslash as octal.
const unescapeMountPath = (text: string): string => text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

function isMountpoint(path: string): boolean {
  return readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .some((line) => {
      const field = line.split(' ')[4];
      return field !== undefined && unescapeMountPath(field) === path;
    });
}

function isAlive(pid: number): boolean {
  try {
    // A daemonised process is reaped by PID 1, which in a container may never do it: a zombie is dead.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) Z/.test(stat);
  } catch {
    return false;
  }
}

async function waitFor(what: string, done: () => boolean, timeoutMs = 10_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

/** mount.exfat-fuse daemonises without saying its PID; find it by its own command line. */
function findFuseDaemon(loopDevice: string, mountpoint: string): number | null {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let argv: string[];
    try {
      argv = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0');
    } catch {
      continue;
    }
    const pid = Number(entry);
    if (basename(argv[0] ?? '').startsWith('mount.exfat') && argv.includes(loopDevice) && argv.includes(mountpoint) && isAlive(pid)) {
      return pid;
    }
  }
  return null;
}

async function mount(state: VolumeState, loopDevice: string): Promise<void> {
  await run('mount.exfat-fuse', [loopDevice, state.mountpoint]);
  state.mounted = true;
  await waitFor(`${state.mountpoint} to be mounted`, () => isMountpoint(state.mountpoint));
  let pid: number | null = null;
  await waitFor(`the FUSE daemon of ${state.mountpoint}`, () => (pid = findFuseDaemon(loopDevice, state.mountpoint)) !== null);
  state.fusePid = pid;
  if (state.rate !== null) await applyThrottle(state);
}

async function unmount(state: VolumeState): Promise<void> {
  if (!state.mounted) return;
  const pid = state.fusePid;
  if (pid !== null && isAlive(pid)) {
    try {
      await run('umount', [state.mountpoint]);
    } catch {
      // Still in use (a process holds a file open): detach it now, the daemon ends when the last user does.
      await run('umount', ['-l', state.mountpoint]);
    }
    // The daemon writes the volume's clean flag on its way out; the loop device must outlive that.
    await waitFor(`the FUSE daemon ${pid} to exit`, () => !isAlive(pid)).catch(() => undefined);
  } else {
    // A dead FUSE mount cannot be unmounted normally: every access fails with ENOTCONN.
    await run('umount', ['-l', state.mountpoint]);
  }
  state.mounted = false;
  state.fusePid = null;
}

async function applyThrottle(state: VolumeState): Promise<void> {
  if (state.majMin === null) throw new Error('no loop device to throttle');
  if (state.cgroup === null) {
    const cgroup = join(blkioRoot, `station-exfat-${process.pid}-${randomBytes(3).toString('hex')}`);
    await mkdir(cgroup);
    state.cgroup = cgroup;
  }
  // Writing 0 deletes the rule; the daemon may stay in the group unthrottled.
  await writeFile(join(state.cgroup, 'blkio.throttle.read_bps_device'), `${state.majMin} ${state.rate ?? 0}`);
  // The daemon does every read of the device, so throttling it throttles the volume for everyone.
  if (state.fusePid !== null && state.rate !== null) await writeFile(join(state.cgroup, 'cgroup.procs'), String(state.fusePid));
}

async function removeCgroup(state: VolumeState): Promise<void> {
  if (state.cgroup === null) return;
  const procs = await readFile(join(state.cgroup, 'cgroup.procs'), 'utf8').catch(() => '');
  for (const pid of procs.split('\n').filter(Boolean)) await writeFile(join(blkioRoot, 'cgroup.procs'), pid).catch(() => undefined);
  await rmdir(state.cgroup);
  state.cgroup = null;
}

async function destroy(state: VolumeState): Promise<void> {
  const errors: unknown[] = [];
  const attempt = async (step: () => Promise<unknown>) => {
    try {
      await step();
    } catch (error) {
      errors.push(error);
    }
  };
  await attempt(() => unmount(state));
  await attempt(() => removeCgroup(state));
  if (state.loopDevice !== null) {
    const loop = state.loopDevice;
    await attempt(async () => {
      await run('losetup', ['-d', loop]);
      state.loopDevice = null;
    });
  }
  await attempt(() => rm(state.workDir, { recursive: true, force: true }));
  if (errors.length === 0) live.delete(state);
  else throw new AggregateError(errors, `cleaning up the exFAT volume ${state.mountpoint} failed`);
}

/** Best effort when the process ends with volumes still set up (a crashed or killed test). */
function destroyAllNow(): void {
  for (const state of live) {
    const quiet = (command: string, args: string[]) => {
      try {
        execFileSync(command, args, { stdio: 'ignore' });
      } catch {
        // Best effort: the next step may still succeed.
      }
    };
    const pid = state.fusePid;
    if (pid !== null && isAlive(pid)) {
      process.kill(pid, 'SIGKILL');
      // A cgroup with a live member cannot be removed; give the daemon a moment to go.
      const until = Date.now() + 2000;
      while (isAlive(pid) && Date.now() < until) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 20);
    }
    if (state.mounted) quiet('umount', ['-l', state.mountpoint]);
    if (state.cgroup !== null) quiet('rmdir', [state.cgroup]);
    if (state.loopDevice !== null) quiet('losetup', ['-d', state.loopDevice]);
    rmSync(state.workDir, { recursive: true, force: true });
  }
  live.clear();
}

export async function createExfatVolume(options: ExfatVolumeOptions): Promise<ExfatVolume> {
  const { sizeMiB, label } = options;
  if (!/^[^/\\\0]{1,11}$/.test(label)) throw new Error(`an exFAT label has 1 to 11 characters and no slashes: "${label}"`);
  if (!Number.isInteger(sizeMiB) || sizeMiB < 8) throw new Error(`sizeMiB must be a whole number ≥ 8, not ${sizeMiB}`);
  if (!exitHookInstalled) {
    process.once('exit', destroyAllNow);
    exitHookInstalled = true;
  }
  const workDir = await mkdtemp(join(options.parentDir ?? tmpdir(), 'station-exfat-'));
  const state: VolumeState = {
    workDir,
    label,
    mountpoint: join(workDir, label),
    image: join(workDir, 'volume.img'),
    loopDevice: null,
    majMin: null,
    fusePid: null,
    mounted: false,
    cgroup: null,
    rate: null,
  };
  live.add(state);
  try {
    await writeFile(state.image, '');
    await truncate(state.image, sizeMiB * 1024 * 1024);
    // Direct I/O to the image, as a card reader's DMA: a buffered loop device copies every block
    // through the image file's page cache on a kernel worker (0.45 CPU-s per 300 MB here, against
    // 0.07), a cost no real card has, which took CPU from the station in the rack benchmark.
    const loopDevice = (await run('losetup', ['-f', '--show', '--direct-io=on', state.image])).stdout.trim();
    state.loopDevice = loopDevice;
    state.majMin = (await readFile(`/sys/class/block/${basename(loopDevice)}/dev`, 'utf8')).trim();
    await run('mkfs.exfat', ['-L', label, loopDevice]);
    await mkdir(state.mountpoint);
    await mount(state, loopDevice);
  } catch (error) {
    await destroy(state).catch(() => undefined);
    throw error;
  }
  return volumeHandle(state);
}

function volumeHandle(state: VolumeState): ExfatVolume {
  const required = <T>(value: T | null, what: string): T => {
    if (value === null) throw new Error(`the volume ${state.mountpoint} has no ${what} (destroyed or unmounted)`);
    return value;
  };
  return {
    label: state.label,
    mountpoint: state.mountpoint,
    image: state.image,
    get loopDevice() {
      return required(state.loopDevice, 'loop device');
    },
    get majMin() {
      return required(state.majMin, 'loop device');
    },
    get fusePid() {
      return required(state.fusePid, 'FUSE daemon');
    },
    async pullCable() {
      const pid = required(state.fusePid, 'FUSE daemon');
      process.kill(pid, 'SIGKILL');
      await waitFor(`the FUSE daemon ${pid} to die`, () => !isAlive(pid));
    },
    unmount: () => unmount(state),
    async remount() {
      const loopDevice = required(state.loopDevice, 'loop device');
      await unmount(state);
      await mount(state, loopDevice);
    },
    async throttle(bytesPerSecond) {
      if (bytesPerSecond !== null && !(Number.isInteger(bytesPerSecond) && bytesPerSecond > 0)) {
        throw new Error(`a throttle is a whole number of bytes per second above 0, or null: ${bytesPerSecond}`);
      }
      state.rate = bytesPerSecond;
      if (bytesPerSecond !== null || state.cgroup !== null) await applyThrottle(state);
    },
    destroy: () => (live.has(state) ? destroy(state) : Promise.resolve()),
  };
}

/** Flushes and empties the page cache, so the next read of a volume comes from its device (and its throttle). */
export async function dropCaches(): Promise<void> {
  await run('sync');
  await writeFile('/proc/sys/vm/drop_caches', '3');
}
