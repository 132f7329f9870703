import { mkdirSync, writeFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport, Recording, VerifyReport } from '../../src-main/contract/index.js';
import { createExfatVolume, dropCaches, type ExfatVolume } from '../helpers/exfat-volume.js';
import { makeVideo } from '../helpers/make-media.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { runCliJson, watchCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { waitForPartial } from '../helpers/partial-copies.js';
import { filesUnder, sha256File, snapshotVolume, writeRandomFile } from './volume-snapshot.js';

const missing = requireRootFeatures({ throttle: true });

/** Builds the card's content in a local folder and returns each file's SHA-256 by relative path. */
async function stage(dir: string, files: Record<string, (path: string) => void>): Promise<Map<string, string>> {
  const hashes = new Map<string, string>();
  for (const [relative, make] of Object.entries(files)) {
    const path = join(dir, relative);
    mkdirSync(dirname(path), { recursive: true });
    make(path);
    hashes.set(relative, await sha256File(path));
  }
  return hashes;
}

const video = (seed: number, seconds = 1) => (path: string) => makeVideo(path, { seed, seconds });
const random = (bytes: number) => (path: string) => void writeRandomFile(path, bytes);
const text = (content: string) => (path: string) => writeFileSync(path, content);

const byStatus = (report: IngestReport, status: string) =>
  new Map(report.files.filter((f) => f.status === status).map((f) => [f.source, f]));

