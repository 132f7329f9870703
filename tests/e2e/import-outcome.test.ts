import { chmod, mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { makeVideo, truncate } from '../integration/media/make-media.js';
import { makeSourceFolder, type SourceFolder } from './support/source-folder.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the outcome of an import with a file it may not read${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let source: SourceFolder;
  let browser: Browser;
  let station: RunningStation;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-outcome-'));
    source = await makeSourceFolder(join(work, 'card'));
    // What the desk met: one clip the recorder's software left unreadable to everyone.
    await chmod(join(source.root, source.media[0]!.relative), 0o000);
    // And one the recorder stopped writing mid-clip: archived as it is, reported at once.
    await makeVideo(join(work, 'whole.mkv'), 7);
    await truncate(join(work, 'whole.mkv'), join(source.root, 'DCIM', 'CUT_0001.mkv'), 0.4);
    const dataDir = join(work, 'data');
    await mkdir(dataDir);
    station = await startStation(dataDir, [], { officeUser: true });
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(station.url);
  });

  afterAll(async () => {
    await page?.close();
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('says complete with one failure, in amber, the failure listed before the litter, with no bar stuck short of 100%', async () => {
    await page.getByTestId('source-path').fill(source.root);
    await page.getByTestId('start-ingest').click();
    const summary = page.locator('[data-testid="ingest-summary"][data-state="completed"]');
    await summary.waitFor({ timeout: 60_000 });

    expect(await summary.getAttribute('data-outcome')).toBe('complete-with-failures');
    const heading = summary.getByTestId('summary-outcome');
    expect(await heading.textContent()).toBe('导入完成，但有 1 个文件失败');
    expect(await heading.getAttribute('class')).toContain('outcome-complete-with-failures');
    expect(await page.locator('[data-testid="total-failed"] dd').textContent()).toBe('1');
    expect(await page.getByTestId('total-notReached').count()).toBe(0);

    const problems = page.locator('[data-testid="problem-files"] tbody tr');
    expect(await problems.evaluateAll((rows) => rows.map((row) => row.getAttribute('data-status')))).toEqual(['failed', 'skipped']);
    expect(await problems.first().textContent()).toContain(source.media[0]!.name);

    expect(await page.getByTestId('progress-bar').count()).toBe(0);
    expect(await page.getByTestId('ingest-progress').locator('.percent').count()).toBe(0);
  });

  it('lists the damaged recording in the summary, saying how much of it plays', async () => {
    const damaged = page.getByTestId('damaged-recordings').locator('li');
    expect(await damaged.count()).toBe(1);
    expect(await damaged.getAttribute('data-problem-code')).toBe('cut-short');
    expect(await damaged.textContent()).toMatch(/^DCIM\/CUT_0001\.mkv：录像被截断：只能播放前 0:0\d\.\d，文件声明的长度为 0:07\.0$/);
  });

  it('keeps the same outcome in the import history, not a green "done"', async () => {
    await page.goto(`${station.url}#/ingests`);
    const badge = page.getByTestId('ingest-row-outcome').first();
    await badge.waitFor();
    expect(await badge.textContent()).toBe('完成，1 个失败');
    expect(await badge.getAttribute('class')).toContain('outcome-complete-with-failures');
  });
});
