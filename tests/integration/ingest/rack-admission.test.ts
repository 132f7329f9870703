import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { StationEvent } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeFile } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const desk = { name: 'wang', role: 'clerk' as const };
const admin = { name: 'li', role: 'admin' as const };

/** Cards of distinct content (no duplicates), each long enough to copy that all six start before one ends. */
function cards(root: string, count: number, files: number): string[] {
  return Array.from({ length: count }, (_, card) => {
    const folder = join(root, `card-${card}`);
    for (let file = 0; file < files; file += 1) makeFile(join(folder, `${file}.MP4`), 8 * 1024 * 1024, 1000 + card * 100 + file);
    return folder;
  });
}

/** Submits every card together; answers how many ran at once at most and each archived file's count of `archived` events. */
async function ingestTogether(dataDir: string, folders: string[], maxConcurrentIngests?: number) {
  const station = await openStation({ dataDir });
  try {
    if (maxConcurrentIngests !== undefined) {
      const set = await station.call('settings.update', { maxConcurrentIngests }, admin);
      expect(set.ok).toBe(true);
    }
    const running = new Set<string>();
    let most = 0;
    const archived = new Map<string, number>();
    const ended = new Set<string>();
    const allEnded = new Promise<void>((resolve) =>
      station.onEvent((event: StationEvent) => {
        if (event.type === 'ingest.started') {
          running.add(event.ingestId);
          most = Math.max(most, running.size);
        }
        if (event.type === 'ingest.file' && event.status === 'archived') {
          const key = `${event.ingestId} ${event.source}`;
          archived.set(key, (archived.get(key) ?? 0) + 1);
        }
        if (event.type === 'ingest.completed' || event.type === 'ingest.failed') {
          running.delete(event.ingestId);
          ended.add(event.ingestId);
          if (ended.size === folders.length) resolve();
        }
      }),
    );
    const starts = await Promise.all(folders.map((sourcePath) => station.call('ingest.start', { sourcePath }, desk)));
    expect(starts.every((start) => start.ok)).toBe(true);
    await allEnded;
    const verify = await station.call('archive.verify', {}, desk);
    return { most, archived, verify: verify.ok ? verify.value : null };
  } finally {
    await station.close();
  }
}

describe('a rack of cards submitted together', () => {
  it('runs all six at once, every file archived and verified exactly once', async () => {
    const root = tempDir('rack');
    const files = 4;
    const folders = cards(root, 6, files);
    const { most, archived, verify } = await ingestTogether(join(root, 'data'), folders);
    // Every one was running before any had finished: no card waited for another.
    expect(most).toBe(6);
    expect(archived.size).toBe(6 * files);
    expect([...archived.values()].every((count) => count === 1)).toBe(true);
    expect(verify).toEqual({ checked: 6 * files, problems: [] });
  }, 120_000);

  it('keeps to a lower setting: with three allowed, never more than three run', async () => {
    const root = tempDir('rack-three');
    const files = 2;
    const folders = cards(root, 6, files);
    const { most, archived, verify } = await ingestTogether(join(root, 'data'), folders, 3);
    expect(most).toBe(3);
    expect(archived.size).toBe(6 * files);
    expect(verify).toEqual({ checked: 6 * files, problems: [] });
  }, 120_000);
});
