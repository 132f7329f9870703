import { randomBytes } from 'node:crypto';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MediaFile } from '../../../src-main/core/station-api.js';
import { startTestServer, type TestServer } from './test-server.js';

const startWindowMs = 60_000;
const idleWindowMs = 15 * 60_000;

describe('browser host: signed URLs for what the browser loads by URL alone', () => {
  let t: TestServer;
  // The server's clock for signatures; each test moves it forward, as time would.
  let clock = 1_800_000_000_000;
  const bytes = randomBytes(4096);

  beforeAll(async () => {
    t = await startTestServer({
      media: async (dir) => {
        await writeFile(path.join(dir, 'clip.mp4'), bytes);
        return new Map<number, MediaFile>([
          [7, { path: path.join(dir, 'clip.mp4'), size: bytes.length, mime: 'video/mp4' }],
          [8, { path: path.join(dir, 'clip.mp4'), size: bytes.length, mime: 'video/mp4' }],
        ]);
      },
      options: { signedUrls: { now: () => clock, startWindowMs, idleWindowMs } },
    });
  });
  afterAll(() => t.stop());

  const sign = async (resource: string, headers: Record<string, string> = t.auth): Promise<string> => {
    // Time passes between one request for a URL and the next (the same path signed in the same
    // millisecond is the same URL, in use if the other one is).
    clock += 1000;
    const response = await fetch(`${t.base}/api/sign${resource}`, { method: 'POST', headers });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { ok: true; value: { url: string } };
    return body.value.url;
  };
  const load = (url: string) => fetch(`${t.base}${url}`);

  it('signs one resource on an authorised POST; the URL alone then plays it, with ranges', async () => {
    const url = await sign('/media/7');
    expect(url).toMatch(/^\/media\/7\?expires=\d+&signature=[\w-]{43}$/);
    const whole = await load(url);
    expect(whole.status).toBe(200);
    expect(Buffer.from(await whole.arrayBuffer()).equals(bytes)).toBe(true);
    const part = await fetch(`${t.base}${url}`, { headers: { Range: 'bytes=0-9' } });
    expect(part.status).toBe(206);
    expect(Buffer.from(await part.arrayBuffer()).equals(bytes.subarray(0, 10))).toBe(true);
  });

  it('refuses a tampered URL: another resource, a changed expiry, a changed signature, none', async () => {
    const url = new URL(await sign('/media/7'), t.base);
    const expires = url.searchParams.get('expires')!;
    const signature = url.searchParams.get('signature')!;
    const flipped = `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`;
    const tampered = [
      `/media/8?expires=${expires}&signature=${signature}`,
      `/receipt/7?expires=${expires}&signature=${signature}`,
      `/media/7?expires=${Number(expires) + 3_600_000}&signature=${signature}`,
      `/media/7?expires=${expires}&signature=${flipped}`,
      `/media/7?expires=${expires}`,
    ];
    for (const attempt of tampered) expect([attempt, (await load(attempt)).status]).toEqual([attempt, 401]);
  });

  it('refuses a URL not used before its start window closed', async () => {
    const url = await sign('/media/7');
    clock += startWindowMs + 1;
    expect((await load(url)).status).toBe(401);
  });

  it('keeps a URL in use good while the player keeps requesting it, and refuses it once left idle', async () => {
    const url = await sign('/media/7');
    expect((await load(url)).status).toBe(200);
    // Seeking a minute and more later: the player asks for other ranges of the same URL.
    clock += startWindowMs + 1;
    expect((await load(url)).status).toBe(200);
    clock += idleWindowMs - 1;
    expect((await load(url)).status).toBe(200);
    clock += idleWindowMs + 1;
    expect((await load(url)).status).toBe(401);
  });

  it('opens the event stream from a signed URL', async () => {
    const url = await sign('/api/events');
    const controller = new AbortController();
    const response = await fetch(`${t.base}${url}`, { signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/event-stream/);
    controller.abort();
  });

  it('signs only media, receipts and the event stream, only for the token, only on POST from its own page', async () => {
    const refused = async (resource: string, init: RequestInit) => (await fetch(`${t.base}/api/sign${resource}`, init)).status;
    expect(await refused('/api/command/settings.update', { method: 'POST', headers: t.auth })).toBe(404);
    expect(await refused('/media/../api/command/x', { method: 'POST', headers: t.auth })).toBe(404);
    expect(await refused('/assets/app.js', { method: 'POST', headers: t.auth })).toBe(404);
    expect(await refused('/media/7', { method: 'POST' })).toBe(401);
    expect(await refused('/media/7', { method: 'GET', headers: t.auth })).toBe(405);
    expect(await refused('/media/7', { method: 'POST', headers: { ...t.auth, Origin: 'http://127.0.0.1:1' } })).toBe(403);
    // A signed URL is no key to commands.
    const url = new URL(await sign('/media/7'), t.base);
    const command = await fetch(`${t.base}/api/command/station.info${url.search}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(command.status).toBe(401);
  });
});
