import { readFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Volume } from '../../src-main/core/volumes/volume.js';
import { createVolumeScanner, type VolumeScanner } from '../../src-main/core/volumes/volume-scanner.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { tempDir } from '../helpers/temp-dir.js';

const missing = requireRootFeatures();

interface Seen {
  type: 'attach' | 'detach';
  volume: Volume;
  at: number;
}

const errors: Error[] = [];

function record(scanner: VolumeScanner): Seen[] {
  const seen: Seen[] = [];
  scanner.on('attach', (volume) => seen.push({ type: 'attach', volume, at: performance.now() }));
  scanner.on('detach', (volume) => seen.push({ type: 'detach', volume, at: performance.now() }));
  scanner.on('error', (error) => errors.push(error));
  return seen;
}

async function waitForEvent(seen: Seen[], type: Seen['type'], mountpoint: string, after: number, timeoutMs = 5000): Promise<Seen> {
  const until = performance.now() + timeoutMs;
  for (;;) {
    const found = seen.find((event) => event.type === type && event.volume.mountpoint === mountpoint && event.at >= after);
    if (found) return found;
    if (performance.now() > until) throw new Error(`no ${type} of ${mountpoint} within ${timeoutMs} ms`);
    await sleep(5);
  }
}

const mountpoints = (): string[] =>
  readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .map((line) => (line.split(' ')[4] ?? '').replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8))));

/**
 * The moment a mount whose folder ends in /<name> appears in (or, with `gone`, leaves) the mount
 * table, watched every 2 ms: the start of the latency we measure.
 */
function mountMoment(name: string, gone = false): { at: Promise<number>; cancel(): void } {
  let cancel = () => undefined as void;
  const at = new Promise<number>((resolve) => {
    const timer = setInterval(() => {
      const present = mountpoints().some((mountpoint) => mountpoint.endsWith(`/${name}`));
      if (present !== gone) {
        clearInterval(timer);
        resolve(performance.now());
      }
    }, 2);
    cancel = () => clearInterval(timer);
  });
  return { at, cancel };
}

const latencies: Record<string, number> = {};

