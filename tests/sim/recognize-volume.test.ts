import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/core/db/database.js';
import { addDevice } from '../../src-main/core/devices/device-store.js';
import { recognizeVolume } from '../../src-main/core/devices/recognize-volume.js';
import { StationError } from '../../src-main/core/errors.js';
import { probeBlockIdentity } from '../../src-main/core/volumes/block-identity.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { tempDir } from '../helpers/temp-dir.js';
import { sha256File, snapshotVolume, writeRandomFile } from './volume-snapshot.js';

const missing = requireRootFeatures();

/** The whole image as it is on its disk: remounting makes the FUSE daemon write out everything it holds. */
async function imageHash(volume: ExfatVolume): Promise<string> {
  await volume.remount();
  execFileSync('sync');
  return sha256File(volume.image);
}

describe.skipIf(missing !== null)('recognising a real exFAT card (loop device, FUSE) without changing it', () => {
  const work = tempDir('sim-recognize');
  const db = openDatabase(join(work, 'station.db'));
  const volumes: ExfatVolume[] = [];
  afterAll(async () => {
    db.close();
    for (const volume of volumes) await volume.destroy();
  });

  async function card(label: string, files: Record<string, string | number>): Promise<ExfatVolume> {
    const volume = await createExfatVolume({ sizeMiB: 16, label });
    volumes.push(volume);
    for (const [relative, content] of Object.entries(files)) {
      const path = join(volume.mountpoint, relative);
      mkdirSync(join(path, '..'), { recursive: true });
      if (typeof content === 'number') writeRandomFile(path, content);
      else writeFileSync(path, content);
    }
    return volume;
  }

  it('knows a recorder by its file names and leaves the image byte for byte as it was', async () => {
    const recorder = addDevice(db, { type: 'body-camera', serial: '1234567' });
    const files: Record<string, number> = {};
    for (let i = 1; i <= 30; i += 1) files[`DCIM/100MEDIA/1234567_123456_20261126_0830${String(i).padStart(2, '0')}_${String(i).padStart(4, '0')}.MP4`] = 4096;
    const volume = await card('DSJ A8', { ...files, 'DEVICE.TXT': '7777777\n' });
    const before = await imageHash(volume);

    const identity = await probeBlockIdentity(volume.loopDevice);
    const result = await recognizeVolume(db, { mountpoint: volume.mountpoint, uuid: identity.uuid, label: identity.label });
    expect(result).toMatchObject({ deviceId: recorder.id, how: 'file-name-serial', serial: '1234567' });
    expect(result.candidates[0]).toMatchObject({ files: 30 });

    expect(await imageHash(volume)).toBe(before);
  });

  it("knows a camera by its identity file, leaving every name, size, time and byte of content as it was", async () => {
    const camera = addDevice(db, { type: 'camera', serial: 'CAM0001' });
    const volume = await card('EOS_DIGITAL', { 'DCIM/100CANON/IMG_0001.JPG': 8192, 'SERIAL.TXT': 'CAM0001\r\n' });
    const before = await snapshotVolume(volume.mountpoint);
    const identity = await probeBlockIdentity(volume.loopDevice);
    const result = await recognizeVolume(db, { mountpoint: volume.mountpoint, uuid: identity.uuid, label: identity.label });
    expect(result).toMatchObject({ deviceId: camera.id, how: 'identity-file', serial: 'CAM0001' });
    // exfat-fuse records the identity file's access time (it ignores O_NOATIME); nothing else may change.
    expect(await snapshotVolume(volume.mountpoint)).toEqual(before);
  });

  it('says a card whose cable was pulled cannot be read', async () => {
    const volume = await card('PULLED', { 'DCIM/100MEDIA/1234567_123456_20261126_083001_0001.MP4': 4096 });
    await volume.pullCable();
    const error = await recognizeVolume(db, { mountpoint: volume.mountpoint, uuid: null, label: null }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StationError);
    expect((error as StationError).code).toBe('source-unreadable');
  });
});
