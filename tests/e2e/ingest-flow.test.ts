import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { playUntilFramesShow, recordProgressTexts } from './support/in-page.js';
import { makeSourceFolder, type SourceFolder } from './support/source-folder.js';
import { startStation, type RunningStation } from './support/station-process.js';
import { english, zhCN } from './support/texts.js';

const skipReason = browserSkipReason();
const screenshotPath = join(import.meta.dirname, '../../docs/screenshot.png');

describe.skipIf(skipReason !== null)(`ingest through the browser${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let source: SourceFolder;
  let browser: Browser;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-'));
    source = await makeSourceFolder(join(work, 'card'));
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  describe.each([
    ['zh-CN (the default)', zhCN],
    ['English (chosen in the shell)', english],
  ] as const)('in %s', (_name, texts) => {
    let station: RunningStation;
    let dataDir: string;
    let page: Page;

    beforeAll(async () => {
      dataDir = join(work, `data-${texts.lang}`);
      await mkdir(dataDir);
      station = await startStation(dataDir);
      page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    });

    afterAll(async () => {
      await page?.close();
      await station?.stop();
    });

    it('shows the shell in the language, with the station, its data folder and a running clock', async () => {
      await page.goto(station.url);
      await page.getByTestId('station-name').waitFor();
      if (texts.lang === 'en') {
        await page.getByTestId('language-switch').selectOption('en');
        await page.reload();
        await page.getByTestId('station-name').waitFor();
      }
      expect(await page.getAttribute('html', 'lang')).toBe(texts.lang);
      expect(await page.getByTestId('nav-import').textContent()).toBe(texts.nav.import);
      expect(await page.getByTestId('nav-recordings').textContent()).toBe(texts.nav.recordings);
      expect(await page.getByTestId('nav-ingests').textContent()).toBe(texts.nav.ingests);
      expect(await page.getByTestId('data-dir').textContent()).toContain(`data-${texts.lang}`);

      const clock = page.getByTestId('station-clock');
      const first = (await clock.textContent()) ?? '';
      expect(first).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
      // The clock ticks; the tick read next is bracketed by this machine's clock (the station's),
      // so a slow machine widens the bracket instead of failing the test.
      const before = Date.now();
      await expect.poll(() => clock.textContent(), { timeout: 10_000 }).not.toBe(first);
      const ticked = Date.parse(`${((await clock.textContent()) ?? '').replace(' ', 'T')}+08:00`);
      const after = Date.now();
      // Shown in the station's zone (Asia/Shanghai, UTC+8), not the zone of this test machine:
      // a wrong zone would be hours off. Seconds are cut, and the page's estimate of the station
      // clock is good to a second.
      expect(ticked).toBeGreaterThanOrEqual(before - 2000);
      expect(ticked).toBeLessThanOrEqual(after + 1000);
    });

    it('explains in the language why a missing source cannot be imported', async () => {
      await page.getByTestId('source-path').fill(join(work, 'no-such-card'));
      await page.getByTestId('start-ingest').click();
      const error = page.getByTestId('import-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('source-unreadable');
      expect(await error.textContent()).toContain(texts.sourceMissing);
      expect(await error.textContent()).toContain('no-such-card');
    });

    it('imports a card (browsed to in Chinese, typed in English), showing progress, then the summary with the skipped litter', async () => {
      // Tiny files copy in well under a second: record every progress text the page ever shows.
      const progressSeen = await recordProgressTexts(page);
      if (texts.lang === 'zh-CN') {
        // Reach the card through the folder browser, starting from the folder that holds it.
        await page.getByTestId('source-path').fill(work);
        await page.getByTestId('browse-typed').click();
        await expect.poll(() => page.getByTestId('browse-path').textContent()).toBe(work);
        await page.getByTestId('folder-list').getByRole('button', { name: 'card' }).click();
        await expect.poll(() => page.getByTestId('source-path').inputValue()).toBe(source.root);
        await expect.poll(() => page.getByTestId('browse-path').textContent()).toBe(source.root);
      } else {
        await page.getByTestId('source-path').fill(source.root);
      }
      expect(await page.getByTestId('start-ingest').textContent()).toBe(texts.start);
      await page.getByTestId('start-ingest').click();

      const summary = page.locator('[data-testid="ingest-summary"][data-state="completed"]');
      await summary.waitFor({ timeout: 60_000 });
      if (process.env.SCREENSHOT === '1' && texts.lang === 'zh-CN') {
        await page.screenshot({ path: screenshotPath, fullPage: true });
      }
      expect(await summary.locator('h3').textContent()).toBe(texts.completed);

      expect((await progressSeen()).length).toBeGreaterThan(0);
      await expect.poll(() => page.getByTestId('progress-files').textContent()).toBe(texts.filesOf(3, 3));
      expect(await page.getByTestId('progress-bytes').textContent()).toMatch(/\d+(\.\d+)? kB/);

      expect(await page.locator('[data-testid="total-archived"] dd').textContent()).toBe('3');
      expect(await page.locator('[data-testid="total-archived"] dt').textContent()).toBe(texts.archivedTotal);
      expect(await page.locator('[data-testid="total-skipped"] dd').textContent()).toBe('1');
      expect(await page.locator('[data-testid="total-failed"] dd').textContent()).toBe('0');

      const problems = page.locator('[data-testid="problem-files"] tbody tr');
      expect(await problems.count()).toBe(1);
      const litter = problems.first();
      expect(await litter.getAttribute('data-status')).toBe('skipped');
      expect(await litter.locator('td').nth(0).textContent()).toBe(texts.skipped);
      expect(await litter.locator('td').nth(1).textContent()).toContain(source.litter);
      expect(await litter.locator('td').nth(4).textContent()).toBe(texts.litterReason);

      const logged = await page.locator('[data-testid="file-log"] li').allTextContents();
      for (const file of source.media) expect(logged.some((line) => line.includes(file.name))).toBe(true);

      // The receipt to print and sign opens from the summary as a PDF in a new tab, by a URL the
      // station signed for it: the tab has neither the token nor a cookie.
      const [tab] = await Promise.all([page.context().waitForEvent('page'), page.getByTestId('summary-receipt').click()]);
      const receipt = new URL(tab.url());
      await tab.close();
      expect(receipt.pathname).toMatch(/^\/receipt\/[\w-]+$/);
      expect(receipt.searchParams.get('signature')).toMatch(/^[\w-]{43}$/);
      const pdf = await page.evaluate(`fetch(${JSON.stringify(receipt.href)}).then(async (r) => [r.status, r.headers.get('content-type'), (await r.text()).slice(0, 5)])`);
      expect(pdf).toEqual([200, 'application/pdf', '%PDF-']);
    });

    it('lists every recording of the ingest with its hash, searchable and filterable by kind', async () => {
      await page.getByTestId('summary-recordings-link').click();
      await page.getByTestId('ingest-filter').waitFor();
      await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe(texts.recordingsTotal(3));
      for (const file of source.media) {
        const row = page.locator(`[data-testid="recording-row"][data-sha256="${file.sha256}"]`);
        await row.waitFor();
        const cells = await row.locator('[role="cell"]').allTextContents();
        expect(cells[2]).toBe(file.relative);
        // thumbnail, time, file, device, officer, kind, duration, size, hash, status
        expect(cells[5]).toBe(file.kind === 'video' ? texts.video : texts.photo);
        expect(cells[8]).toBe(file.sha256.slice(0, 12));
      }
      // creation_time 06:03:22Z is 14:03:22 on the station's clock in Asia/Shanghai.
      const first = source.media[0]!;
      const firstRow = page.locator(`[data-testid="recording-row"][data-sha256="${first.sha256}"]`);
      expect(await firstRow.locator('[role="cell"]').nth(1).textContent()).toBe('2024-05-01 14:03:22');

      const second = source.media[1]!;
      await page.getByTestId('recordings-search').fill('CLIP0002');
      await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe(texts.recordingsTotal(1));
      expect(await page.getByTestId('recording-row').getAttribute('data-sha256')).toBe(second.sha256);
      await page.getByTestId('recordings-search').fill('');
      await page.getByTestId('recordings-kind').selectOption('photo');
      await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe(texts.recordingsTotal(1));
      expect(await page.getByTestId('recording-row').getAttribute('data-sha256')).toBe(source.media[2]!.sha256);
      await page.getByTestId('recordings-kind').selectOption('');
      await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe(texts.recordingsTotal(3));
    });

    it('opens a recording with both hashes, the verification method, and video that plays', async () => {
      const clip = source.media[0]!;
      await page.locator(`[data-testid="recording-row"][data-sha256="${clip.sha256}"]`).click();
      const detail = page.getByTestId('recording-detail');
      await detail.getByTestId('detail-sha256').waitFor();
      expect(await detail.getByTestId('detail-sha256').textContent()).toBe(clip.sha256);
      expect(await detail.getByTestId('detail-source-sha256').textContent()).toBe(clip.sha256);
      expect(await detail.getByTestId('detail-verified-sha256').textContent()).toBe(clip.sha256);
      expect(await detail.getByTestId('detail-hash-check').textContent()).toBe(texts.hashesMatch);
      expect(texts.verification).toContain(await detail.getByTestId('detail-verification').textContent());
      expect(await detail.getByTestId('detail-sightings').locator('li').count()).toBe(1);

      const player = detail.getByTestId('player-video');
      // Played from a URL the station signed for this one recording, good without the token.
      const src = new URL((await player.getAttribute('src'))!, station.url);
      expect(src.pathname).toMatch(/^\/media\/\d+$/);
      expect(src.searchParams.get('signature')).toMatch(/^[\w-]{43}$/);
      const played = await playUntilFramesShow(player);
      expect(played.error).toBeNull();
      expect(played.videoWidth).toBe(320);
      // Its box keeps one shape whatever the video's own (4:3 here), so nothing below it moved as its size became known.
      const box = (await player.boundingBox())!;
      expect(box.height, JSON.stringify(box)).toBeCloseTo((box.width * 9) / 16, 0);
      await page.getByTestId('detail-close').click();
      await detail.waitFor({ state: 'detached' });
    });

    it('keeps the ingest in the history, with its files and a link to its recordings', async () => {
      await page.getByTestId('nav-ingests').click();
      const row = page.getByTestId('ingest-row');
      await row.waitFor();
      expect(await row.count()).toBe(1);
      expect(await row.locator('.badge').textContent()).toBe(texts.ingestCompleted);
      const toggle = row.getByTestId('ingest-toggle');
      expect(await toggle.textContent()).toBe(texts.showFiles);
      await toggle.click();
      const files = page.locator('[data-testid="ingest-files"] tbody tr');
      await files.first().waitFor();
      expect(await files.count()).toBe(4);
      await row.getByTestId('ingest-recordings-link').click();
      await page.getByTestId('ingest-filter').waitFor();
      await expect.poll(() => page.getByTestId('recordings-total').textContent()).toBe(texts.recordingsTotal(3));
    });
  });
});
