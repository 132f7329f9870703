import { randomBytes } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '../../../src-main/core/station-api.js';
import { startTestServer, type TestServer } from './test-server.js';

describe('browser host: media playback with byte ranges', () => {
  let t: TestServer;
  const bytes = randomBytes(300_000);
  let missingPath = '';

  beforeAll(async () => {
    t = await startTestServer({
      media: async (dir) => {
        const inMissingFolder = path.join(dir, 'archive', 'clip.mp4');
        await writeFile(path.join(dir, 'clip.mp4'), bytes);
        missingPath = path.join(dir, 'gone.mp4');
        await writeFile(missingPath, 'soon deleted');
        const empty = path.join(dir, 'empty.wav');
        await writeFile(empty, '');
        return new Map<number, MediaFile>([
          [7, { path: path.join(dir, 'clip.mp4'), size: bytes.length, mime: 'video/mp4' }],
          [8, { path: missingPath, size: 12, mime: 'video/mp4' }],
          [9, { path: empty, size: 0, mime: 'audio/wav' }],
          [10, { path: inMissingFolder, size: 1, mime: 'video/mp4' }],
        ]);
      },
    });
    await rm(missingPath);
  });
  afterAll(() => t.stop());

  const get = (id: string, range?: string, method = 'GET') =>
    fetch(`${t.base}/media/${id}`, { method, headers: { ...t.auth, ...(range ? { Range: range } : {}) } });

  it('sends the whole file with its type, length and range support', async () => {
    const response = await get('7');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('video/mp4');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(bytes.length));
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(Buffer.from(await response.arrayBuffer()).equals(bytes)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=131072-262143', 131_072, 262_143],
    ['bytes=299990-', 299_990, 299_999],
    ['bytes=-5', 299_995, 299_999],
    ['bytes=299000-999999', 299_000, 299_999],
    ['bytes=5-5', 5, 5],
  ])('answers %s with 206 and exactly those bytes', async (range, start, end) => {
    const response = await get('7', range);
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${bytes.length}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    const body = Buffer.from(await response.arrayBuffer());
    expect(body.equals(bytes.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range past the end with 416 and the real size', async () => {
    const response = await get('7', 'bytes=300000-');
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${bytes.length}`);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('answers HEAD with the headers only', async () => {
    const response = await get('7', 'bytes=10-19', 'HEAD');
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes 10-19/${bytes.length}`);
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it('sends an empty recording as an empty 200', async () => {
    const response = await get('9');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe('0');
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });

  it.each([
    ['an unknown recording', '404'],
    ['an id that is not a number', 'abc'],
    ['a negative id', '-7'],
    ['an id with a fraction', '7.0'],
    ['a recording whose file has gone', '8'],
    ['a recording whose folder does not exist', '10'],
  ])('answers 404 for %s', async (_what, id) => {
    const response = await get(id);
    expect(response.status).toBe(404);
  });
});
