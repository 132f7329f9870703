import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, IngestSummary, Recording } from '../../src-main/contract/index.js';
import { createExfatVolume, dropCaches, type ExfatVolume } from '../helpers/exfat-volume.js';
import { partialCopies, waitForPartial } from '../helpers/partial-copies.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { fillVolume, recorderName, recorderTime, replug, stageCard, video, type Maker } from './watch-cards.js';
import { writeRandomFile } from './volume-snapshot.js';
import { WatchSession } from './watch-session.js';

const missing = requireRootFeatures({ throttle: true });

const MiB = 1024 * 1024;
// The pulled card's big file: at 3 MB/s it copies for about eight seconds, a wide window to pull the cable in.
const BIG_BYTES = 24 * MiB;
const PULLED_RATE = 3_000_000;
const folder = 'DCIM/100MEDIA';

interface Card {
  serial: string;
  label: string;
  pulled: boolean;
  device?: Device;
  volume?: ExfatVolume;
  /** SHA-256 of every file, by its path on the card. */
  evidence?: Map<string, string>;
  ingestId?: string;
}

const random = (bytes: number): Maker => (path) => void writeRandomFile(path, bytes);

/** The recordings of a card: a real clip first, then incompressible bytes named as the recorder names its files. */
function cardFiles(card: Card, index: number): Record<string, Maker> {
  const files: Record<string, Maker> = { [`${folder}/${recorderName(card.serial, 1)}`]: video(60 + index, recorderTime(0)) };
  for (const sequence of [2, 3, 4]) files[`${folder}/${recorderName(card.serial, sequence)}`] = random(2 * MiB);
  if (card.pulled) files[`${folder}/${recorderName(card.serial, 5)}`] = random(BIG_BYTES);
  return files;
}

/** Every line of every bag's manifest, as [sha256, path in the bag]. */
function manifestLines(dataDir: string): [string, string][] {
  const archive = join(dataDir, 'archive');
  return readdirSync(archive).flatMap((bag) => {
    let text: string;
    try {
      text = readFileSync(join(archive, bag, 'manifest-sha256.txt'), 'utf8');
    } catch {
      return [];
    }
    return text
      .split('\n')
      .filter(Boolean)
      .map((line) => [line.slice(0, 64), line.slice(66)] as [string, string]);
  });
}

