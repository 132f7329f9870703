import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { appJs, rawGet, startTestServer, type TestServer } from './test-server.js';

describe('browser host: the built renderer', () => {
  let t: TestServer;
  const secret = 'station database password';
  beforeAll(async () => {
    t = await startTestServer();
    // Outside the renderer folder, where traversal would reach.
    await writeFile(path.join(t.dir, 'secret.txt'), secret);
  });
  afterAll(() => t.stop());

  it('serves assets with their MIME type and the content policy', async () => {
    const response = await fetch(`${t.base}/assets/app.js`, { headers: t.auth });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toMatch(/^default-src 'self'; media-src 'self';/);
    expect(await response.text()).toBe(appJs);
  });

  it('serves the index page as HTML', async () => {
    const response = await fetch(`${t.base}/`, { headers: t.auth });
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
  });

  it('answers 404 for a file that does not exist and for a folder', async () => {
    expect((await fetch(`${t.base}/assets/missing.js`, { headers: t.auth })).status).toBe(404);
    expect((await fetch(`${t.base}/assets/`, { headers: t.auth })).status).toBe(404);
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/..%2fsecret.txt', '/assets/..%2f..%2fsecret.txt', '/%2e%2e%5csecret.txt', '/%E0%A4%A'])(
    'does not leave the renderer folder for %s',
    async (rawPath) => {
      const response = await rawGet(t.server.port, rawPath, { Host: `127.0.0.1:${t.server.port}`, 'X-Station-Token': t.server.token });
      expect(response.status).toBe(404);
      expect(response.body).not.toContain(secret);
    },
  );

  it('refuses methods other than GET and HEAD', async () => {
    const response = await fetch(`${t.base}/index.html`, { method: 'DELETE', headers: t.auth });
    expect(response.status).toBe(405);
  });
});

describe('browser host: before the renderer is built', () => {
  let t: TestServer;
  afterEach(() => t.stop());

  it('answers / with 503 and says to build', async () => {
    t = await startTestServer({ withoutRenderer: true });
    const response = await fetch(`${t.base}/`, { headers: t.auth });
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
