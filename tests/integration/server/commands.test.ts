import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from './test-server.js';

describe('browser host: commands over HTTP', () => {
  let t: TestServer;
  const post = (name: string, body: string, headers: Record<string, string> = {}) =>
    fetch(`${t.base}/api/command/${name}`, {
      method: 'POST',
      headers: { ...t.auth, 'Content-Type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    t = await startTestServer({ caller: { name: '审计员', role: 'auditor' } });
  });
  afterAll(() => t.stop());

  it('runs a command as the configured caller and returns its result', async () => {
    const response = await post('station.info', '{}');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(await response.json()).toEqual({
      ok: true,
      value: { stationName: 'test desk', dataDir: t.dir, zone: 'Asia/Shanghai', now: '1970-01-01T00:00:00.000Z', version: '0.0.0', autoIngestOverride: null },
    });
    expect(t.station.callers.at(-1)).toEqual({ name: '审计员', role: 'auditor' });
  });

  it('accepts an empty body for a command without input', async () => {
    const response = await post('archive.verify', '');
    expect(await response.json()).toEqual({ ok: true, value: { checked: 0, problems: [] } });
  });

  it('returns a refused role as an error value with status 200', async () => {
    const response = await post('ingest.start', JSON.stringify({ sourcePath: '/media/card' }));
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; error: { code: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('forbidden');
  });

  it('returns an unknown command as an error value with status 200', async () => {
    const response = await post('station.selfDestruct', '{}');
    expect(response.status).toBe(200);
    const result = (await response.json()) as { ok: boolean; error: { code: string; message: string } };
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(result.error.message).toContain('station.selfDestruct');
  });

  it('returns input the schema rejects as an invalid-input value with status 200', async () => {
    const response = await post('recordings.get', JSON.stringify({ id: 'seven' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('answers malformed JSON with 400 and an invalid-input envelope', async () => {
    const response = await post('station.info', '{"unclosed": ');
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      ok: false,
      error: { code: 'invalid-input', message: 'The request body is not valid JSON.' },
    });
  });

  it('refuses a body over 1 MiB with 413', async () => {
    const big = JSON.stringify({ sourcePath: 'x'.repeat(1024 * 1024) });
    const response = await post('ingest.start', big);
    expect(response.status).toBe(413);
    expect(await response.json()).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('refuses an oversized body sent in chunks, without a declared length', async () => {
    const chunk = new Uint8Array(256 * 1024).fill(0x20);
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 8) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await fetch(`${t.base}/api/command/station.info`, {
      method: 'POST',
      headers: { ...t.auth, 'Content-Type': 'application/json' },
      body,
      duplex: 'half',
    } as RequestInit & { duplex: 'half' });
    expect(response.status).toBe(413);
  });

  it.each([
    ['another port of 127.0.0.1', { Origin: 'http://127.0.0.1:47900' }],
    ['another site', { Origin: 'https://example.org' }],
    ['a browser that says it is cross-site', { 'Sec-Fetch-Site': 'same-site' }],
  ])('refuses a command sent from %s with 403, without running it', async (_from, headers) => {
    const before = t.station.callers.length;
    const response = await post('station.info', '{}', headers);
    expect(response.status).toBe(403);
    expect(t.station.callers).toHaveLength(before);
  });

  it("runs a command from the station's own page", async () => {
    const response = await post('station.info', '{}', { Origin: t.base, 'Sec-Fetch-Site': 'same-origin' });
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'refuses a command sent as %s with 415 (what a form or a no-cors fetch can send)',
    async (type) => {
      const before = t.station.callers.length;
      const response = await post('station.info', '{}', { 'Content-Type': type });
      expect(response.status).toBe(415);
      expect(t.station.callers).toHaveLength(before);
    },
  );

  it('accepts a body just under the limit', async () => {
    const sourcePath = 'x'.repeat(1024 * 1024 - 100);
    const response = await post('station.info', JSON.stringify({ padding: sourcePath }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ ok: true });
  });

  it('answers a GET on a command with 405', async () => {
    const response = await fetch(`${t.base}/api/command/station.info`, { headers: t.auth });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('POST');
  });
});
