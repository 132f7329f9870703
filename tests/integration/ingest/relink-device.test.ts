import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Device, IngestReport, Recording } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('a recorder registered after its folder was imported', () => {
  it('is offered for registration, then takes over the earlier recordings of its serial from the folder name; other folders keep theirs', async () => {
    const root = tempDir('relink-device');
    const data = join(root, 'data');
    makeVideo(join(root, 'card2/DCIM/7654321_123456_20261126083015_0001.MP4'), { seed: 1 });
    makeVideo(join(root, 'card2/DCIM/7654321_123456_20261126084015_0002.MP4'), { seed: 2 });
    makeVideo(join(root, 'card3/DCIM/1111111_123456_20261126083015_0001.MP4'), { seed: 3 });
    // Two recorders' files in one folder: which one it was is no guess to make.
    makeVideo(join(root, 'mixed/7654321_123456_20261127083015_0001.MP4'), { seed: 4 });
    makeVideo(join(root, 'mixed/2222222_123456_20261127083015_0001.MP4'), { seed: 5 });
    const reports = Object.fromEntries(
      ['card2', 'card3', 'mixed'].map((card) => [card, runCliJson<IngestReport>(data, ['ingest', join(root, card)]).json]),
    );
    expect(Object.values(reports).map((r) => r.deviceId)).toEqual([null, null, null]);
    expect(reports.card2?.unregisteredSerial).toBe('7654321');
    expect(reports.card3?.unregisteredSerial).toBe('1111111');
    const devices = () => Object.fromEntries(runCliJson<Recording[]>(data, ['recordings']).json.map((r) => [r.originalName, r.device]));
    expect(new Set(Object.values(devices()))).toEqual(new Set(['card2', 'card3', 'mixed']));

    // The recording detail offers the serial its name carries while no device is tied to it.
    const offered = async () => {
      const station = await openStation({ dataDir: data });
      try {
        const page = await station.call('recordings.list', { search: '_0001.MP4' }, { name: 'wang', role: 'clerk' });
        if (!page.ok) throw new Error(JSON.stringify(page.error));
        const details = await Promise.all(page.value.rows.map((row) => station.call('recordings.get', { id: row.id }, { name: 'wang', role: 'clerk' })));
        return Object.fromEntries(details.map((d) => (d.ok ? [d.value.originalName, d.value.unregisteredSerial] : ['error', d.error.message])));
      } finally {
        await station.close();
      }
    };
    expect(await offered()).toEqual({
      'DCIM/7654321_123456_20261126083015_0001.MP4': '7654321',
      'DCIM/1111111_123456_20261126083015_0001.MP4': '1111111',
      '7654321_123456_20261127083015_0001.MP4': '7654321',
      '2222222_123456_20261127083015_0001.MP4': '2222222',
    });

    const device = runCliJson<Device>(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).json;
    expect(devices()).toEqual({
      'DCIM/7654321_123456_20261126083015_0001.MP4': '7654321',
      'DCIM/7654321_123456_20261126084015_0002.MP4': '7654321',
      'DCIM/1111111_123456_20261126083015_0001.MP4': 'card3',
      '7654321_123456_20261127083015_0001.MP4': 'mixed',
      '2222222_123456_20261127083015_0001.MP4': 'mixed',
    });
    expect(await offered()).toMatchObject({ 'DCIM/7654321_123456_20261126083015_0001.MP4': null, 'DCIM/1111111_123456_20261126083015_0001.MP4': '1111111' });
    // A new import of that card names the device and offers nothing to register.
    const relinked = runCliJson<IngestReport>(data, ['ingest', join(root, 'card2')]).json;
    expect(relinked).toMatchObject({ deviceId: device.id, unregisteredSerial: null });
  }, 120_000);
});
