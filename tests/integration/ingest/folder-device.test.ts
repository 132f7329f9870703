import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Device, IngestReport, Recording } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('a folder copied off a recorder', () => {
  it('is tied to the registered device its file names carry, and an unknown one to none', () => {
    const root = tempDir('folder-device');
    const data = join(root, 'data');
    makeVideo(join(root, 'known/DCIM/7654321_123456_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T00:30:15Z' });
    makeVideo(join(root, 'other/DCIM/CLIP0001.MP4'), { seed: 2 });
    const device = runCliJson<Device>(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).json;

    const known = runCliJson<IngestReport>(data, ['ingest', join(root, 'known')]).json;
    expect(known.deviceId).toBe(device.id);
    expect(known.mountpoint).toBeNull();
    const other = runCliJson<IngestReport>(data, ['ingest', join(root, 'other')]).json;
    expect(other.deviceId).toBeNull();

    const rows = runCliJson<Recording[]>(data, ['recordings']).json;
    expect(Object.fromEntries(rows.map((r) => [r.originalName, r.device]))).toEqual({
      'DCIM/7654321_123456_20261126083015_0001.MP4': '7654321',
      'DCIM/CLIP0001.MP4': 'other',
    });
    const found = runCliJson<Recording[]>(data, ['recordings', '--search', '7654321']).json;
    expect(found.map((r) => r.originalName)).toEqual(['DCIM/7654321_123456_20261126083015_0001.MP4']);
  });
});
