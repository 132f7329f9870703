import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexHtml, rawGet, startTestServer, type TestServer } from './test-server.js';

describe('browser host: who may talk to it', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('prints a 127.0.0.1 address carrying a long random token in the fragment, which browsers never send', () => {
    expect(t.server.url).toBe(`http://127.0.0.1:${t.server.port}/#token=${t.server.token}`);
    expect(t.server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 in plain text to every command, signing, event, media and receipt request without the token', async () => {
    const attempts = [
      fetch(`${t.base}/api/command/station.info`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' }),
      fetch(`${t.base}/api/sign/media/1`, { method: 'POST' }),
      fetch(`${t.base}/api/events`),
      fetch(`${t.base}/media/1`),
      fetch(`${t.base}/receipt/abc`),
      fetch(`${t.base}/media/1/thumbnail`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/Unauthorised/);
    }
    expect(t.station.callers).toEqual([]);
  });

  it('serves the renderer without the token, since the page holds no secret and gets its token from the fragment', async () => {
    const page = await fetch(`${t.base}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(indexHtml);
    expect((await fetch(`${t.base}/assets/app.js`)).status).toBe(200);
  });

  it('refuses a wrong token in the header, and the token in the query or a cookie (which other ports would see)', async () => {
    const wrong = `${t.server.token.slice(0, -1)}${t.server.token.endsWith('A') ? 'B' : 'A'}`;
    const command = `${t.base}/api/command/station.info`;
    const post = (url: string, headers: Record<string, string>) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: '{}' });
    const responses = await Promise.all([
      post(command, { 'X-Station-Token': wrong }),
      post(command, { 'X-Station-Token': `${t.server.token}x` }),
      post(`${command}?token=${t.server.token}`, {}),
      post(command, { Cookie: `station_token=${t.server.token}` }),
      fetch(`${t.base}/media/1?token=${t.server.token}`),
      fetch(`${t.base}/media/1`, { headers: { Cookie: `station_token=${t.server.token}` } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(t.station.callers).toEqual([]);
  });

  it('sets no cookie on any answer, signed in or not', async () => {
    const answers = await Promise.all([
      fetch(`${t.base}/`),
      fetch(`${t.base}/?token=${t.server.token}`),
      fetch(`${t.base}/index.html`, { headers: t.auth }),
      fetch(`${t.base}/api/command/station.info`, { method: 'POST', headers: { ...t.auth, 'content-type': 'application/json' }, body: '{}' }),
      fetch(`${t.base}/api/sign/media/1`, { method: 'POST', headers: t.auth }),
    ]);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.headers.get('set-cookie')).toBeNull();
    }
  });

  it('refuses a forged Host header even with the right token (DNS rebinding)', async () => {
    const forged = await rawGet(t.server.port, '/', { Host: `evil.example:${t.server.port}`, 'X-Station-Token': t.server.token });
    expect(forged.status).toBe(421);
    expect(forged.body).not.toContain('站');
    const wrongPort = await rawGet(t.server.port, '/', { Host: '127.0.0.1:1', 'X-Station-Token': t.server.token });
    expect(wrongPort.status).toBe(421);
    const localhost = await rawGet(t.server.port, '/', { Host: `LOCALHOST:${t.server.port}`, 'X-Station-Token': t.server.token });
    expect(localhost.status).toBe(200);
  });

  it('sends the security headers on pages and on refusals', async () => {
    for (const response of [await fetch(`${t.base}/`, { headers: t.auth }), await fetch(`${t.base}/media/1`)]) {
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('x-frame-options')).toBe('DENY');
      expect(response.headers.get('cross-origin-resource-policy')).toBe('same-origin');
      expect(response.headers.get('content-security-policy')).toContain(
        "default-src 'self'; media-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
      );
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    }
  });

  it('does not listen on the IPv6 loopback', async () => {
    await expect(fetch(`http://[::1]:${t.server.port}/`, { headers: t.auth })).rejects.toThrow();
  });
});
