import { randomBytes } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fail, ok, type Result } from '../../../src-main/contract/index.js';
import type { MediaFile } from '../../../src-main/core/station-api.js';
import { mediaProtocolHandler } from '../../../src-main/hosts/electron/media-protocol.js';

describe('Electron media:// protocol', () => {
  let dir = '';
  let handle: (request: Request) => Promise<Response>;
  const bytes = randomBytes(200_000);
  /** What the handler asked the core, in order; `signedIn` false makes the core refuse. */
  const asked: string[] = [];
  let signedIn = true;
  let clock = Date.UTC(2026, 11, 6);
  const ask = (name: string, input: unknown): Promise<Result<unknown>> => {
    asked.push(`${name} ${JSON.stringify(input)}`);
    return Promise.resolve(signedIn ? ok(input) : fail('unauthenticated', 'sign in first'));
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'station-media-'));
    const clip = path.join(dir, 'clip.mp4');
    await writeFile(clip, bytes);
    const media = new Map<number, MediaFile>([
      [3, { path: clip, size: bytes.length, mime: 'video/mp4' }],
      [4, { path: path.join(dir, 'gone.mp4'), size: 10, mime: 'video/mp4' }],
    ]);
    const frame = path.join(dir, 'frame.jpg');
    await writeFile(frame, 'JPEG');
    handle = mediaProtocolHandler({
      mediaFile: (id) => media.get(id) ?? null,
      thumbnailFile: (id) => Promise.resolve(id === 3 ? { path: frame, size: 4, mime: 'image/jpeg' } : null),
    }, ask, () => clock);
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const get = (url: string, headers: Record<string, string> = {}, method = 'GET') => handle(new Request(url, { method, headers }));

  it('asks the core before serving: a playback is recorded once as recordings.play, whatever its first range, and again after a quiet spell', async () => {
    asked.length = 0;
    // Not from byte 0: still a new playback of recording 3 (a range cannot dodge the record).
    await get('media://recording/3', { Range: 'bytes=1-' });
    await get('media://recording/3', { Range: 'bytes=1000-1999' });
    await get('media://recording/3/thumbnail');
    clock += 11 * 60_000;
    await get('media://recording/3', { Range: 'bytes=5000-' });
    // A frame asks whether the caller may see the recording (confidentiality), without recording a playback.
    expect(asked).toEqual(['recordings.play {"id":3}', 'station.info {}', 'recordings.thumbnail {"id":3}', 'recordings.play {"id":3}']);
  });

  it('serves nothing the core refuses', async () => {
    signedIn = false;
    try {
      const response = await get('media://recording/3');
      expect(response.status).toBe(403);
      expect(await response.text()).toBe('sign in first');
    } finally {
      signedIn = true;
    }
  });

  it('streams the whole recording with its type and range support', async () => {
    const response = await get('media://recording/3');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it.each([
    ['bytes=0-0', 0, 0],
    ['bytes=65536-131071', 65_536, 131_071],
    ['bytes=199000-', 199_000, 199_999],
    ['bytes=-1000', 199_000, 199_999],
  ])('answers Range %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await get('media://recording/3', { Range: range });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it('answers an unsatisfiable range with 416', async () => {
    const response = await get('media://recording/3', { Range: 'bytes=200000-200010' });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
  });

  it('serves the thumbnail of a recording at <id>/thumbnail, and 404 where there is none', async () => {
    const response = await get('media://recording/3/thumbnail');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(await response.text()).toBe('JPEG');
    expect((await get('media://recording/4/thumbnail')).status).toBe(404);
    expect((await get('media://recording/3/thumbnail/x')).status).toBe(404);
  });

  it('answers HEAD without a body', async () => {
    const response = await get('media://recording/3', {}, 'HEAD');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.body).toBeNull();
  });

  it.each(['media://recording/99', 'media://recording/4', 'media://recording/abc', 'media://elsewhere/3', 'media://recording/3/extra'])(
    'answers 404 for %s',
    async (url) => {
      expect((await get(url)).status).toBe(404);
    },
  );
});
