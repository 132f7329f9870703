import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appProtocolHandler } from '../../../src-main/hosts/electron/app-protocol.js';

describe('Electron app:// protocol', () => {
  let dir = '';
  let handle: (request: Request) => Promise<Response>;
  const secret = 'outside the renderer';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'station-app-'));
    await mkdir(path.join(dir, 'renderer', 'assets'), { recursive: true });
    await writeFile(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>站</title>');
    await writeFile(path.join(dir, 'renderer', 'assets', 'index-abc.css'), 'body{}');
    await writeFile(path.join(dir, 'secret.txt'), secret);
    handle = appProtocolHandler(path.join(dir, 'renderer'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handle(new Request(url, { method }));

  it('serves the index page with the content policy that allows the media scheme', async () => {
    const response = await get('app://station/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await response.text()).toBe('<!doctype html><title>站</title>');
    const policy = response.headers.get('content-security-policy') ?? '';
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("media-src 'self' media:");
    expect(policy).toContain("img-src 'self' data: media:");
    expect(policy).toContain("connect-src 'self'");
    expect(policy).not.toContain('unsafe-eval');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves / as the index page and assets with their type', async () => {
    expect(await (await get('app://station/')).text()).toContain('站');
    const css = await get('app://station/assets/index-abc.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toBe('body{}');
  });

  it.each(['app://station/..%2fsecret.txt', 'app://station/assets/..%2F..%2Fsecret.txt', 'app://station/%2e%2e%5csecret.txt', 'app://station/%ZZ'])(
    'does not leave the renderer folder for %s',
    async (url) => {
      const response = await get(url);
      expect(response.status).toBe(404);
      expect(await response.text()).not.toContain(secret);
    },
  );

  it('answers 404 for another host, a missing file and a folder', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://station/missing.js')).status).toBe(404);
    expect((await get('app://station/assets/')).status).toBe(404);
  });

  it('refuses methods other than GET and HEAD', async () => {
    expect((await get('app://station/index.html', 'POST')).status).toBe(405);
  });

  it('says to build when the renderer is missing', async () => {
    const response = await appProtocolHandler(path.join(dir, 'nothing-built'))(new Request('app://station/'));
    expect(response.status).toBe(503);
    expect(await response.text()).toContain('npm run build');
  });
});
