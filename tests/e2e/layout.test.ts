import { randomBytes } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { misfits } from './support/layout-checks.js';
import { makeSourceFolder } from './support/source-folder.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
/** Screenshots for a person to look at (test-results/ is not committed). */
const shots = join(import.meta.dirname, '../../test-results/layout');

/** A card as recorders write it: GA/T 947 names deep in folders, and a file of a few MB. */
async function makeCard(dir: string): Promise<string> {
  await makeSourceFolder(dir);
  const deep = join(dir, 'DCIM', '100MEDIA', 'RECORDER_1234567');
  await mkdir(deep, { recursive: true });
  // 1.71 MB of noise: a size that wrapped as "1.71 / MB", and a video nothing can play.
  await writeFile(join(deep, '1234567_012345_20241101083015_0001_IMP.MP4'), randomBytes(1_710_000));
  return dir;
}

describe.skipIf(skipReason !== null)(`every page whole at 1366×768${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let card: string;
  let browser: Browser;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-layout-'));
    card = await makeCard(join(work, 'card'));
    await mkdir(shots, { recursive: true });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.each(['zh-CN', 'en'] as const)('in %s', (lang) => {
    let station: RunningStation;
    let page: Page;

    beforeAll(async () => {
      const dataDir = join(work, `data-${lang}`);
      await mkdir(dataDir);
      station = await startStation(dataDir);
      page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
      await page.goto(station.url);
      await page.getByTestId('station-name').waitFor();
      if (lang === 'en') await page.getByTestId('language-switch').selectOption('en');
    });

    afterAll(async () => {
      await page?.close();
      await station?.stop();
    });

    const check = async (name: string) => {
      await page.screenshot({ path: join(shots, `${name}-${lang}.png`), fullPage: true });
      // Soft: one page that does not fit must not hide what the next pages show.
      expect.soft(await misfits(page)).toEqual([]);
    };

    it('import: the source picker with its folder browser, then the summary', async () => {
      await page.getByTestId('source-path').fill(card);
      await page.getByTestId('browse-typed').click();
      await page.getByTestId('folder-list').getByRole('button').first().waitFor();
      await check('import-picker');
      // Whether the navigation's running mark ever showed, caught even if only for a frame.
      await page.evaluate(`(() => {
        window.runningMarkSeen = false;
        new MutationObserver(() => {
          if (document.querySelector('[data-testid="nav-import-running"]')) window.runningMarkSeen = true;
        }).observe(document.body, { childList: true, subtree: true });
      })()`);
      await page.getByTestId('start-ingest').click();
      await page.locator('[data-testid="ingest-summary"]').waitFor({ timeout: 60_000 });
      await check('import-summary');
    });

    it('marked the running import in the navigation, and no longer once it ended', async () => {
      expect(await page.evaluate('window.runningMarkSeen')).toBe(true);
      expect(await page.getByTestId('nav-import-running').count()).toBe(0);
    });

    it('recordings: the list, and the list with a recording open', async () => {
      await page.getByTestId('nav-recordings').click();
      await page.getByTestId('recording-row').first().waitFor();
      // The two clips' frames, drawn before the screenshot is taken.
      await expect
        .poll(() => page.getByTestId('recording-thumbnail').evaluateAll((images) => images.filter((image) => (image as unknown as { naturalWidth: number }).naturalWidth > 0).length))
        .toBe(2);
      await check('recordings');
      await page.getByTestId('recording-row').first().click();
      await page.getByTestId('recording-detail').getByTestId('detail-sha256').waitFor();
      await check('recording-detail');
      await page.getByTestId('detail-close').click();
    });

    it('copies the SHA-256 of the open recording to the clipboard', async () => {
      await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
      await page.getByTestId('recording-row').first().click();
      const shown = await page.getByTestId('detail-sha256').textContent();
      await page.getByTestId('copy-sha256').click();
      await page.getByTestId('copy-sha256').filter({ hasText: lang === 'en' ? 'Copied' : '已复制' }).waitFor();
      expect(shown).toMatch(/^[0-9a-f]{64}$/);
      expect(await page.evaluate('navigator.clipboard.readText()')).toBe(shown);
      await page.getByTestId('detail-close').click();
    });

    it('import history: one import opened with all its files', async () => {
      await page.getByTestId('nav-ingests').click();
      await page.getByTestId('ingest-toggle').click();
      await page.locator('[data-testid="ingest-files"] tbody tr').first().waitFor();
      await check('ingests');
    });

    it('ledger: the check-out form with its three checks unanswered, then the check-in form', async () => {
      await page.getByTestId('nav-ledger').click();
      await page.getByTestId('ledger-page').waitFor();
      await page.getByTestId('open-checkout').click();
      await page.getByTestId('checkout-save').click();
      await page.getByTestId('check-clock-error').waitFor();
      await check('ledger-checkout');
      await page.getByTestId('open-checkin').click();
      await page.getByTestId('checkin-form').waitFor();
      await check('ledger-checkin');
    });

    it('devices', async () => {
      await page.getByTestId('nav-devices').click();
      await page.getByTestId('devices-page').waitFor();
      await check('devices');
    });

    it('audit log: the chain checked at the top, its rows below', async () => {
      await page.getByTestId('nav-audit').click();
      await page.getByTestId('audit-table').waitFor();
      await page.locator('[data-testid="audit-chain-state"][data-ok]').waitFor();
      await check('audit');
    });

    it('calibration clock', async () => {
      await page.goto(`${station.url.split('#')[0]}#/clock`);
      await page.getByTestId('calibration-zone').waitFor();
      await check('clock');
    });
  });
});
