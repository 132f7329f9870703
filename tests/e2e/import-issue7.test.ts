import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeFile, makeVideo } from '../helpers/make-media.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage } from './support/in-page.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

/** Every value `read` gives while the page changes, each once in a row: steps and headings that show for one frame are caught. */
async function recordWhileChanging(page: Page, key: string, read: string): Promise<() => Promise<string[]>> {
  await page.evaluate(`(() => {
    window[${JSON.stringify(key)}] = [];
    const look = () => {
      const value = (${read})();
      const seen = window[${JSON.stringify(key)}];
      if (value && seen[seen.length - 1] !== value) seen.push(value);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
  })()`);
  return async () => (await page.evaluate(`window[${JSON.stringify(key)}]`)) as string[];
}

describe.skipIf(skipReason !== null)(`the Import page after issue 7${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let browser: Browser;
  let station: RunningStation;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-issue7-'));
    await mkdir(join(work, 'data'));
    // The camera's clock reads 08:30:15 in Shanghai; it writes that wall time where MP4 keeps UTC.
    makeVideo(join(work, 'first/DCIM/7654321_123456_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T08:30:15Z' });
    makeVideo(join(work, 'second/DCIM/7654321_123456_20261127091000_0001.MP4'), { seed: 2, creationTime: '2026-11-27T09:10:00Z' });
    makeVideo(join(work, 'card2/DCIM/2222222_123456_20261126083015_0001.MP4'), { seed: 20 });
    makeVideo(join(work, 'card3/DCIM/3333333_123456_20261126083015_0001.MP4'), { seed: 30 });
    makeVideo(join(work, 'card4/DCIM/4444444_123456_20261126083015_0001.MP4'), { seed: 44 });
    for (const n of [1, 2, 3]) makeVideo(join(work, `third/CLIP000${n}.MP4`), { seed: 10 + n, seconds: 2 });
    // Large enough that reading them back in for the hash takes several progress reports.
    for (const n of [1, 2]) makeFile(join(work, `big/DCIM/BIG000${n}.MP4`), 64 << 20, 40 + n);
    station = await startStation(join(work, 'data'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(station.url);
    await page.getByTestId('source-path').waitFor();
    const added = (await commandInPage(page, 'devices.add', { type: 'body-camera', serial: '7654321' })) as { ok: boolean };
    expect(added.ok).toBe(true);
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  /** The Import page, ready for a source: it shows the last summary (with "new import") or the source field. */
  async function newImport() {
    await page.getByTestId('nav-import').click();
    await page.locator('[data-testid="new-ingest"], [data-testid="source-path"]').first().waitFor();
    if ((await page.getByTestId('new-ingest').count()) > 0) await page.getByTestId('new-ingest').click();
  }

  async function importFolder(folder: string) {
    await newImport();
    await page.getByTestId('source-path').fill(join(work, folder));
    await page.getByTestId('start-ingest').click();
    const summary = page.locator(`[data-testid="ingest-summary"][data-state="completed"]:has-text(${JSON.stringify(join(work, folder))})`);
    await summary.waitFor({ timeout: 60_000 });
    return summary;
  }

  it('confirms once from the time-zone finding that a recorder writes local time; its next import is read in the station zone', async () => {
    const first = await importFolder('first');
    expect(await first.locator('[data-testid="finding"]').getAttribute('data-kind')).toBe('timezone-mismatch');
    await first.getByTestId('confirm-local-time').click();
    await first.getByTestId('local-time-confirmed').waitFor();
    expect(await first.getByTestId('local-time-confirmed').textContent()).toBe('已记住：该设备的元数据时间按本站时区读取，录像列表中它此前导入的录像也按此显示；导入时的时钟报告保持当时的结论。');

    const second = await importFolder('second');
    expect(await second.locator('[data-testid="finding"]').count()).toBe(0);
    expect(await second.getByTestId('confirm-local-time').count()).toBe(0);
    expect(await second.getByTestId('clock-drift-metadata-zone').textContent()).toBe('该设备已确认写入本地时间：元数据时间按本站时区（Asia/Shanghai）读取');

    // The first import, opened from the history, keeps its finding but no longer offers what is done.
    await page.getByTestId('nav-ingests').click();
    const firstRow = page.locator(`[data-testid="ingest-row"]:has-text(${JSON.stringify(join(work, 'first'))})`);
    await firstRow.getByTestId('ingest-toggle').click();
    await page.getByTestId('local-time-confirmed').waitFor();
    expect(await page.getByTestId('confirm-local-time').count()).toBe(0);
  });

  it('names each step after the copy (read-back, metadata, clock) while it runs, without a speed or time left', async () => {
    await newImport();
    const steps = await recordWhileChanging(
      page,
      'stepsSeen',
      `() => document.querySelector('[data-testid="ingest-steps"] li[data-state="current"]')?.getAttribute('data-step')`,
    );
    const speedAfterCopy = await recordWhileChanging(
      page,
      'speedAfterCopy',
      `() => {
        const step = document.querySelector('[data-testid="ingest-steps"] li[data-state="current"]')?.getAttribute('data-step');
        return step && step !== 'scanning' && step !== 'copying' && document.querySelector('[data-testid="progress-speed"]') ? step : null;
      }`,
    );
    await importFolder('third');
    const seen = await steps();
    // Reading the metadata of three clips takes exiftool and ffprobe seconds. Copying three small
    // clips, their read-back and the clock check of plain clips may each pass between two renders,
    // so of those only the order is checked.
    expect(seen).toContain('metadata');
    const order = ['scanning', 'copying', 'verifying', 'metadata', 'clock', 'finishing'];
    expect(seen).toEqual([...seen].sort((a, b) => order.indexOf(a) - order.indexOf(b)));
    expect(await speedAfterCopy()).toEqual([]);
  });

  it('says when a card was imported before, does not say it is copying, and lists what the card holds as already archived', async () => {
    await importFolder('big');
    await newImport();
    const headings = await recordWhileChanging(page, 'headingsSeen', `() => document.querySelector('#progress-heading')?.firstChild?.textContent`);
    const again = await importFolder('big');
    const said = await headings();
    expect(said).toContain('正在核对：这些文件先前已归档，不再复制');
    expect(said).not.toContain('正在复制并校验');
    expect(await again.getByTestId('imported-before').textContent()).toMatch(/^这张卡已于 \d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})? 导入过：已在档案中的文件没有再次复制。$/);

    await again.getByTestId('summary-recordings-link').click();
    await expect.poll(() => page.getByTestId('recording-row').count()).toBe(2);
    expect(await page.getByTestId('already-archived').count()).toBe(2);
    expect(await page.getByTestId('already-archived').first().textContent()).toBe('已在档案中');
  });

  it('offers to register the serial an unregistered folder carries, from the import summary; its recordings then show the device', async () => {
    const summary = await importFolder('card2');
    await summary.getByTestId('summary-register-button').click();
    const form = summary.getByTestId('device-form');
    expect(await form.getByTestId('device-serial').inputValue()).toBe('2222222');
    await form.getByTestId('device-save').click();
    await summary.getByTestId('summary-register-done').waitFor();
    expect(await summary.getByTestId('summary-register-done').textContent()).toBe('已登记设备 2222222：本次及先前导入的该设备录像已关联到它。');
    await summary.getByTestId('summary-recordings-link').click();
    await expect.poll(() => page.getByTestId('recording-row').count()).toBe(1);
    expect(await page.getByTestId('recording-row').getByTestId('recording-device').textContent()).toBe('2222222');
  });

  it('offers the same from the recording detail', async () => {
    const summary = await importFolder('card3');
    await summary.getByTestId('summary-recordings-link').click();
    const row = page.getByTestId('recording-row');
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.getByTestId('recording-device').textContent()).toBe('card3');
    await row.click();
    const detail = page.getByTestId('recording-detail');
    await detail.getByTestId('detail-register-button').click();
    expect(await detail.getByTestId('device-serial').inputValue()).toBe('3333333');
    await detail.getByTestId('device-save').click();
    await detail.getByTestId('detail-register-done').waitFor();
    await page.reload();
    await expect.poll(() => page.getByTestId('recording-row').getByTestId('recording-device').textContent()).toBe('3333333');
  });

  it('says the same in English', async () => {
    await page.getByTestId('language-switch').selectOption('en');
    await page.reload();
    await expect.poll(() => page.getAttribute('html', 'lang')).toBe('en');
    const first = await importFolder('card4');
    expect(await first.getByTestId('summary-register-button').textContent()).toBe('Register device 4444444');
    expect(await first.getByTestId('imported-before').count()).toBe(0);
    const again = await importFolder('card4');
    expect(await again.getByTestId('imported-before').textContent()).toMatch(
      /^This card was imported before, on \d{4}-\d{2}-\d{2} \d{2}:\d{2}(:\d{2})?: files already in the archive were not copied again\.$/,
    );
    await again.getByTestId('summary-recordings-link').click();
    await expect.poll(() => page.getByTestId('already-archived').textContent()).toBe('Already archived');
  });
});
