import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Recording } from '../../src-main/contract/index.js';
import { createExfatVolume, dropCaches, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitForPartial } from '../helpers/partial-copies.js';
import { fillVolume, hdVideo, recorderName, recorderTime, replug, stageCard, video } from './watch-cards.js';
import { filesUnder, writeRandomFile } from './volume-snapshot.js';
import { WatchSession } from './watch-session.js';

const missing = requireRootFeatures({ throttle: true });

// Not the serial other sim tests put on their cards: this watcher must ingest only its own card.
const SERIAL = '7650431';
const BIG_BYTES = 72 * 1024 * 1024;

describe.skipIf(missing !== null)('station watch: a card pulled out in the middle of its ingest, then plugged in again', () => {
  const work = tempDir('sim-watch-cable');
  const dataDir = join(work, 'data');
  const folder = 'DCIM/100MEDIA';
  // Small videos are copied first, then the rest by name: three clips are verified before the big
  // file (72 MiB of random bytes under a recorder's video name: not a small one), the last copied.
  const big = `${folder}/${recorderName(SERIAL, 3)}`;
  let device: Device;
  let before: Map<string, string>;
  let after: Map<string, string>;
  let session: WatchSession | undefined;
  let volume: ExfatVolume | undefined;

  beforeAll(async () => {
    const staging = join(work, 'card');
    // Recorder-sized clips: the failed ingest then takes a while to describe them and search them
    // for a calibration code, so the card usually comes back before that ingest has ended.
    before = await stageCard(staging, {
      [`${folder}/${recorderName(SERIAL, 1)}`]: hdVideo(recorderTime(0)),
      [`${folder}/${recorderName(SERIAL, 2)}`]: hdVideo(recorderTime(1)),
      [`${folder}/${recorderName(SERIAL, 4)}`]: video(14, recorderTime(3)),
    });
    after = await stageCard(staging, {
      [big]: (path) => void writeRandomFile(path, BIG_BYTES),
    });
    const added = runCliJson<Device>(dataDir, ['device', 'add', '--serial', SERIAL, '--type', 'body-camera']);
    expect(added.status, added.stderr).toBe(0);
    device = added.json;
    session = await WatchSession.start(dataDir);
    volume = await createExfatVolume({ sizeMiB: 128, label: 'DSJ-CABLE' });
    await session.next('the empty card', (e) => e.type === 'volume.attached' && e.mountpoint === volume!.mountpoint);
    await fillVolume(volume, staging);
    // 8 MB/s: the big file takes about nine seconds, a wide window to pull the cable in.
    await volume.throttle(8_000_000);
    await dropCaches();
  });
  afterAll(async () => {
    await session?.kill();
    await volume?.destroy();
  });

  it('fails the ingest with the source gone, then ingests the card again when it comes back, copying only what was not verified', async () => {
    const { mountpoint } = volume!;
    const { from } = await replug(session!, volume!);
    const attached = await session!.next('the full card', (e) => e.type === 'volume.attached' && e.mountpoint === mountpoint, { from });
    expect(attached.event).toMatchObject({ deviceId: device.id, how: 'file-name-serial' });
    const started = await session!.next('the ingest to start', (e) => e.type === 'ingest.started' && e.mountpoint === mountpoint, { from });
    const firstIngest = started.event.ingestId as string;

    const copied = await waitForPartial(dataDir, big, 16 * 1024 * 1024);
    expect(copied).toBeLessThan(BIG_BYTES);
    const pulledFrom = session!.lines.length;
    await volume!.pullCable();
    const gone = await session!.next('the card to go', (e) => e.type === 'volume.detached' && e.mountpoint === mountpoint, { from: pulledFrom });
    expect(gone.event).toEqual({ type: 'volume.detached', mountpoint, deviceId: device.id });
    // Plugged straight back in, as an officer who pulled the wrong card would: the failed ingest
    // may still be winding down (describing and measuring what it did archive) when it comes back.
    await volume!.throttle(null);
    await volume!.remount();

    const ended = (id: string) => (e: { type: string; ingestId?: unknown }) => e.ingestId === id && (e.type === 'ingest.completed' || e.type === 'ingest.failed');
    const failed = await session!.next('the first ingest to fail', ended(firstIngest), { from: pulledFrom });
    expect(failed.event).toMatchObject({ type: 'ingest.failed', mountpoint, reasonCode: 'source-gone' });
    expect(failed.event.reason).toMatch(/no longer readable|removed during the ingest/);

    const back = await session!.next('the card back', (e) => e.type === 'volume.attached' && e.mountpoint === mountpoint, { from: gone.index });
    expect(back.event).toMatchObject({ deviceId: device.id, how: 'file-name-serial' });
    console.log(`[replug] the card came back ${back.index < failed.index ? 'before' : 'after'} its failed ingest had wound down`);
    const restarted = await session!.next('the second ingest', (e) => e.type === 'ingest.started' && e.mountpoint === mountpoint, { from: gone.index });
    const secondIngest = restarted.event.ingestId as string;
    expect(secondIngest).not.toBe(firstIngest);
    // One ingest of a card at a time: the new one starts only once the old one has ended.
    expect(restarted.index).toBeGreaterThan(failed.index);
    const completed = await session!.next('the second ingest to end', ended(secondIngest), { from: restarted.index });
    expect(completed.event).toMatchObject({
      type: 'ingest.completed',
      mountpoint,
      totals: { archived: after.size, duplicate: before.size, failed: 0 },
    });
    const verified = await session!.next('the card to be verified', (e) => e.type === 'volume.updated' && e.mountpoint === mountpoint && e.state !== 'ingesting', {
      from: completed.index,
    });
    expect(verified.event).toMatchObject({ state: 'verified', safeToRemove: true, ingestId: secondIngest });
    // Until then nothing called the card safe to remove or verified: not the pulled one, nor the one coming back.
    const earlier = session!.lines.slice(from, verified.index).map((l) => l.event).filter((e) => e.mountpoint === mountpoint);
    expect(earlier.filter((e) => e.safeToRemove === true || e.state === 'verified')).toEqual([]);

    // Each file counted once: what the first ingest verified stays its, the rest is the second's.
    const result = runCliJson<Recording[]>(dataDir, ['recordings']);
    expect(result.status, result.stderr).toBe(0);
    const archived = new Map(result.json.map((r) => [r.originalName, r]));
    expect([...archived.keys()].sort()).toEqual([...before.keys(), ...after.keys()].sort());
    for (const [source, sha256] of before) expect(archived.get(source), source).toMatchObject({ sha256, ingestId: firstIngest });
    for (const [source, sha256] of after) expect(archived.get(source), source).toMatchObject({ sha256, ingestId: secondIngest });
    expect((await filesUnder(join(dataDir, 'archive'))).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });
});
