import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Recording } from '../../src-main/contract/index.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fillVolume, recorderName, recorderTime, replug, stageCard, text, video } from './watch-cards.js';
import { sha256File } from './volume-snapshot.js';
import { mountAppearance, WatchSession } from './watch-session.js';

const missing = requireRootFeatures();

const SERIAL = '1234567';
// Under /media, where a desktop mounts cards: the watcher's folder trigger is part of what is measured.
const MEDIA_ROOT = '/media';

describe.skipIf(missing !== null)('station watch --auto-ingest: a recorder plugged in is ingested without a keystroke', () => {
  const work = tempDir('sim-watch-auto');
  const dataDir = join(work, 'data');
  const staging = join(work, 'card');
  let device: Device;
  let evidence: Map<string, string>;
  let session: WatchSession | undefined;
  let volume: ExfatVolume | undefined;

  beforeAll(async () => {
    evidence = await stageCard(staging, {
      [`DCIM/100MEDIA/${recorderName(SERIAL, 1)}`]: video(1, recorderTime(0)),
      [`DCIM/100MEDIA/${recorderName(SERIAL, 2)}`]: video(2, recorderTime(1)),
      [`DCIM/100MEDIA/${recorderName(SERIAL, 3)}`]: video(3, recorderTime(2)),
      'GPS/GPS_20261126.LOG': text('$GPRMC,003015.00,A,3114.4500,N,12128.6000,E,0.0,0.0,261126,,,A*6C\n'),
    });
    const added = runCliJson<Device>(dataDir, ['device', 'add', '--serial', SERIAL, '--type', 'body-camera']);
    expect(added.status, added.stderr).toBe(0);
    device = added.json;
    mkdirSync(MEDIA_ROOT, { recursive: true });
    session = await WatchSession.start(dataDir);
  });
  afterAll(async () => {
    await session?.kill();
    await volume?.destroy();
  });

  it('sees a card mounted under /media within a second', async () => {
    const mounted = mountAppearance((m) => m.startsWith(`${MEDIA_ROOT}/station-exfat-`) && m.endsWith('/DSJ-W1'));
    volume = await createExfatVolume({ sizeMiB: 32, label: 'DSJ-W1', parentDir: MEDIA_ROOT });
    const mountedAt = await mounted;
    const { mountpoint } = volume;
    const seen = await session!.next('the new card', (e) => e.type === 'volume.attached' && e.mountpoint === mountpoint);
    console.log(`[detection latency] new mount under ${MEDIA_ROOT} → volume.attached: ${seen.at - mountedAt} ms`);
    // Nothing on it names a recorder yet.
    expect(seen.event).toMatchObject({ deviceId: null, state: 'unknown-device', label: 'DSJ-W1', fsType: 'exfat' });
    expect(seen.at - mountedAt).toBeLessThan(1000);
  });

  it('recognises the recorder by its file names, ingests every file and says the card is safe to remove', async () => {
    const { mountpoint } = volume!;
    await fillVolume(volume!, staging);
    const replugged = await replug(session!, volume!);
    const { from } = replugged;
    const mountedAt = replugged.mountedAt.get(mountpoint)!;
    const on = (type: string) => (e: { type: string; mountpoint?: string }) => e.type === type && e.mountpoint === mountpoint;

    const attached = await session!.next('the card plugged in again', on('volume.attached'), { from });
    console.log(`[detection latency] replug at the same folder → volume.attached (recognised): ${attached.at - mountedAt} ms`);
    expect(attached.event).toMatchObject({
      deviceId: device.id,
      how: 'file-name-serial',
      serial: SERIAL,
      state: 'ready',
      safeToRemove: false,
    });
    expect(attached.at - mountedAt).toBeLessThan(1000);

    const started = await session!.next('the ingest to start', on('ingest.started'), { from: attached.index });
    expect(started.event).toMatchObject({ source: mountpoint });
    const ingestId = started.event.ingestId as string;
    const completed = await session!.next('the ingest to complete', (e) => e.type.startsWith('ingest.') && e.ingestId === ingestId && e.type !== 'ingest.started');
    expect(completed.event).toMatchObject({
      type: 'ingest.completed',
      mountpoint,
      totals: { files: evidence.size, archived: evidence.size, duplicate: 0, skipped: 0, failed: 0 },
    });
    const verified = await session!.next('the card to be verified', (e) => on('volume.updated')(e) && e.state !== 'ingesting', {
      from: completed.index,
    });
    expect(verified.event).toMatchObject({ state: 'verified', safeToRemove: true, ingestId, deviceId: device.id, reason: null });
    // Nothing ever said it was safe before the ingest finished.
    const early = session!.lines.slice(from, verified.index).map((l) => l.event);
    expect(early.filter((e) => e.mountpoint === mountpoint && e.safeToRemove === true)).toEqual([]);

    // The watcher holds the database open; SQLite's WAL lets another process read it meanwhile.
    const recordings = runCliJson<Recording[]>(dataDir, ['recordings']);
    expect(recordings.status, recordings.stderr).toBe(0);
    const archived = new Map(recordings.json.map((r) => [r.originalName, r]));
    expect([...archived.keys()].sort()).toEqual([...evidence.keys()].sort());
    for (const [source, sha256] of evidence) {
      const recording = archived.get(source)!;
      expect(recording.sha256, source).toBe(sha256);
      expect(recording.ingestId, source).toBe(ingestId);
      expect(recording.archivePath, source).toBe(join(dataDir, 'archive', ingestId, 'data', source));
      expect(await sha256File(recording.archivePath), source).toBe(sha256);
    }
  });

  it('reports the card gone when it is taken out, and stops at once on SIGTERM', async () => {
    const { mountpoint } = volume!;
    const from = session!.lines.length;
    await volume!.destroy();
    const gone = await session!.next('the card to go', (e) => e.type === 'volume.detached' && e.mountpoint === mountpoint, { from });
    expect(gone.event).toEqual({ type: 'volume.detached', mountpoint, deviceId: device.id });

    const stopped = await session!.stop('SIGTERM');
    console.log(`[shutdown] SIGTERM → exit: ${stopped.ms} ms`);
    // Exit code 0 is the station's own clean stop; a hang fails the session's 30 s guard.
    expect(stopped).toMatchObject({ code: 0, signal: null });
  });
});