/** Every archived entry points at a file in the archive that holds exactly the expected bytes. */
async function expectArchived(report: IngestReport, expected: Map<string, string>, bag: string): Promise<void> {
  const archived = byStatus(report, 'archived');
  expect([...archived.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [source, sha256] of expected) {
    const file = archived.get(source)!;
    expect(file.sha256, source).toBe(sha256);
    expect(file.archivePath, source).toBe(join(bag, 'data', source));
    expect(await sha256File(file.archivePath!), source).toBe(sha256);
    expect(file.verification, source).not.toBeNull();
  }
}

describe.skipIf(missing !== null)('ingest from a real exFAT volume (loop device, FUSE)', () => {
  const work = tempDir('sim-ingest');

  describe('a recorder card with videos, Chinese names, spaces and operating-system litter', () => {
    let volume: ExfatVolume | undefined;
    let evidence: Map<string, string>;
    const litter = ['.DS_Store', 'DCIM/100MEDIA/._执法记录 0001.mp4', 'System Volume Information'];

    beforeAll(async () => {
      const staging = join(work, 'card');
      evidence = await stage(staging, {
        'DCIM/100MEDIA/执法记录 0001.mp4': video(1, 2),
        'DCIM/100MEDIA/FILE0002.MP4': video(2),
        '随机 数据/大 文件 big.bin': random(24 * 1024 * 1024),
        'RECORD LOG.txt': text('2024-05-01 08:00:00 power on\n'),
      });
      await stage(staging, {
        '.DS_Store': random(6148),
        'DCIM/100MEDIA/._执法记录 0001.mp4': random(4096),
        'System Volume Information/IndexerVolumeGuid': text('{8A1F}'),
        'System Volume Information/WPSettings.dat': random(12),
      });
      volume = await createExfatVolume({ sizeMiB: 96, label: 'DSJ-A8' });
      await cp(staging, volume.mountpoint, { recursive: true });
    });
    afterAll(() => volume?.destroy());

    it('archives every file with its SHA-256, skips the litter and leaves the volume exactly as it was', async () => {
      const card = volume!.mountpoint;
      const before = await snapshotVolume(card);
      const dataDir = join(work, 'data-card');

      const { status, json: report, stderr } = runCliJson<IngestReport>(dataDir, ['ingest', card]);

      expect(status, stderr).toBe(0);
      expect(report.state).toBe('completed');
      await expectArchived(report, evidence, report.archivePath);
      expect([...byStatus(report, 'skipped').keys()].sort()).toEqual(litter);
      expect(report.totals).toMatchObject({ archived: 4, skipped: 3, duplicate: 0, failed: 0 });
      expect(await snapshotVolume(card)).toEqual(before);
    });
  });

  describe('a cable pulled in the middle of a copy', () => {
    let volume: ExfatVolume | undefined;
    let first: IngestReport;
    const dataDir = join(work, 'data-cable');
    const big = 'DCIM/B003 大文件.bin';
    const bigBytes = 72 * 1024 * 1024;
    let before: Map<string, string>;
    let after: Map<string, string>;

    beforeAll(async () => {
      const staging = join(work, 'cable');
      // Small videos are copied first (the smallest first), then the rest by name: three clips before
      // the big file, a note after it.
      before = await stage(staging, { 'DCIM/A001.mp4': video(3), 'DCIM/A002.mp4': video(4), 'DCIM/C004.mp4': video(5) });
      after = await stage(staging, {
        [big]: random(bigBytes),
        'DCIM/C005 记录.txt': text('patrol 2024-05-01'),
      });
      volume = await createExfatVolume({ sizeMiB: 128, label: 'DSJ-B2' });
      await cp(staging, volume.mountpoint, { recursive: true });
      // 8 MB/s makes the big file take about nine seconds: a wide window to pull the cable in.
      await volume.throttle(8_000_000);
      await dropCaches();
    });
    afterAll(() => volume?.destroy());

    it('fails the ingest with the source gone, counts only verified files and leaves no partial copy', async () => {
      const { child, output, exited } = watchCli(dataDir, ['ingest', volume!.mountpoint, '--json']);

      const partialSize = await waitForPartial(dataDir, big, 16 * 1024 * 1024, () => child.exitCode !== null);
      if (!(partialSize < bigBytes)) child.kill();
      expect(partialSize, `the CLI ended before the big file was half copied: ${output.stdout}${output.stderr}`).toBeLessThan(bigBytes);
      await volume!.pullCable();
      const code = await exited;

      expect(code, output.stderr).toBe(1);
      first = JSON.parse(output.stdout) as IngestReport;
      expect(first.state).toBe('failed');
      expect(first.reason).toMatch(/source .* is no longer readable/);
      await expectArchived(first, before, first.archivePath);
      const failed = byStatus(first, 'failed');
      expect([...failed.keys()].sort()).toEqual([...after.keys()].sort());
      expect(failed.get(big)).toMatchObject({ archivePath: null, sha256: null });
      expect((await filesUnder(join(dataDir, 'archive'))).filter((f) => f.endsWith('.partial'))).toEqual([]);
      expect(await filesUnder(join(first.archivePath, 'data'))).toEqual([...before.keys()].sort());

      const recordings = runCliJson<Recording[]>(dataDir, ['recordings']);
      expect(recordings.status).toBe(0);
      expect(recordings.json.map((r) => r.sha256).sort()).toEqual([...before.values()].sort());
      const verify = runCliJson<VerifyReport>(dataDir, ['verify']);
      expect(verify.json).toEqual({ checked: before.size, problems: [] });
      expect(verify.status).toBe(0);
    });

    it('after a replug, copies only what is missing: what was archived comes back as duplicate', async () => {
      expect(first, 'needs the pulled-cable run above').toBeDefined();
      await volume!.throttle(null);
      await volume!.remount();

      const { status, json: second, stderr } = runCliJson<IngestReport>(dataDir, ['ingest', volume!.mountpoint]);

      expect(status, stderr).toBe(0);
      expect(second.state).toBe('completed');
      expect(second.archivePath).not.toBe(first.archivePath);
      await expectArchived(second, after, second.archivePath);
      const duplicates = byStatus(second, 'duplicate');
      expect([...duplicates.keys()].sort()).toEqual([...before.keys()].sort());
      for (const [source, sha256] of before) {
        expect(duplicates.get(source)).toMatchObject({ sha256, archivePath: join(first.archivePath, 'data', source) });
      }
      expect(await filesUnder(join(second.archivePath, 'data'))).toEqual([...after.keys()].sort());
      const verify = runCliJson<VerifyReport>(dataDir, ['verify']);
      expect(verify.json).toEqual({ checked: before.size + after.size, problems: [] });
    });
  });
});
