import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AttachedVolume, Device } from '../../src-main/contract/index.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeJpeg } from '../integration/media/make-media.js';
import { fillVolume, replug } from './watch-cards.js';
import { WatchSession } from './watch-session.js';

const missing = requireRootFeatures();

describe.skipIf(missing !== null)('station watch --auto-ingest: a card from a device nobody registered', () => {
  const work = tempDir('sim-watch-unknown');
  const dataDir = join(work, 'data');
  const staging = join(work, 'card');
  let session: WatchSession | undefined;
  let volume: ExfatVolume | undefined;

  beforeAll(async () => {
    // A camera's names carry no recorder serial.
    mkdirSync(join(staging, 'DCIM/100MSDCF'), { recursive: true });
    for (const n of [1, 2]) await makeJpeg(join(staging, `DCIM/100MSDCF/DSC000${n}.JPG`));
    // A registered recorder, so that auto-ingest has something it would ingest.
    const added = runCliJson<Device>(dataDir, ['device', 'add', '--serial', '2718281', '--type', 'body-camera']);
    expect(added.status, added.stderr).toBe(0);
    session = await WatchSession.start(dataDir);
    volume = await createExfatVolume({ sizeMiB: 16, label: 'CAMERA' });
    await session.next('the empty card', (e) => e.type === 'volume.attached' && e.mountpoint === volume!.mountpoint);
    await fillVolume(volume, staging);
  });
  afterAll(async () => {
    await session?.kill();
    await volume?.destroy();
  });

  it('is reported as an unknown device and left alone: nothing is ingested', async () => {
    const { mountpoint } = volume!;
    const { from } = await replug(session!, volume!);
    const attached = await session!.next('the camera card', (e) => e.type === 'volume.attached' && e.mountpoint === mountpoint, { from });
    expect(attached.event).toMatchObject({ deviceId: null, device: null, how: null, serial: null, state: 'unknown-device', safeToRemove: false });

    // An ingest would start within milliseconds of the attach; give it ample time not to.
    await sleep(2000);
    expect(session!.about(mountpoint, attached.index + 1)).toEqual([]);

    // A one-shot look at the attached volumes agrees.
    const devices = runCliJson<AttachedVolume[]>(dataDir, ['devices', '--any-volume']);
    expect(devices.status, devices.stderr).toBe(0);
    expect(devices.json.find((v) => v.mountpoint === mountpoint)).toMatchObject({ deviceId: null, state: 'unknown-device', label: 'CAMERA' });
    const stopped = await session!.stop();
    expect(stopped.code).toBe(0);
  });
});
