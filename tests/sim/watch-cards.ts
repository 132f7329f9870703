import { mkdirSync, writeFileSync } from 'node:fs';
import { cp, open } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { ExfatVolume } from '../helpers/exfat-volume.js';
import { makeVideo } from '../helpers/make-media.js';
import { makePlainVideo } from '../integration/clock-drift/make-clock-media.js';
import { filesUnder, sha256File } from './volume-snapshot.js';
import type { WatchSession } from './watch-session.js';

export type Maker = (path: string) => void | Promise<void>;

/** A tiny clip (160×120, one second): cheap to make, to copy and to describe. */
export const video = (seed: number, creationTime: string): Maker => (path) => makeVideo(path, { seed, creationTime });
/** A 720p clip of six seconds, as a recorder writes: the calibration search decodes five seconds of it. */
export const hdVideo = (creationTime: string): Maker => (path) => makePlainVideo(path, { seconds: 6, size: '1280x720', creationTime });
export const text = (content: string): Maker => (path) => writeFileSync(path, content);

/** A GA/T 947 recorder's name for its `sequence`th file, started at 08:30:15 + `minute` minutes (station zone). */
export const recorderName = (serial: string, sequence: number, minute = sequence - 1): string =>
  `${serial}_123456_2026112608${String(30 + minute).padStart(2, '0')}15_${String(sequence).padStart(4, '0')}.MP4`;

/** The same moment as recorderName's, in UTC, for the video's own creation time (so name and metadata agree). */
export const recorderTime = (minute: number): string => `2026-11-26T00:${String(30 + minute).padStart(2, '0')}:15Z`;

/** Makes a card's content in a local folder; returns each file's SHA-256 by its path on the card. */
export async function stageCard(dir: string, files: Record<string, Maker>): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const [relative, make] of Object.entries(files)) {
    const path = join(dir, relative);
    mkdirSync(dirname(path), { recursive: true });
    await make(path);
    hashes.set(relative, await sha256File(path));
  }
  return hashes;
}

/**
 * Copies the staged content onto a mounted volume and fsyncs every file: exfat-fuse writes its
 * allocation bitmap out on fsync, so the image holds the files even if its daemon is killed next.
 */
export async function fillVolume(volume: ExfatVolume, staging: string): Promise<void> {
  await cp(staging, volume.mountpoint, { recursive: true });
  for (const relative of await filesUnder(volume.mountpoint)) {
    const handle = await open(join(volume.mountpoint, relative), 'r+');
    await handle.sync();
    await handle.close();
  }
}

/**
 * Unplugs volumes the watcher knows and plugs them in again together, as an officer taking cards
 * out and putting them back: the cables are pulled, the watcher must report each gone, then all
 * are mounted anew at once. Gives when each new mount was complete (by mount point) and the index
 * of the first line after the unplugging.
 */
export async function replug(session: WatchSession, ...volumes: ExfatVolume[]): Promise<{ mountedAt: Map<string, number>; from: number }> {
  const unpluggedFrom = session.lines.length;
  await Promise.all(volumes.map((volume) => volume.pullCable()));
  let from = unpluggedFrom;
  for (const { mountpoint } of volumes) {
    const gone = await session.next(`${mountpoint} to be reported gone`, (e) => e.type === 'volume.detached' && e.mountpoint === mountpoint, {
      from: unpluggedFrom,
    });
    from = Math.max(from, gone.index + 1);
  }
  // A replug reuses the dead mount's folder, and its new mountinfo line may repeat the old one to the
  // letter; the mount is complete, at the latest, when the mount command returns.
  const mountedAt = await Promise.all(
    volumes.map(async (volume) => {
      await volume.remount();
      return [volume.mountpoint, Date.now()] as const;
    }),
  );
  return { mountedAt: new Map(mountedAt), from };
}