describe.skipIf(missing !== null)('the volume scanner on real exFAT volumes (loop device, FUSE)', () => {
  const work = tempDir('sim-scanner');
  const dataDir = join(work, 'station-data');
  const volumes: ExfatVolume[] = [];
  let scanner: VolumeScanner;
  let strict: VolumeScanner;
  let seen: Seen[];
  let strictSeen: Seen[];

  async function mountVolume(label: string, parentDir?: string): Promise<{ volume: ExfatVolume; mountedAt: number }> {
    const moment = mountMoment(label);
    try {
      const volume = await createExfatVolume({ sizeMiB: 16, label, ...(parentDir ? { parentDir } : {}) });
      volumes.push(volume);
      return { volume, mountedAt: await moment.at };
    } finally {
      moment.cancel();
    }
  }

  beforeAll(async () => {
    await mkdir(dataDir, { recursive: true });
    scanner = createVolumeScanner({ anyVolume: true, excludePath: dataDir });
    strict = createVolumeScanner({ excludePath: dataDir });
    seen = record(scanner);
    strictSeen = record(strict);
    await Promise.all([scanner.start(), strict.start()]);
  });
  afterAll(async () => {
    await scanner?.stop();
    await strict?.stop();
    for (const volume of volumes) await volume.destroy();
    console.info(`volume scanner latencies (ms): ${JSON.stringify(latencies)}`);
  });

  it('attaches a volume mounted in a plain folder within a second, with label (a space in it), UUID and size', async () => {
    const { volume, mountedAt } = await mountVolume('REC 01');
    const attached = await waitForEvent(seen, 'attach', volume.mountpoint, 0);
    latencies.attachPlainFolder = Math.round(attached.at - mountedAt);
    expect(attached.at - mountedAt).toBeLessThan(1000);
    expect(attached.volume).toEqual({
      mountpoint: volume.mountpoint,
      device: volume.loopDevice,
      label: 'REC 01',
      uuid: expect.stringMatching(/^[0-9A-F]{4}-[0-9A-F]{4}$/),
      fsType: 'exfat',
      // A loop device is not removable: only the anyVolume scanner offers it.
      removable: false,
      sizeBytes: expect.any(Number),
      freeBytes: expect.any(Number),
    });
    expect(attached.volume.sizeBytes).toBeGreaterThan(8 * 1024 * 1024);
    expect(attached.volume.sizeBytes).toBeLessThanOrEqual(16 * 1024 * 1024);
    expect(attached.volume.freeBytes).toBeGreaterThan(0);
    expect(scanner.volumes.map((v) => v.mountpoint)).toContain(volume.mountpoint);
  });

  it('detaches a volume whose cable is pulled (the dead FUSE mount stays in the table), on the polled path and attaches it again on replug', async () => {
    const volume = volumes.find((v) => v.label === 'REC 01')!;
    const pulledAt = performance.now();
    await volume.pullCable();
    const detached = await waitForEvent(seen, 'detach', volume.mountpoint, pulledAt);
    latencies.detachPulledCable = Math.round(detached.at - pulledAt);
    expect(detached.at - pulledAt).toBeLessThan(1000);
    expect(mountpoints()).toContain(volume.mountpoint);

    const replugAt = performance.now();
    await volume.remount();
    const again = await waitForEvent(seen, 'attach', volume.mountpoint, replugAt);
    expect(again.volume.uuid).toBe(detached.volume.uuid);
  });

  it('attaches a volume mounted under /media/<folder>/<label> within a second (the folder watch triggers)', async () => {
    const { volume, mountedAt } = await mountVolume('DSJ-A8', '/media');
    const attached = await waitForEvent(seen, 'attach', volume.mountpoint, 0);
    latencies.attachUnderMedia = Math.round(attached.at - mountedAt);
    expect(attached.at - mountedAt).toBeLessThan(1000);
    expect(attached.volume.label).toBe('DSJ-A8');
  });

  it('does not offer non-removable volumes without anyVolume', async () => {
    // Both scanners have had more than a full poll since the mounts; the strict one saw neither.
    await sleep(1200);
    expect(strictSeen).toEqual([]);
    expect(strict.volumes).toEqual([]);
  });

  it('detaches an unmounted volume within a second', async () => {
    const volume = volumes.find((v) => v.label === 'DSJ-A8')!;
    const moment = mountMoment('DSJ-A8', true);
    const destroyed = volume.destroy();
    const unmountedAt = await moment.at;
    const detached = await waitForEvent(seen, 'detach', volume.mountpoint, unmountedAt);
    await destroyed;
    latencies.detachUnmounted = Math.round(detached.at - unmountedAt);
    expect(detached.at - unmountedAt).toBeLessThan(1000);
    expect(detached.volume.label).toBe('DSJ-A8');
  });

  it('never offers the volume that holds the archive', async () => {
    const { volume } = await mountVolume('ARCHIVE');
    await waitForEvent(seen, 'attach', volume.mountpoint, 0);
    const archiveScanner = createVolumeScanner({ anyVolume: true, excludePath: join(volume.mountpoint, 'station-data') });
    await archiveScanner.start();
    const offered = archiveScanner.volumes.map((v) => v.mountpoint);
    await archiveScanner.stop();
    expect(offered).not.toContain(volume.mountpoint);
    expect(offered).toContain(volumes.find((v) => v.label === 'REC 01')!.mountpoint);
  });

  it('emits nothing after stop, neither for new volumes nor for ones that go', async () => {
    // A scanner stopped while its first scan is still describing the volumes present reports none of them.
    const early = createVolumeScanner({ anyVolume: true, excludePath: dataDir });
    const earlySeen = record(early);
    const starting = early.start();
    await early.stop();
    await starting;

    await scanner.stop();
    const before = seen.length;
    const gone = volumes.find((v) => v.label === 'ARCHIVE')!;
    await gone.destroy();
    await mountVolume('AFTER STOP');
    await sleep(1500);
    expect(seen.length).toBe(before);
    expect(earlySeen).toEqual([]);
    expect(scanner.volumes).toEqual([]);
    expect(errors).toEqual([]);
  });
});
