import { execFileSync } from 'node:child_process';
import { cp } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src-main/contract/index.js';
import { createExfatVolume, dropCaches, type ExfatVolume } from '../helpers/exfat-volume.js';
import { makeVideo } from '../helpers/make-media.js';
import { waitForPartial } from '../helpers/partial-copies.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { watchCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { writeRandomFile } from './volume-snapshot.js';

const missing = requireRootFeatures({ throttle: true });

// One run in three once ended "completed" with files failed: the yank is a race, so it is repeated.
const YANKS = 5;
// Each yank waits for real copying on a throttled card (about 10 s on a busy machine): a minute is allowed per yank.
const MS_PER_YANK = 60_000;
const BIG = 'DCIM/B003.bin';
const BIG_BYTES = 32 * 1024 * 1024;
const AFTER_BIG = 'DCIM/C004.LOG';

describe.skipIf(missing !== null)('a card pulled mid-copy and plugged straight back in (station ingest, no watcher)', () => {
  const work = tempDir('sim-source-gone');
  let volume: ExfatVolume | undefined;

  beforeAll(async () => {
    const staging = join(work, 'card');
    // Small videos are copied first, then the rest by name: the two clips, the big file, then the log.
    makeVideo(join(staging, 'DCIM/A001.mp4'), { seed: 3 });
    makeVideo(join(staging, 'DCIM/A002.mp4'), { seed: 4 });
    writeRandomFile(join(staging, BIG), BIG_BYTES);
    writeRandomFile(join(staging, AFTER_BIG), 64 * 1024);
    volume = await createExfatVolume({ sizeMiB: 96, label: 'DSJ-YANK' });
    await cp(staging, volume.mountpoint, { recursive: true });
  });
  afterAll(() => volume?.destroy());

  it(`fails the ingest as a whole with source-gone, ${YANKS} times out of ${YANKS}`, async () => {
    for (let run = 1; run <= YANKS; run += 1) {
      const dataDir = join(work, `data-${run}`);
      // 8 MB/s: the big file takes about four seconds, a wide window to pull the card in.
      await volume!.throttle(8_000_000);
      await dropCaches();
      const { child, output, exited } = watchCli(dataDir, ['ingest', volume!.mountpoint, '--json']);

      const partial = await waitForPartial(dataDir, BIG, 4 * 1024 * 1024, () => child.exitCode !== null);
      if (!(partial < BIG_BYTES)) child.kill();
      expect(partial, `run ${run}: the CLI ended before the big file was copied far: ${output.stdout}${output.stderr}`).toBeLessThan(BIG_BYTES);
      // Something else is at the mount point before the ingest notices (the card plugged straight
      // back in, or the desktop's lazy unmount leaving the empty folder): an empty file system
      // stacked on it stands for that, deterministically. Then the FUSE daemon dies as with a pulled
      // cable: the reads that fail are the card's, not the files', though the path still reads.
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', `yank-${run}`, volume!.mountpoint]);
      await volume!.pullCable();
      const code = await exited;
      execFileSync('umount', [volume!.mountpoint]);
      await volume!.throttle(null);
      await volume!.remount();

      expect(code, `run ${run}: ${output.stderr}`).toBe(1);
      const report = JSON.parse(output.stdout) as IngestReport;
      expect({ run, state: report.state, reasonCode: report.reasonCode }).toEqual({ run, state: 'failed', reasonCode: 'source-gone' });
      const failed = report.files.filter((f) => f.status === 'failed');
      expect(failed.map((f) => f.source).sort(), `run ${run}`).toEqual([BIG, AFTER_BIG]);
      expect(failed.map((f) => f.reasonCode), `run ${run}`).toEqual(['source-gone', 'source-gone']);
    }
  }, YANKS * MS_PER_YANK);
});
