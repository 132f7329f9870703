import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { MountFolderWatch } from '../../../src-main/core/volumes/mount-folder-watch.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function until(what: string, done: () => boolean, timeoutMs = 3000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(10);
  }
}

describe('the mount folder watch', () => {
  const dir = tempDir('folder-watch');

  it('fires when a mount folder appears under a root, at /<root>/<user>/<label> depth', async () => {
    const media = join(dir, 'media');
    mkdirSync(join(media, 'officer'), { recursive: true });
    let changes = 0;
    const watch = new MountFolderWatch([media], () => (changes += 1));
    await watch.refresh();
    await sleep(200);
    mkdirSync(join(media, 'officer', 'DSJ-A8'));
    await until('a change', () => changes > 0);
    await watch.close();
  });

  it('picks up a root created after it started, once refreshed, and is silent after close', async () => {
    const runMedia = join(dir, 'run-media');
    let changes = 0;
    const watch = new MountFolderWatch([runMedia], () => (changes += 1));
    await watch.refresh();
    mkdirSync(runMedia);
    await watch.refresh();
    await sleep(200);
    mkdirSync(join(runMedia, 'officer'));
    await until('a change', () => changes > 0);

    await watch.close();
    const before = changes;
    mkdirSync(join(runMedia, 'officer', 'LATE'));
    mkdirSync(join(runMedia, 'other'));
    await sleep(300);
    expect(changes).toBe(before);
  });
});
