import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, Recording } from '../../src-main/contract/index.js';
import { createExfatVolume, type ExfatVolume } from '../helpers/exfat-volume.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fillVolume, recorderName, recorderTime, replug, stageCard, text, video } from './watch-cards.js';
import { WatchSession } from './watch-session.js';

const missing = requireRootFeatures();

interface Card {
  serial: string;
  label: string;
  device?: Device;
  volume?: ExfatVolume;
  evidence?: Map<string, string>;
}

describe.skipIf(missing !== null)('station watch --auto-ingest: two recorders plugged in at once', () => {
  const work = tempDir('sim-watch-two');
  const dataDir = join(work, 'data');
  const cards: Card[] = [
    { serial: '2345671', label: 'DSJ-ONE' },
    { serial: '3456712', label: 'DSJ-TWO' },
  ];
  let session: WatchSession | undefined;

  beforeAll(async () => {
    for (const [i, card] of cards.entries()) {
      const staging = join(work, card.label);
      card.evidence = await stageCard(staging, {
        [`DCIM/${recorderName(card.serial, 1)}`]: video(21 + i, recorderTime(0)),
        [`DCIM/${recorderName(card.serial, 2)}`]: video(23 + i, recorderTime(1)),
        [`LOG/${card.serial}.LOG`]: text(`${card.serial} power on 2026-11-26 08:30:00\n`),
      });
      const added = runCliJson<Device>(dataDir, ['device', 'add', '--serial', card.serial, '--type', 'body-camera']);
      expect(added.status, added.stderr).toBe(0);
      card.device = added.json;
    }
    session = await WatchSession.start(dataDir);
    for (const card of cards) {
      card.volume = await createExfatVolume({ sizeMiB: 16, label: card.label });
      await session.next('an empty card', (e) => e.type === 'volume.attached' && e.mountpoint === card.volume!.mountpoint);
      await fillVolume(card.volume, join(work, card.label));
    }
  });
  afterAll(async () => {
    await session?.kill();
    for (const card of cards) await card.volume?.destroy();
  });

  it('ingests each card as its own job, both copying together, and says each is safe to remove', async () => {
    const { from, mountedAt } = await replug(session!, ...cards.map((card) => card.volume!));
    const ingests = new Map<Card, string>();
    for (const card of cards) {
      const { mountpoint } = card.volume!;
      const attached = await session!.next(`${card.label} back`, (e) => e.type === 'volume.attached' && e.mountpoint === mountpoint, { from });
      const latency = attached.at - mountedAt.get(mountpoint)!;
      console.log(`[detection latency] ${card.label} mounted together with another → volume.attached: ${latency} ms`);
      expect(latency).toBeLessThan(1000);
      expect(attached.event).toMatchObject({ deviceId: card.device!.id, serial: card.serial, how: 'file-name-serial' });
      const started = await session!.next(`${card.label} ingest`, (e) => e.type === 'ingest.started' && e.mountpoint === mountpoint, { from });
      ingests.set(card, started.event.ingestId as string);
    }
    expect(new Set(ingests.values()).size).toBe(cards.length);

    const ends: number[] = [];
    for (const card of cards) {
      const { mountpoint } = card.volume!;
      const ingestId = ingests.get(card)!;
      const ended = await session!.next(`${card.label} ingest to end`, (e) => e.ingestId === ingestId && (e.type === 'ingest.completed' || e.type === 'ingest.failed'));
      expect(ended.event).toMatchObject({
        type: 'ingest.completed',
        mountpoint,
        totals: { files: card.evidence!.size, archived: card.evidence!.size, duplicate: 0, failed: 0 },
      });
      ends.push(ended.index);
      const verified = await session!.next(`${card.label} verified`, (e) => e.type === 'volume.updated' && e.mountpoint === mountpoint && e.state !== 'ingesting', {
        from: ended.index,
      });
      expect(verified.event).toMatchObject({ state: 'verified', safeToRemove: true, ingestId, deviceId: card.device!.id });
    }
    // Both had started before either ended: they ran side by side, not one after the other.
    const starts = [...ingests.values()].map((id) => session!.lines.findIndex((l) => l.event.type === 'ingest.started' && l.event.ingestId === id));
    expect(Math.max(...starts)).toBeLessThan(Math.min(...ends));

    const result = runCliJson<Recording[]>(dataDir, ['recordings']);
    expect(result.status, result.stderr).toBe(0);
    for (const card of cards) {
      const own = result.json.filter((r) => r.ingestId === ingests.get(card));
      expect(new Map(own.map((r) => [r.originalName, r.sha256]))).toEqual(card.evidence);
    }
    expect(result.json).toHaveLength(cards.reduce((sum, card) => sum + card.evidence!.size, 0));
  });
});
