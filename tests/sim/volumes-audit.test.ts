import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../src-main/contract/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { tempDir } from '../helpers/temp-dir.js';
import { makeJpeg } from '../integration/media/make-media.js';
import { fillVolume, stageCard } from './watch-cards.js';

const missing = requireRootFeatures();
const auditor = { name: 'sun', role: 'auditor' } as const;

/**
 * `volumes.match` and `volumes.ingest` answer after awaiting (recognition, the ingest being set up),
 * so the router cannot wrap them in its transaction: each writes its own row, naming who asked.
 */
describe.skipIf(missing !== null)('a plugged-in card matched and ingested by hand, in the audit chain', () => {
  const work = tempDir('sim-volumes-audit');
  let volume: ExfatVolume | undefined;
  let station: Station | undefined;

  const rows = async (action: string): Promise<AuditRow[]> => {
    const listed = await station!.call('audit.list', {}, auditor);
    if (!listed.ok) throw new Error(listed.error.message);
    return listed.value.filter((row) => row.action === action);
  };

  beforeAll(async () => {
    // A camera's names carry no recorder serial: the station cannot tell which device it is.
    const staging = join(work, 'card');
    await stageCard(staging, { 'DCIM/100MSDCF/DSC00001.JPG': makeJpeg });
    volume = await createExfatVolume({ sizeMiB: 16, label: 'CAM-AUDIT' });
    await fillVolume(volume, staging);
    station = await openStation({ dataDir: join(work, 'data'), watch: { operator: 'desk', anyVolume: true, autoIngest: false } });
    await station.startWatching();
  });
  afterAll(async () => {
    await station?.close();
    await volume?.destroy();
  });

  it('records who matched the card to a device, and who asked for its ingest', async () => {
    const { mountpoint } = volume!;
    const added = await station!.call('devices.add', { type: 'camera', serial: 'CAM0001' }, { name: 'wang', role: 'clerk' });
    if (!added.ok) throw new Error(added.error.message);
    for (;;) {
      const listed = await station!.call('volumes.list', {}, { name: 'wang', role: 'clerk' });
      if (listed.ok && listed.value.some((v) => v.mountpoint === mountpoint && v.state === 'unknown-device')) break;
      await sleep(50);
    }

    const matched = await station!.call('volumes.match', { mountpoint, deviceId: added.value.id }, { name: 'wang', role: 'clerk' });
    expect(matched.ok).toBe(true);
    const [match] = await rows('volumes.match');
    expect(match).toMatchObject({ actor: 'wang', role: 'clerk', object: `device:${added.value.id}`, details: { kind: 'change', mountpoint, label: 'CAM-AUDIT' } });
    // The identity it remembered is in the row: the card's volume UUID.
    expect(match?.details.knownBy).toEqual(expect.arrayContaining([{ kind: 'volume-uuid', value: expect.any(String) }]));

    const started = await station!.call('volumes.ingest', { mountpoint }, { name: 'li', role: 'lead' });
    if (!started.ok) throw new Error(started.error.message);
    for (;;) {
      const report = await station!.call('ingest.get', { ingestId: started.value.ingestId }, auditor);
      if (report.ok && report.value.state !== 'running') break;
      await sleep(50);
    }
    const object = `ingest:${started.value.ingestId}`;
    // Named for the lead who asked, not for the station (which is who starts an auto-ingest).
    expect((await rows('ingest.start')).filter((row) => row.object === object)).toMatchObject([{ actor: 'li', role: 'lead' }]);
    expect((await rows('ingest.finish')).filter((row) => row.object === object)).toMatchObject([{ actor: 'li', role: 'lead', details: { state: 'completed' } }]);
  }, 120_000);

  it('writes no row for a match refused: a device that does not exist', async () => {
    const before = (await rows('volumes.match')).length;
    const refused = await station!.call('volumes.match', { mountpoint: volume!.mountpoint, deviceId: 999 }, { name: 'wang', role: 'clerk' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await rows('volumes.match')).toHaveLength(before);
  });
});
