import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Device, IngestReport, Recording } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('a recorder that writes local time into QuickTime:CreateDate', () => {
  it('is read eight hours off until a clerk confirms it (station device local-time), then in the station zone, saying so', () => {
    const root = tempDir('metadata-local-time');
    const data = join(root, 'data');
    // The camera's clock reads 08:30:15 in Shanghai; it writes that wall time where MP4 keeps UTC.
    makeVideo(join(root, 'first/DCIM/7654321_123456_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T08:30:15Z' });
    makeVideo(join(root, 'second/DCIM/7654321_123456_20261127091000_0001.MP4'), { seed: 2, creationTime: '2026-11-27T09:10:00Z' });
    const device = runCliJson<Device>(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).json;
    expect(device.metadataLocalTime).toBe(false);

    const before = runCliJson<IngestReport>(data, ['ingest', join(root, 'first')]).json;
    expect(before.deviceId).toBe(device.id);
    expect(runCliJson<Recording[]>(data, ['recordings']).json.map((r) => r.recordedAt)).toEqual(['2026-11-26T16:30:15.000+08:00']);
    expect(before.clockDrift.metadataZone).toBe('UTC');
    expect(before.findings).toEqual([{ kind: 'timezone-mismatch', source: 'DCIM/7654321_123456_20261126083015_0001.MP4', hours: -8 }]);

    const confirmed = runCliJson<Device>(data, ['device', 'local-time', String(device.id), 'on']);
    expect(confirmed.status).toBe(0);
    expect(confirmed.json).toMatchObject({ id: device.id, metadataLocalTime: true });
    expect(runCliJson<Device[]>(data, ['device', 'list']).json).toMatchObject([{ id: device.id, metadataLocalTime: true }]);

    const after = runCliJson<IngestReport>(data, ['ingest', join(root, 'second')]).json;
    expect(after.clockDrift.metadataZone).toBe('Asia/Shanghai');
    expect(after.findings).toEqual([]);
    expect(after.files[0]?.clock?.deviceTime).toBe('2026-11-27T09:10:00.000+08:00');
    // The first card imported again: its file, archived before the confirmation, is read the new way too.
    const again = runCliJson<IngestReport>(data, ['ingest', join(root, 'first')]).json;
    expect(again).toMatchObject({ totals: { duplicate: 1 }, clockDrift: { metadataZone: 'Asia/Shanghai' }, findings: [] });
    // The list shows both on the recorder's own clock now, the one archived before the confirmation too.
    expect(runCliJson<Recording[]>(data, ['recordings']).json.map((r) => r.recordedAt)).toEqual([
      '2026-11-27T09:10:00.000+08:00',
      '2026-11-26T08:30:15.000+08:00',
    ]);
  }, 120_000);

  it('is filtered by the day of its own clock once confirmed, and by the header reading before', async () => {
    const root = tempDir('metadata-local-time-days');
    const data = join(root, 'data');
    // 20:30 on the 26th on the camera's clock, written where MP4 keeps UTC: read as UTC it is 04:30 on the 27th in Shanghai.
    makeVideo(join(root, 'card/DCIM/7654321_123456_20261126203000_0001.MP4'), { seed: 3, creationTime: '2026-11-26T20:30:00Z' });
    const device = runCliJson<Device>(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).json;
    expect(runCliJson<IngestReport>(data, ['ingest', join(root, 'card')]).status).toBe(0);
    const clerk = { name: 'wang', role: 'clerk' } as const;
    const onThe = async (day: string): Promise<number> => {
      const station = await openStation({ dataDir: data });
      try {
        const page = await station.call('recordings.list', { from: day, to: day }, clerk);
        if (!page.ok) throw new Error(JSON.stringify(page.error));
        return page.value.total;
      } finally {
        await station.close();
      }
    };
    expect([await onThe('2026-11-26'), await onThe('2026-11-27')]).toEqual([0, 1]);
    expect(runCliJson<Device>(data, ['device', 'local-time', String(device.id), 'on']).status).toBe(0);
    expect([await onThe('2026-11-26'), await onThe('2026-11-27')]).toEqual([1, 0]);
  }, 120_000);

  it('is confirmed by those who ingest, not by an auditor, and only for a device that exists', async () => {
    const station = await openStation({ dataDir: join(tempDir('metadata-local-time-roles'), 'data') });
    try {
      const added = await station.call('devices.add', { type: 'body-camera', serial: '7654321' }, { name: 'wang', role: 'clerk' });
      if (!added.ok) throw new Error(JSON.stringify(added.error));
      const auditor = await station.call('devices.setMetadataLocalTime', { id: added.value.id, localTime: true }, { name: 'li', role: 'auditor' });
      expect(auditor).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      const missing = await station.call('devices.setMetadataLocalTime', { id: added.value.id + 1, localTime: true }, { name: 'wang', role: 'clerk' });
      expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
      const withdrawn = await station.call('devices.setMetadataLocalTime', { id: added.value.id, localTime: false }, { name: 'wang', role: 'clerk' });
      expect(withdrawn).toMatchObject({ ok: true, value: { metadataLocalTime: false } });
    } finally {
      await station.close();
    }
  });
});
