import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { indexHtml, rawGet, startTestServer, type TestServer } from './test-server.js';

describe('browser host: who may talk to it', () => {
  let t: TestServer;
  beforeAll(async () => {
    t = await startTestServer();
  });
  afterAll(() => t.stop());

  it('prints a 127.0.0.1 address carrying a long random token', () => {
    expect(t.server.url).toBe(`http://127.0.0.1:${t.server.port}/?token=${t.server.token}`);
    expect(t.server.token).toMatch(/^[A-Za-z0-9_-]{32}$/);
  });

  it('answers 401 in plain text to every kind of request without the token', async () => {
    const attempts = [
      fetch(`${t.base}/`),
      fetch(`${t.base}/assets/app.js`),
      fetch(`${t.base}/api/command/station.info`, { method: 'POST', body: '{}' }),
      fetch(`${t.base}/api/events`),
      fetch(`${t.base}/media/1`),
      fetch(`${t.base}/media/1/thumbnail`),
    ];
    for (const response of await Promise.all(attempts)) {
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toMatch(/^text\/plain/);
      expect(await response.text()).toMatch(/Unauthorised/);
    }
    expect(t.station.callers).toEqual([]);
  });

  it('refuses a wrong token in the query, the header and the cookie', async () => {
    const wrong = `${t.server.token.slice(0, -1)}${t.server.token.endsWith('A') ? 'B' : 'A'}`;
    const responses = await Promise.all([
      fetch(`${t.base}/?token=${wrong}`),
      fetch(`${t.base}/`, { headers: { 'X-Station-Token': wrong } }),
      fetch(`${t.base}/`, { headers: { Cookie: `station_token=${wrong}` } }),
      fetch(`${t.base}/`, { headers: { 'X-Station-Token': `${t.server.token}x` } }),
    ]);
    expect(responses.map((r) => r.status)).toEqual([401, 401, 401, 401]);
  });

  it('hands the token from the first URL over as a strict HttpOnly cookie, which then authorises the assets', async () => {
    const page = await fetch(t.server.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toBe(indexHtml);
    const cookie = page.headers.get('set-cookie');
    expect(cookie).toBe(`station_token=${t.server.token}; HttpOnly; SameSite=Strict; Path=/`);

    const nameValue = cookie!.split(';')[0]!;
    const asset = await fetch(`${t.base}/assets/app.js`, { headers: { Cookie: `theme=dark; ${nameValue}` } });
    expect(asset.status).toBe(200);
    expect(asset.headers.get('set-cookie')).toBeNull();
  });

  it('sets no cookie when the token came in a header', async () => {
    const page = await fetch(`${t.base}/`, { headers: t.auth });
    expect(page.status).toBe(200);
    expect(page.headers.get('set-cookie')).toBeNull();
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
    for (const response of [await fetch(`${t.base}/`, { headers: t.auth }), await fetch(`${t.base}/`)]) {
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
