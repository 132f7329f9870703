import { readFileSync, writeFileSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src-main/contract/index.js';
import { makeFile, makeVideo } from '../helpers/make-media.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

/** What the screens say, spelled out here: a lost translation or English on the Chinese screen fails. */
const screens = {
  'zh-CN': {
    notThere: '找不到该文件夹：请检查路径是否正确，或重新接入设备',
    relativePath: '这不是完整路径：请输入从根目录开始的完整路径，例如 /media/card 或 ~/card',
    detail: '技术详情',
  },
  en: {
    notThere: 'The folder cannot be found: check the path, or attach the device again',
    relativePath: 'Not a full path: enter the whole path from the root, e.g. /media/card or ~/card',
    detail: 'Technical detail',
  },
} as const;
type Language = keyof typeof screens;

async function openStationPage(browser: Browser, station: RunningStation, language: Language): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
  await page.goto(station.url);
  await page.getByTestId('station-name').waitFor();
  if (language === 'en') {
    await page.getByTestId('language-switch').selectOption('en');
    await page.reload();
    await page.getByTestId('station-name').waitFor();
  }
  return page;
}

/** The sentence shown, without the technical detail folded under it. */
const sentence = (error: Locator) => error.locator('strong').textContent();

describe.skipIf(skipReason !== null)(`words and paths in the browser${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  const work = tempDir('e2e-words');
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(() => browser?.close());

  describe.each(['zh-CN', 'en'] as const)('in %s', (language) => {
    const texts = screens[language];
    let station: RunningStation;
    let page: Page;
    beforeAll(async () => {
      const data = join(work, `data-${language}`);
      await mkdir(data);
      station = await startStation(data);
      page = await openStationPage(browser, station, language);
    });
    afterAll(async () => {
      await page?.close();
      await station?.stop();
    });

    it('says a missing folder is missing and what to do, the OS message one click away', async () => {
      await page.getByTestId('source-path').fill(join(work, 'no-such-card'));
      await page.getByTestId('start-ingest').click();
      const error = page.getByTestId('import-error');
      await expect.poll(() => error.getAttribute('data-cause')).toBe('not-there');
      expect(await sentence(error)).toBe(texts.notThere);
      const detail = error.locator('details');
      expect(await detail.locator('summary').textContent()).toBe(texts.detail);
      expect(await detail.locator('code').isVisible()).toBe(false);
      await detail.locator('summary').click();
      expect(await detail.locator('code').textContent()).toContain('ENOENT');
    });

    it('refuses a relative path with a hint; another path typed clears it; a quoted path is the path itself', async () => {
      const error = page.getByTestId('import-error');
      await page.getByTestId('source-path').fill('card4');
      // Typing another path took the old error away.
      expect(await error.count()).toBe(0);
      await page.getByTestId('start-ingest').click();
      await expect.poll(() => error.getAttribute('data-cause')).toBe('relative-path');
      expect(await sentence(error)).toBe(texts.relativePath);

      await page.getByTestId('source-path').fill(`"${join(work, 'no-such-card')}"`);
      expect(await error.count()).toBe(0);
      await page.getByTestId('start-ingest').click();
      await expect.poll(() => error.getAttribute('data-cause')).toBe('not-there');
      expect(await error.locator('code').textContent()).toContain(`${join(work, 'no-such-card')}:`);
      expect(await error.locator('code').textContent()).not.toContain('"');
    });
  });

  describe('in zh-CN, after an import', () => {
    let station: RunningStation;
    let page: Page;
    let offSha: string;
    let damagedSha: string;
    beforeAll(async () => {
      const data = join(work, 'data-after');
      const card = join(work, 'card');
      // Local time written as UTC, as many body cameras do: the name says 08:30, the metadata 16:30.
      makeVideo(join(card, 'DCIM/1234567_012345_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T08:30:15Z' });
      makeVideo(join(card, 'DCIM/whole.MP4'), { seconds: 3, seed: 2 });
      const whole = readFileSync(join(card, 'DCIM/whole.MP4'));
      writeFileSync(join(card, 'DCIM/flat-battery.MP4'), whole.subarray(0, Math.floor(whole.length / 2)));
      const report = runCliJson<IngestReport>(data, ['ingest', card]).json;
      const shaOf = (name: string) => report.files.find((file) => file.source.endsWith(name))?.sha256 ?? '';
      offSha = shaOf('_0001.MP4');
      damagedSha = shaOf('flat-battery.MP4');
      station = await startStation(data);
      page = await openStationPage(browser, station, 'zh-CN');
    });
    afterAll(async () => {
      await page?.close();
      await station?.stop();
    });

    async function openDetail(sha256: string): Promise<Locator> {
      await page.getByTestId('nav-recordings').click();
      await page.locator(`[data-testid="recording-row"][data-sha256="${sha256}"]`).click();
      const detail = page.getByTestId('recording-detail');
      await detail.getByTestId('detail-sha256').waitFor();
      await expect.poll(() => detail.getByTestId('detail-sha256').textContent()).toBe(sha256);
      return detail;
    }

    it('warns beside the time that the name time was 8 h off, and names the time source in words', async () => {
      const detail = await openDetail(offSha);
      expect(await detail.getByTestId('detail-recorded-at').textContent()).toBe('2026-11-26 16:30:15');
      expect(await detail.getByTestId('detail-name-time-off').textContent()).toContain('相差 8 小时');
      const source = detail.getByTestId('detail-time-source');
      expect(await source.evaluate((element) => element.firstChild?.textContent)).toBe('文件元数据中的拍摄时间');
      expect(await source.locator('code').textContent()).toBe('QuickTime:CreateDate');
      expect(await source.locator('code').isVisible()).toBe(false);
    });

    it('says what is wrong with a damaged recording in Chinese, ffprobe’s words one click away', async () => {
      const detail = await openDetail(damagedSha);
      const problem = detail.getByTestId('detail-problem');
      expect(await problem.getAttribute('data-problem-code')).toBe('unfinished');
      const shown = await problem.evaluate((element) => element.querySelector('details')?.previousSibling?.textContent ?? '');
      expect(shown).toMatch(/^录制未正常结束：/);
      // Damaged, not "unplayable": a recording cut short may still play most of its length.
      expect(await problem.locator('.badge').textContent()).toBe('已损坏');
      expect(await problem.locator('code').isVisible()).toBe(false);
      expect(await problem.locator('code').textContent()).toContain('moov');
    });

    it('registers a device with a date typed as 2025/3/15, says it saved, and shows the serial of an edit as read-only', async () => {
      await page.getByTestId('nav-devices').click();
      await page.getByTestId('device-add').click();
      await page.getByTestId('device-serial').fill('7654321');
      await page.getByTestId('device-purchase-date').fill('2025/3/15');
      // The calendar beside the field follows what was typed.
      expect(await page.getByTestId('device-purchase-date-picker').inputValue()).toBe('2025-03-15');
      await page.getByTestId('device-save').click();
      await expect.poll(() => page.getByTestId('device-saved').textContent()).toBe('已保存设备 7654321。');
      const row = page.locator('[data-testid="device-row"][data-serial="7654321"]');
      expect(await row.locator('td').nth(5).textContent()).toBe('2025-03-15');

      await row.getByTestId('device-edit').click();
      expect(await page.getByTestId('device-saved').count()).toBe(0);
      const serial = page.getByTestId('device-serial');
      // The tests have no DOM types: the page's own window computes the style.
      const look = (field: Locator) =>
        field.evaluate((element) => {
          const style = (element.ownerDocument.defaultView as unknown as { getComputedStyle(e: unknown): { backgroundColor: string; borderStyle: string } }).getComputedStyle(element);
          return `${style.backgroundColor} ${style.borderStyle}`;
        });
      expect(await serial.getAttribute('readonly')).not.toBeNull();
      expect(await look(serial)).not.toBe(await look(page.getByTestId('device-name')));
      // A date picked from the calendar lands in the field as the contract writes it.
      await page.getByTestId('device-purchase-date-picker').fill('2024-02-29');
      expect(await page.getByTestId('device-purchase-date').inputValue()).toBe('2024-02-29');
      await page.getByTestId('device-save').click();
      await expect.poll(() => row.locator('td').nth(5).textContent()).toBe('2024-02-29');
    });

    it('closes the cancel question when the import ends under it, leaving the summary', async () => {
      // Big enough that the question is open before the copy and its read-back end.
      makeFile(join(work, 'big-card/DCIM/0001.MP4'), 200 * 1024 * 1024, 7);
      await page.getByTestId('nav-import').click();
      await page.getByTestId('source-path').fill(join(work, 'big-card'));
      await page.getByTestId('start-ingest').click();
      await page.getByTestId('cancel-ingest').click();
      const dialog = page.getByTestId('confirm-dialog');
      expect(await dialog.isVisible()).toBe(true);
      await page.locator('[data-testid="ingest-summary"]').waitFor({ timeout: 120_000 });
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.getByTestId('new-ingest').isVisible()).toBe(true);
    });
  });
});