describe.skipIf(missing !== null)('station watch --auto-ingest: a rack of eight recorders plugged in together, one pulled mid-copy', () => {
  const work = tempDir('sim-rack-watch');
  const dataDir = join(work, 'data');
  // Serials no other sim test puts on its cards: this watcher ingests only its own eight.
  const cards: Card[] = Array.from({ length: 8 }, (_, i) => ({ serial: `81500${String(i + 1).padStart(2, '0')}`, label: `RACK-${i + 1}`, pulled: i === 5 }));
  const pulledCard = cards.find((card) => card.pulled)!;
  const bigFile = `${folder}/${recorderName(pulledCard.serial, 5)}`;
  let session: WatchSession | undefined;

  beforeAll(async () => {
    for (const [i, card] of cards.entries()) {
      card.evidence = await stageCard(join(work, card.label), cardFiles(card, i));
      const added = runCliJson<Device>(dataDir, ['device', 'add', '--serial', card.serial, '--type', 'body-camera']);
      expect(added.status, added.stderr).toBe(0);
      card.device = added.json;
    }
    session = await WatchSession.start(dataDir);
    for (const card of cards) {
      card.volume = await createExfatVolume({ sizeMiB: card.pulled ? 48 : 16, label: card.label });
      await session.next(`${card.label} empty`, (e) => e.type === 'volume.attached' && e.mountpoint === card.volume!.mountpoint);
      await fillVolume(card.volume, join(work, card.label));
    }
    await pulledCard.volume!.throttle(PULLED_RATE);
    await dropCaches();
  });
  afterAll(async () => {
    await session?.kill();
    for (const card of cards) await card.volume?.destroy();
  });

  it('verifies every file of the seven exactly once, and the pulled card fails alone with nothing partial counted', async () => {
    const { from } = await replug(session!, ...cards.map((card) => card.volume!));
    const ingestOf = async (card: Card) => {
      const { mountpoint } = card.volume!;
      const started = await session!.next(`${card.label} ingest`, (e) => e.type === 'ingest.started' && e.mountpoint === mountpoint, { from });
      card.ingestId = started.event.ingestId as string;
    };

    // Pulled while its big file is being copied, the others copying or queued beside it.
    const ended = (id: string) => (e: { type: string; ingestId?: unknown }) => e.ingestId === id && (e.type === 'ingest.completed' || e.type === 'ingest.failed');
    await ingestOf(pulledCard);
    const copied = await waitForPartial(dataDir, bigFile, 2 * MiB, () => session!.lines.some((l) => ended(pulledCard.ingestId!)(l.event)));
    expect(copied).toBeLessThan(BIG_BYTES);
    const pulledFrom = session!.lines.length;
    await pulledCard.volume!.pullCable();
    for (const card of cards.filter((c) => !c.pulled)) await ingestOf(card);
    expect(new Set(cards.map((card) => card.ingestId)).size).toBe(cards.length);

    const failed = await session!.next(`${pulledCard.label} ingest to fail`, ended(pulledCard.ingestId!), { from: pulledFrom });
    expect(failed.event).toMatchObject({ type: 'ingest.failed', mountpoint: pulledCard.volume!.mountpoint, reasonCode: 'source-gone' });
    for (const card of cards.filter((c) => !c.pulled)) {
      const { mountpoint } = card.volume!;
      const end = await session!.next(`${card.label} ingest to end`, ended(card.ingestId!), { from });
      expect(end.event, session!.log).toMatchObject({
        type: 'ingest.completed',
        mountpoint,
        totals: { files: card.evidence!.size, archived: card.evidence!.size, duplicate: 0, failed: 0 },
      });
      const verified = await session!.next(`${card.label} verified`, (e) => e.type === 'volume.updated' && e.mountpoint === mountpoint && e.state !== 'ingesting', {
        from: end.index,
      });
      expect(verified.event).toMatchObject({ state: 'verified', safeToRemove: true, ingestId: card.ingestId, deviceId: card.device!.id });
    }
    // Nothing ever called the pulled card verified or safe to remove.
    expect(session!.about(pulledCard.volume!.mountpoint, from).filter((e) => e.safeToRemove === true || e.state === 'verified')).toEqual([]);

    // The index: each file of the seven once, under its own card's ingest; of the pulled card only whole files it verified.
    const recordings = runCliJson<Recording[]>(dataDir, ['recordings']);
    expect(recordings.status, recordings.stderr).toBe(0);
    const shaCount = new Map<string, number>();
    for (const r of recordings.json) shaCount.set(r.sha256, (shaCount.get(r.sha256) ?? 0) + 1);
    expect([...shaCount.values()].every((n) => n === 1)).toBe(true);
    for (const card of cards.filter((c) => !c.pulled)) {
      const own = recordings.json.filter((r) => r.ingestId === card.ingestId);
      expect(new Map(own.map((r) => [r.originalName, r.sha256])), card.label).toEqual(card.evidence);
    }
    const pulledOwn = recordings.json.filter((r) => r.ingestId === pulledCard.ingestId);
    for (const r of pulledOwn) expect(pulledCard.evidence!.get(r.originalName), r.originalName).toBe(r.sha256);
    expect(pulledOwn.map((r) => r.originalName)).not.toContain(bigFile);
    console.log(`[rack] pulled with ${copied} bytes of the big file copied; ${pulledOwn.length} of its files verified before that`);
    const others = cards.filter((c) => !c.pulled).reduce((sum, card) => sum + card.evidence!.size, 0);
    expect(recordings.json).toHaveLength(others + pulledOwn.length);

    // The bags agree: every manifest line is a whole verified file, each SHA-256 once, the big file's in none.
    const lines = manifestLines(dataDir);
    expect(lines.map(([sha256]) => sha256).sort()).toEqual(recordings.json.map((r) => r.sha256).sort());
    expect(lines.map(([sha256]) => sha256)).not.toContain(pulledCard.evidence!.get(bigFile));
    expect(partialCopies(dataDir)).toEqual([]);

    const history = runCliJson<IngestSummary[]>(dataDir, ['ingests']);
    expect(history.status, history.stderr).toBe(0);
    const pulledSummary = history.json.find((row) => row.ingestId === pulledCard.ingestId);
    expect(pulledSummary).toMatchObject({ state: 'failed', reasonCode: 'source-gone', totals: { archived: pulledOwn.length } });
    expect(history.json.filter((row) => cards.some((c) => !c.pulled && c.ingestId === row.ingestId)).map((row) => row.state)).toEqual(Array(7).fill('completed'));
  });
});
