import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../src-main/core/db/database.js';
import { MetadataQueue } from '../../../src-main/core/ingest/metadata-queue.js';
import { nullLog } from '../../../src-main/core/log/index.js';
import type { MediaInspector, MediaMetadata } from '../../../src-main/core/media/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** An inspector (exiftool and ffprobe stand-in) that takes 5 ms a file and counts how many it runs at once. */
function countingInspector() {
  let now = 0;
  const seen = { most: 0 };
  const inspector: MediaInspector = {
    async inspect(): Promise<MediaMetadata> {
      now += 1;
      seen.most = Math.max(seen.most, now);
      await sleep(5);
      now -= 1;
      return { kind: 'other', recordedAt: null, recordedAtSource: null, durationSeconds: null, codec: null, width: null, height: null, readable: null, problem: null, tags: {} };
    },
    close: () => Promise.resolve(),
  };
  return { inspector, seen };
}

/** How many files the queue described at once with `copying` ingests copying. */
async function mostAtOnce(copying: number): Promise<number> {
  const db = openDatabase(join(tempDir('metadata-queue'), 'station.db'));
  try {
    const { inspector, seen } = countingInspector();
    const queue = new MetadataQueue(db, () => inspector, nullLog);
    for (let i = 0; i < copying; i += 1) queue.copyStarted();
    await Promise.all(Array.from({ length: 8 }, (_, id) => queue.add(id + 1, `/archive/file-${id}`)));
    return seen.most;
  } finally {
    db.close();
  }
}

describe('the metadata queue', () => {
  it('describes one file at a time while a single card copies, so its copy keeps a core', async () => {
    expect(await mostAtOnce(1)).toBe(1);
  });

  it('describes two at once while several cards copy (their files come faster), four once none does', async () => {
    expect(await mostAtOnce(3)).toBe(2);
    expect(await mostAtOnce(0)).toBe(4);
  });
});
