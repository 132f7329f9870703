import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile } from '../helpers/make-media.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage } from './support/in-page.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

/** A page on another port of 127.0.0.1 that tries to use the station the browser is signed in to. */
function attackPage(station: string, sourcePath: string): string {
  return `<!doctype html><meta charset="utf-8"><body>
<form id="f" method="POST" enctype="text/plain" action="${station}/api/command/settings.update">
  <input name='{"autoIngest": true, "x": "' value='"}'>
</form>
<script>
  fetch('${station}/api/command/ingest.start', {
    method: 'POST', mode: 'no-cors', credentials: 'include', body: JSON.stringify({ sourcePath: ${JSON.stringify(sourcePath)} }),
  }).finally(() => { document.title = 'sent'; document.getElementById('f').submit(); });
</script>`;
}

describe.skipIf(skipReason !== null)(`a page on another port of 127.0.0.1 (${skipReason ?? 'Chromium present'})`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;
  let attacker: Server;
  let attackerUrl: string;
  const source = () => join(work, 'card');

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-csrf-'));
    await mkdir(join(work, 'data'));
    makeFile(join(source(), 'DCIM/0001.MP4'), 4096, 1);
    station = await startStation(join(work, 'data'));
    const stationOrigin = new URL(station.url).origin;
    attacker = createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
      res.end(attackPage(stationOrigin, source()));
    });
    await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
    attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}/`;
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    await new Promise((resolve) => attacker?.close(resolve));
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('cannot start an ingest or change a setting in the name of the signed-in officer', async () => {
    // One browser profile: the two tabs share its cookies, as an officer's browser would.
    const context = await browser.newContext();
    const page = await context.newPage();
    // Signed in: the station's page is open in the same browser.
    await page.goto(station.url);
    await page.getByTestId('nav-import').waitFor();

    const other = await context.newPage();
    await other.goto(attackerUrl);
    // The form's submission navigates the page to the station's answer.
    await other.waitForURL(/\/api\/command\/settings\.update/);
    // The browser keeps no credential for it to send along (401), and its Origin is another site's (403).
    expect(await other.textContent('body')).toMatch(/^(Unauthorised|Refused)/);

    const settings = (await commandInPage(page, 'settings.get')) as { value: { autoIngest: boolean } };
    expect(settings.value.autoIngest).toBe(false);
    expect(await readdir(join(work, 'data', 'archive')).catch(() => [])).toEqual([]);
  });
});
