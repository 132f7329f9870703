import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Recording } from '../../src-main/contract/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { makeFile, makeVideo } from '../helpers/make-media.js';
import { runCli } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('thumbnails of the recordings list', () => {
  const root = tempDir('thumbnails');
  const data = join(root, 'data');
  let station: Station;
  let byName: Map<string, Recording>;

  beforeAll(async () => {
    const card = join(root, 'card');
    makeVideo(join(card, 'CLIP0001.MP4'), { seconds: 2, seed: 1 });
    makeVideo(join(card, 'SHORT.MP4'), { seconds: 0.4, seed: 2 });
    makeFile(join(card, 'BROKEN.MP4'), 50_000, 3);
    makeFile(join(card, 'NOTES.TXT'), 100, 4);
    expect(runCli(data, ['ingest', card]).status).toBe(0);
    station = await openStation({ dataDir: data });
    const list = await station.call('recordings.list', {}, { name: 'test', role: 'admin' });
    if (!list.ok) throw new Error(list.error.message);
    byName = new Map(list.value.rows.map((r) => [r.originalName, r]));
  });
  afterAll(() => station?.close());

  const idOf = (name: string) => byName.get(name)?.id ?? -1;

  it('makes one JPEG frame of a video, beside the archive under its SHA-256, and only once', async () => {
    const [first, second] = await Promise.all([station.thumbnailFile(idOf('CLIP0001.MP4')), station.thumbnailFile(idOf('CLIP0001.MP4'))]);
    expect(first?.path).toBe(join(data, 'thumbnails', `${byName.get('CLIP0001.MP4')?.sha256}.jpg`));
    expect(second).toEqual(first);
    expect(first?.mime).toBe('image/jpeg');
    const jpeg = await readFile(first?.path ?? '');
    expect(jpeg.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
    expect(first?.size).toBe(jpeg.length);
    const made = (await stat(first?.path ?? '')).mtimeMs;
    expect((await station.thumbnailFile(idOf('CLIP0001.MP4')))?.path).toBe(first?.path);
    expect((await stat(first?.path ?? '')).mtimeMs).toBe(made);
  });

  it('takes the frame inside a clip shorter than a second', async () => {
    expect(await station.thumbnailFile(idOf('SHORT.MP4'))).not.toBeNull();
  });

  it('gives none for a file that is not a video, and remembers a video it could not draw', async () => {
    expect(await station.thumbnailFile(idOf('NOTES.TXT'))).toBeNull();
    expect(await station.thumbnailFile(idOf('BROKEN.MP4'))).toBeNull();
    const broken = byName.get('BROKEN.MP4');
    // Kept as a video by its name, unreadable: tried once, then known to have no frame.
    expect(broken?.kind).toBe('video');
    expect(await readdir(join(data, 'thumbnails'))).toContain(`${broken?.sha256}.none`);
    expect(await station.thumbnailFile(999_999)).toBeNull();
  });
});
