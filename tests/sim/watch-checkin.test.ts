import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow, LedgerEntry } from '../../src-main/contract/index.js';
import { openStation } from '../../src-main/core/station.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCli, runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fillVolume, replug, stageCard, video } from './watch-cards.js';
import { WatchSession } from './watch-session.js';

const missing = requireRootFeatures();

const SERIAL = '7654321';
const OFFICER = '123456';
const hour = 3_600_000;

describe.skipIf(missing !== null)('a checked-out recorder plugged in', () => {
  const work = tempDir('sim-watch-checkin');
  const dataDir = join(work, 'data');
  const staging = join(work, 'card');
  const recordedAt = Date.now() - 2 * hour;
  let session: WatchSession | undefined;
  let volume: ExfatVolume | undefined;

  beforeAll(async () => {
    const local = DateTime.fromMillis(recordedAt, { zone: 'Asia/Shanghai' }).toFormat('yyyyMMddHHmmss');
    const utc = DateTime.fromMillis(recordedAt, { zone: 'UTC' }).toFormat("yyyy-MM-dd'T'HH:mm:ss'Z'");
    await stageCard(staging, { [`DCIM/100MEDIA/${SERIAL}_${OFFICER}_${local}_0001.MP4`]: video(1, utc) });
    expect(runCli(dataDir, ['device', 'add', '--serial', SERIAL, '--type', 'body-camera']).status).toBe(0);
    expect(runCli(dataDir, ['person', 'add', '--name', '张伟', '--officer-number', OFFICER]).status).toBe(0);
    const out = runCli(dataDir, ['checkout', '--device', SERIAL, '--officer', OFFICER, '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', new Date(Date.now() - 3 * hour).toISOString()]);
    expect(out.status, out.stderr).toBe(0);
    mkdirSync('/media', { recursive: true });
    // Neither auto-ingest nor check-in on plug-in to begin with: the settings decide, read as each card comes.
    session = await WatchSession.start(dataDir, ['--any-volume']);
    volume = await createExfatVolume({ sizeMiB: 32, label: 'DSJ-CHK', parentDir: '/media' });
    await session.next('the blank card', (e) => e.type === 'volume.attached' && e.mountpoint === volume!.mountpoint);
    await fillVolume(volume, staging);
  }, 120_000);
  afterAll(async () => {
    await session?.kill();
    await volume?.destroy();
  });

  const on = (type: string) => (e: { type: string; mountpoint?: string }) => e.type === type && e.mountpoint === volume!.mountpoint;

  it('says whose it is and since when, and leaves the check-in to the desk', async () => {
    const { from } = await replug(session!, volume!);
    const attached = await session!.next('the recorder', on('volume.attached'), { from });
    expect(attached.event).toMatchObject({ state: 'ready', deviceId: 1, openCheckout: { checkoutId: 1, officerName: '张伟', officerNumber: OFFICER } });
    expect(runCliJson<LedgerEntry[]>(dataDir, ['ledger']).json[0]?.state).toBe('out');
  }, 120_000);

  it('with checkInOnPlugIn, checks it in at the plug-in time before the ingest, which then meets the deadline', async () => {
    const station = await openStation({ dataDir });
    try {
      const changed = await station.call('settings.update', { checkInOnPlugIn: true, autoIngest: true }, { name: 'zhao', role: 'admin' });
      expect(changed.ok).toBe(true);
    } finally {
      await station.close();
    }
    const before = Date.now();
    const { from } = await replug(session!, volume!);
    const attached = await session!.next('the recorder again', on('volume.attached'), { from });
    expect(attached.event).toMatchObject({ deviceId: 1, openCheckout: null });
    const completed = await session!.next('its ingest', on('ingest.completed'), { from: attached.index });
    await session!.next('the card verified', (e) => on('volume.updated')(e) && e.state === 'verified', { from: completed.index });

    const [entry] = runCliJson<LedgerEntry[]>(dataDir, ['ledger']).json;
    expect(entry).toMatchObject({ state: 'ingested', checkedInBy: 'station', content: { recordings: 1, ingests: [completed.event.ingestId] } });
    const returnedAt = Date.parse(entry!.returnedAt!);
    expect(returnedAt).toBeGreaterThanOrEqual(before - 1000);
    expect(returnedAt).toBeLessThanOrEqual(attached.at);
    const rows = runCliJson<AuditRow[]>(dataDir, ['audit', 'list']).json;
    const checkin = rows.findIndex((row) => row.action === 'ledger.checkin');
    expect(rows[checkin]).toMatchObject({ actor: 'station', role: 'station', object: 'checkout:1' });
    expect(rows.findIndex((row) => row.action === 'ingest.start')).toBeGreaterThan(checkin);
    expect(runCliJson<{ ok: boolean }>(dataDir, ['audit', 'verify']).json.ok).toBe(true);
  }, 180_000);
});
