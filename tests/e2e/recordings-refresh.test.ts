import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage } from './support/in-page.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

/** A folder of `count` small files, each its own bytes. */
async function folderOf(dir: string, count: number, tag: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  for (let i = 0; i < count; i += 1) await writeFile(join(dir, `NOTE_${tag}_${i}.TXT`), `${tag} ${i}\n`);
  return dir;
}

describe.skipIf(skipReason !== null)(`the recordings list when an ingest ends${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-recordings-refresh-'));
    const data = join(work, 'data');
    expect(runCli(data, ['ingest', await folderOf(join(work, 'first'), 30, 'first')]).status).toBe(0);
    station = await startStation(data);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(`${station.url}#/recordings`);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('keeps its rows on screen while it asks again, and then shows the new ones', async () => {
    await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe('共 30 条');
    await page.getByTestId('recording-row').first().waitFor();
    // Every row that is ever drawn without its recording ("loading"), even for one frame.
    await page.evaluate(`(() => {
      window.loadingRowsSeen = 0;
      new MutationObserver(() => {
        window.loadingRowsSeen += document.querySelectorAll('.rec-row.loading').length;
      }).observe(document.body, { subtree: true, childList: true, attributes: true });
    })()`);
    const started = (await commandInPage(page, 'ingest.start', { sourcePath: await folderOf(join(work, 'second'), 5, 'second') })) as { ok: boolean };
    expect(started.ok).toBe(true);
    await expect.poll(() => page.getByTestId('recordings-total').textContent(), { timeout: 60_000 }).toBe('共 35 条');
    expect(await page.evaluate('window.loadingRowsSeen')).toBe(0);
  }, 90_000);
});
