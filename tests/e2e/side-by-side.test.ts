import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVideo } from '../helpers/make-media.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage, playUntilFramesShow } from './support/in-page.js';
import { startStation, stationCli, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

/** Another server on loopback, as malware or another user of the PC would run: it notes every cookie it is sent. */
function eavesdropperPage(): string {
  return `<!doctype html><meta charset="utf-8"><body><img src="/pixel.png">
<script>
  fetch('/probe', { credentials: 'include' }).finally(() => { document.title = 'done'; });
</script>`;
}

/** Status of a GET from inside the page, without the token header. */
const statusInPage = (page: Page, url: string): Promise<unknown> => page.evaluate(`fetch(${JSON.stringify(url)}).then((r) => r.status)`);

describe.skipIf(skipReason !== null)(`stations on two ports of 127.0.0.1 in one browser (${skipReason ?? 'Chromium present'})`, () => {
  let work: string;
  let first: RunningStation;
  let second: RunningStation;
  let browser: Browser;
  let context: BrowserContext;
  let eavesdropper: Server;
  let eavesdropperUrl: string;
  const cookiesSeen: (string | undefined)[] = [];
  const dataDir = (name: string) => join(work, name);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-side-by-side-'));
    makeVideo(join(work, 'card', 'DCIM', 'CLIP0001.MP4'), { seconds: 2, seed: 3 });
    for (const name of ['first', 'second']) await mkdir(dataDir(name));
    execFileSync(process.execPath, [stationCli, '--data', dataDir('first'), 'ingest', join(work, 'card'), '--json']);
    [first, second] = await Promise.all([startStation(dataDir('first')), startStation(dataDir('second'))]);
    eavesdropper = createServer((req, res) => {
      cookiesSeen.push(req.headers.cookie);
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(req.url === '/' ? eavesdropperPage() : '');
    });
    await new Promise<void>((resolve) => eavesdropper.listen(0, '127.0.0.1', resolve));
    eavesdropperUrl = `http://127.0.0.1:${(eavesdropper.address() as AddressInfo).port}/`;
    browser = await launchChromium();
    // One browser profile: every tab shares its cookie jar, as an officer's browser would.
    context = await browser.newContext();
  });

  afterAll(async () => {
    await browser?.close();
    await Promise.all([first?.stop(), second?.stop()]);
    await new Promise((resolve) => eavesdropper?.close(resolve));
    if (work) await rm(work, { recursive: true, force: true });
  });

  const open = async (station: RunningStation, name: string): Promise<Page> => {
    const page = await context.newPage();
    await page.goto(station.url);
    await expect.poll(() => page.getByTestId('data-dir').textContent()).toBe(dataDir(name));
    return page;
  };

  it('keeps both stations working in one browser, each after a reload, and leaves no cookie for another port', async () => {
    const firstPage = await open(first, 'first');
    const secondPage = await open(second, 'second');
    // The token left the address bar once the page had it.
    expect(new URL(firstPage.url()).hash).toBe('');

    const other = await context.newPage();
    await other.goto(eavesdropperUrl);
    await expect.poll(() => other.title()).toBe('done');
    expect(cookiesSeen.length).toBeGreaterThanOrEqual(3);
    expect(cookiesSeen.filter((cookie) => cookie !== undefined)).toEqual([]);
    expect(await context.cookies()).toEqual([]);

    // Signing in to the second station did not sign the first one out.
    for (const [page, name] of [[firstPage, 'first'], [secondPage, 'second']] as const) {
      await page.reload();
      await expect.poll(() => page.getByTestId('data-dir').textContent()).toBe(dataDir(name));
      const info = (await commandInPage(page, 'station.info')) as { ok: boolean; value: { dataDir: string } };
      expect(info.value.dataDir).toBe(dataDir(name));
    }
  });

  it('refuses a command without the token header: 401', async () => {
    const page = await open(first, 'first');
    const status = await page.evaluate(`fetch('/api/command/station.info', {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}',
    }).then((r) => r.status)`);
    expect(status).toBe(401);
  });

  it('plays a recording from its signed URL, and refuses it tampered, unsigned, or at the other station', async () => {
    const page = await open(first, 'first');
    await page.getByTestId('nav-recordings').click();
    await page.getByTestId('recording-row').first().click();
    const player = page.getByTestId('recording-detail').getByTestId('player-video');
    const played = await playUntilFramesShow(player);
    expect(played.error).toBeNull();
    expect(played.videoWidth).toBe(160);

    const src = new URL((await player.getAttribute('src'))!, first.url);
    expect(await statusInPage(page, src.href)).toBe(200);
    const signature = src.searchParams.get('signature')!;
    const tampered = new URL(src);
    tampered.searchParams.set('signature', `${signature.slice(0, -2)}${signature.endsWith('AA') ? 'BA' : 'AA'}`);
    const later = new URL(src);
    later.searchParams.set('expires', String(Number(src.searchParams.get('expires')) + 3_600_000));
    const unsigned = new URL(src.pathname, src);
    for (const refused of [tampered, later, unsigned]) expect([refused.search, await statusInPage(page, refused.href)]).toEqual([refused.search, 401]);

    // The second station has its own key: the first one's URL opens nothing there.
    const secondPage = await open(second, 'second');
    const elsewhere = new URL(`${src.pathname}${src.search}`, second.url);
    expect(await statusInPage(secondPage, elsewhere.href)).toBe(401);
  });

  it('asks for a fresh event-stream URL when the station refuses the one it has (its signature lapsed)', async () => {
    const page = await context.newPage();
    // The station's answer to a lapsed signature is a 401 (see signed-urls.test.ts); the first
    // stream request gets that answer here, the rest reach the station.
    let refused = false;
    await page.route(/\/api\/events\?/, async (route) => {
      if (refused) return route.continue();
      refused = true;
      return route.fulfill({ status: 401, contentType: 'text/plain', body: 'Unauthorised' });
    });
    const streams: { signature: string | null; status: number }[] = [];
    page.on('response', (response) => {
      const url = new URL(response.url());
      if (url.pathname === '/api/events') streams.push({ signature: url.searchParams.get('signature'), status: response.status() });
    });
    await page.goto(first.url);
    await expect.poll(() => streams.map((stream) => stream.status)).toEqual([401, 200]);
    expect(streams[1]!.signature).not.toBe(streams[0]!.signature);
    await page.close();
  });

  it('says which address to open when the station refuses the token the tab keeps, and takes the address pasted into that tab', async () => {
    const page = await open(first, 'first');
    // As after a restart of the station: the token the tab keeps is no longer the station's.
    await page.evaluate(`sessionStorage.setItem('station.token', 'a-token-from-before-the-restart')`);
    await page.reload();
    await page.getByTestId('signed-out').waitFor();
    // Only the fragment differs from the address the tab shows, so the browser does not load the page again by itself.
    await page.goto(`${first.url}#/devices`);
    await expect.poll(() => page.getByTestId('data-dir').textContent()).toBe(dataDir('first'));
    expect(new URL(page.url()).hash).toBe('#/devices');
  });

  it('says which address to open when the page is opened without its token', async () => {
    const fresh = await browser.newContext();
    const page = await fresh.newPage();
    await page.goto(new URL(first.url).origin);
    await page.getByTestId('signed-out').waitFor();
    await fresh.close();
  });
});
