import { randomInt } from 'node:crypto';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dropCaches, type ExfatVolume } from '../helpers/exfat-volume.js';
import { makeFile, makeVideo } from '../helpers/make-media.js';
import { requireRootFeatures } from '../helpers/root-features.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { startStation, type RunningStation } from './support/station-process.js';
import { unpluggedCard } from './support/unplugged-card.js';

const browserSkip = browserSkipReason();
// Under CI=true a missing feature throws here: there the plug-in tests must run, not skip.
const rootMissing = browserSkip === null ? requireRootFeatures({ throttle: true }) : null;
const screenshotPath = join(import.meta.dirname, '../../docs/devices.png');

/** A recorder serial no other test's card carries: the station sees every volume on this machine. */
const randomSerial = (letter: string): string => `${letter}${randomInt(100_000, 1_000_000)}`;
/** A GA/T 947 name stamp (YYYYMMDDhhmmss) in the station's zone, Asia/Shanghai (UTC+8 all year). */
const shanghaiStamp = (ms: number): string => new Date(ms + 8 * 3_600_000).toISOString().replace(/\D/g, '').slice(0, 14);

async function chooseLanguage(page: Page, language: 'zh-CN' | 'en'): Promise<void> {
  await page.getByTestId('language-switch').selectOption(language);
  await expect.poll(() => page.getAttribute('html', 'lang')).toBe(language);
}

/** Every state a card shows, even for one frame; the card may be replaced as it comes and goes. */
async function recordCardStates(page: Page, mountpoint: string): Promise<() => Promise<string[]>> {
  const key = `states:${mountpoint}`;
  await page.evaluate(`(() => {
    const key = ${JSON.stringify(key)};
    const selector = '[data-testid="volume-card"][data-mountpoint=' + JSON.stringify(${JSON.stringify(mountpoint)}) + ']';
    window[key] = [];
    const look = () => {
      const card = document.querySelector(selector);
      const state = card ? card.getAttribute('data-state') : null;
      const seen = window[key];
      if (state && seen[seen.length - 1] !== state) seen.push(state);
    };
    new MutationObserver(look).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    look();
  })()`);
  return async () => (await page.evaluate(`window[${JSON.stringify(key)}]`)) as string[];
}

async function fillDeviceForm(form: Locator, fields: { serial?: string; type?: string; name?: string; model?: string; asset?: string; date?: string; status?: string }) {
  if (fields.type) await form.getByTestId('device-type').selectOption(fields.type);
  if (fields.serial !== undefined) await form.getByTestId('device-serial').fill(fields.serial);
  if (fields.name !== undefined) await form.getByTestId('device-name').fill(fields.name);
  if (fields.model !== undefined) await form.getByTestId('device-model').fill(fields.model);
  if (fields.asset !== undefined) await form.getByTestId('device-asset').fill(fields.asset);
  if (fields.date !== undefined) await form.getByTestId('device-purchase-date').fill(fields.date);
  if (fields.status) await form.getByTestId('device-status').selectOption(fields.status);
}

describe.skipIf(browserSkip !== null)(`the Devices page${browserSkip ? ` (skipped: ${browserSkip})` : ''}`, () => {
  let work: string;
  let browser: Browser;
  let station: RunningStation;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-devices-'));
    await mkdir(join(work, 'data'));
    // Auto-ingest is left to the setting: the settings test below turns it on with the switch, as an officer would.
    station = await startStation(join(work, 'data'), ['--any-volume']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(`${station.url}#/devices`);
    await page.getByTestId('devices-page').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const card = (mountpoint: string) => page.locator(`[data-testid="volume-card"][data-mountpoint="${mountpoint}"]`);
  const row = (serial: string) => page.locator(`[data-testid="device-row"][data-serial="${serial}"]`);
  const registry = () => page.getByTestId('device-registry');

  describe('the registry', () => {
    const serial = randomSerial('R');

    it('registers a device through the form, saying in Chinese what is missing or wrong', async () => {
      expect(await page.getByTestId('nav-devices').textContent()).toBe('设备');
      expect(await page.getByTestId('devices-empty').textContent()).toBe('尚未登记任何设备。');
      await page.getByTestId('device-add').click();
      const form = registry().getByTestId('device-form');
      await form.getByTestId('device-save').click();
      expect(await form.getByTestId('device-serial-error').textContent()).toBe('请填写序列号。');
      expect(await form.getByTestId('device-serial').getAttribute('aria-invalid')).toBe('true');

      await fillDeviceForm(form, { serial, name: '巡逻一组记录仪', model: 'DSJ-A8', asset: 'ZC-2026-001', date: '2026-02-30' });
      expect(await form.getByTestId('device-serial-error').count()).toBe(0);
      await form.getByTestId('device-save').click();
      expect(await form.getByTestId('device-purchaseDate-error').textContent()).toBe('请填写一个真实的日期，例如 2026-03-01 或 2026/3/1，也可以从日历中选择。');
      await fillDeviceForm(form, { date: '2026-03-01' });
      await form.getByTestId('device-save').click();

      await row(serial).waitFor();
      expect(await form.count()).toBe(0);
      expect(await row(serial).locator('td').allTextContents()).toEqual(['执法记录仪', serial, '巡逻一组记录仪', 'DSJ-A8', 'ZC-2026-001', '2026-03-01', '在用', '编辑']);
    });

    it('shows the station refusing a second device with the same serial', async () => {
      await page.getByTestId('device-add').click();
      const form = registry().getByTestId('device-form');
      await fillDeviceForm(form, { serial, type: 'camera' });
      await form.getByTestId('device-save').click();
      const error = form.getByTestId('device-form-error');
      await error.waitFor();
      expect(await error.getAttribute('data-code')).toBe('invalid-input');
      expect(await error.locator('strong').textContent()).toBe('该序列号的设备已经登记：请在设备登记表中找到并编辑它，不要重复登记');
      // The station's own (English) words are kept, folded under the sentence.
      expect(await error.locator('details code').textContent()).toContain(`a device with serial ${serial} is already registered`);
      await form.getByTestId('device-cancel').click();
      expect(await page.getByTestId('device-row').count()).toBe(1);
    });

    it('edits a device: type, status and a cleared name, never the serial', async () => {
      await row(serial).getByTestId('device-edit').click();
      const form = registry().getByTestId('device-form');
      expect(await form.locator('h3').textContent()).toBe(`编辑设备 ${serial}`);
      expect(await form.getByTestId('device-serial').inputValue()).toBe(serial);
      expect(await form.getByTestId('device-serial').getAttribute('readonly')).not.toBeNull();
      await fillDeviceForm(form, { type: 'handheld-terminal', status: 'under-repair', name: '' });
      await form.getByTestId('device-save').click();
      await expect.poll(() => row(serial).getAttribute('data-status')).toBe('under-repair');
      expect(await row(serial).locator('td').allTextContents()).toEqual(['手持执法终端', serial, '—', 'DSJ-A8', 'ZC-2026-001', '2026-03-01', '维修中', '编辑']);
    });

    it('speaks English when chosen, validation included', async () => {
      await chooseLanguage(page, 'en');
      expect(await registry().locator('th').allTextContents()).toEqual([
        'Type', 'Serial number', 'Name', 'Model', 'Asset number', 'Purchase date', 'Status', 'Actions',
      ]);
      expect(await row(serial).locator('td').nth(0).textContent()).toBe('Handheld terminal');
      expect(await row(serial).locator('td').nth(6).textContent()).toBe('Under repair');
      await page.getByTestId('device-add').click();
      const form = registry().getByTestId('device-form');
      await form.getByTestId('device-save').click();
      expect(await form.getByTestId('device-serial-error').textContent()).toBe('Enter the serial number.');
      await form.getByTestId('device-cancel').click();
      await chooseLanguage(page, 'zh-CN');
    });
  });

  describe('the settings', () => {
    it('checks the seconds typed, saves them and the auto-ingest switch, and keeps them over a reload', async () => {
      const settings = page.getByTestId('station-settings');
      const tolerance = settings.getByTestId('setting-driftToleranceSeconds');
      await expect.poll(() => tolerance.inputValue()).toBe('30');
      expect(await settings.getByTestId('setting-recordingGapSeconds').inputValue()).toBe('60');

      await tolerance.fill('半分钟');
      await settings.getByTestId('settings-save').click();
      expect(await settings.getByTestId('setting-driftToleranceSeconds-error').textContent()).toBe('请填写整数秒数。');
      await tolerance.fill('90000');
      await settings.getByTestId('settings-save').click();
      expect(await settings.getByTestId('setting-driftToleranceSeconds-error').textContent()).toBe('应在 0 到 86400 秒之间。');
      await tolerance.fill('45');
      await settings.getByTestId('setting-recordingGapSeconds').fill('120');
      await settings.getByTestId('settings-save').click();
      await settings.getByTestId('settings-saved').waitFor();
      expect(await settings.getByTestId('settings-saved').textContent()).toBe('已保存。');

      const autoIngest = settings.getByTestId('auto-ingest');
      expect(await autoIngest.isChecked()).toBe(false);
      await autoIngest.click();
      await expect.poll(() => autoIngest.isChecked()).toBe(true);

      await page.reload();
      await expect.poll(() => page.getByTestId('setting-driftToleranceSeconds').inputValue()).toBe('45');
      expect(await page.getByTestId('setting-recordingGapSeconds').inputValue()).toBe('120');
      expect(await page.getByTestId('auto-ingest').isChecked()).toBe(true);
    });
  });

  describe.skipIf(rootMissing !== null)(`plugged-in cards${rootMissing ? ` (skipped: ${rootMissing})` : ''}`, () => {
    const volumes: ExfatVolume[] = [];
    afterAll(async () => {
      for (const volume of volumes) await volume.destroy();
    });

    /** A card with these files, unplugged until the station and its page have let it go (see unpluggedCard). */
    async function preparedCard(
      label: string,
      files: Record<string, (path: string) => void>,
      options: { readBytesPerSecond?: number } = {},
    ): Promise<ExfatVolume> {
      const staging = join(work, `staging-${label}`);
      for (const [relative, make] of Object.entries(files)) {
        await mkdir(dirname(join(staging, relative)), { recursive: true });
        make(join(staging, relative));
      }
      const volume = await unpluggedCard(page, staging, { label, ...options, created: (made) => volumes.push(made) });
      await expect.poll(() => card(volume.mountpoint).count()).toBe(0);
      return volume;
    }

    const video = (creationMs: number, seed: number) => (path: string) =>
      makeVideo(path, { seconds: 1, seed, creationTime: new Date(creationMs).toISOString() });

    const recorderSerial = randomSerial('P');

    it('a registered recorder appears, ingests on its own with progress, turns safe to remove, and goes when unplugged', async () => {
      const now = Date.now();
      // A fixed day for the older file: findings that depend on the day (sequence numbers are
      // counted per day) must not change when the test runs around midnight in Shanghai.
      const early = Date.parse('2026-11-26T00:30:15Z');
      // Its clock runs ahead: this file ends, by the recorder's clock, minutes after it is plugged in.
      const ahead = now + 5 * 60_000;
      // Read at 2 MB/s, the card takes about three seconds to copy: long enough to watch the progress.
      const volume = await preparedCard('DSJ-E2E', {
        [`DCIM/100MEDIA/${recorderSerial}_123456_${shanghaiStamp(early)}_0001.MP4`]: video(early, 1),
        [`DCIM/100MEDIA/${recorderSerial}_123456_${shanghaiStamp(ahead)}_0003.MP4`]: video(ahead, 2),
        'GPS/TRACK.DAT': (path) => makeFile(path, 6_000_000, 7),
      }, { readBytesPerSecond: 2_000_000 });

      await page.getByTestId('device-add').click();
      const form = registry().getByTestId('device-form');
      await fillDeviceForm(form, { serial: recorderSerial, name: '一号记录仪' });
      await form.getByTestId('device-save').click();
      await row(recorderSerial).waitFor();

      const states = await recordCardStates(page, volume.mountpoint);
      // What was written is still in the page cache: dropped, the copy reads the (throttled) card.
      await dropCaches();
      await volume.remount();

      const plugged = card(volume.mountpoint);
      await plugged.waitFor({ timeout: 10_000 });
      await plugged.getByTestId('card-progress').waitFor({ timeout: 30_000 });
      expect(await plugged.getByTestId('card-state').textContent()).toBe('导入中');
      expect(await plugged.getByTestId('card-progress-files').textContent()).toMatch(/^\d \/ 3$/);
      expect(await plugged.getByTestId('card-progress-bytes').textContent()).toMatch(/^[\d.]+ (B|kB|MB) \/ 6\.\d+ MB$/);
      expect(await plugged.getByTestId('card-progress-speed').textContent()).toMatch(/^\d+\.\d MB\/s$/);
      expect(await plugged.getByTestId('card-progress-time-left').textContent()).not.toBe('');

      await expect.poll(() => plugged.getAttribute('data-state'), { timeout: 90_000 }).toBe('verified');
      const seen = await states();
      expect(seen).toContain('ingesting');
      expect(seen).not.toContain('unknown-device');
      expect(seen.at(-1)).toBe('verified');
      expect(await plugged.getByTestId('safe-to-remove').textContent()).toBe('✓ 已校验，可以安全拔出');
      expect(await plugged.getByTestId('card-device').textContent()).toBe(`执法记录仪 ${recorderSerial} · 一号记录仪`);
      expect(await plugged.getByTestId('card-how').textContent()).toBe('文件名中的记录仪序列号');

      const drift = plugged.getByTestId('card-drift');
      await drift.waitFor();
      expect(await drift.getAttribute('data-basis')).toBe('station-clock');
      expect(await drift.getAttribute('data-exceeds')).toBe('true');
      expect(await drift.locator('span').first().textContent()).toMatch(/^记录仪时钟至少快 \d 分 \d+ 秒（依据：工作站时钟）$/);
      // A recording ending after the plug-in; 0001 and 0003 are of different days (no missing
      // number), and the pause between two separate clips is no finding.
      expect(await plugged.getByTestId('card-findings').textContent()).toBe('1 项待复核');
      if (process.env.SCREENSHOT === '1') {
        await page.evaluate(`document.querySelector('.app-main').scrollTo(0, 0)`);
        await page.screenshot({ path: screenshotPath });
      }

      await volume.destroy();
      await expect.poll(() => plugged.count(), { timeout: 10_000 }).toBe(0);
    });

    it('in English: an unknown recorder is registered from its card with the serial it carries, then ingested', async () => {
      await chooseLanguage(page, 'en');
      const unknownSerial = randomSerial('Q');
      const at = Date.now() - 30 * 60_000;
      const volume = await preparedCard('CAM-E2E', {
        [`DCIM/100MEDIA/${unknownSerial}_654321_${shanghaiStamp(at)}_0001.MP4`]: video(at, 3),
      });
      await volume.remount();

      const plugged = card(volume.mountpoint);
      await expect.poll(() => plugged.getAttribute('data-state'), { timeout: 10_000 }).toBe('unknown-device');
      expect(await plugged.getByTestId('card-state').textContent()).toBe('Unknown device');
      expect(await plugged.getByTestId('card-serial').textContent()).toBe(unknownSerial);
      expect(await plugged.getByTestId('card-device').textContent()).toBe('not recognised');

      await plugged.getByTestId('register-device').click();
      const form = plugged.getByTestId('device-form');
      expect(await form.getByTestId('device-serial').inputValue()).toBe(unknownSerial);
      await fillDeviceForm(form, { type: 'video-camera' });
      await form.getByTestId('device-save').click();

      await expect.poll(() => plugged.getAttribute('data-state'), { timeout: 90_000 }).toBe('verified');
      expect(await plugged.getByTestId('safe-to-remove').textContent()).toBe('✓ Verified — safe to remove');
      expect(await plugged.getByTestId('card-device').textContent()).toBe(`Video camera ${unknownSerial}`);
      expect(await row(unknownSerial).locator('td').nth(0).textContent()).toBe('Video camera');

      await volume.destroy();
      await expect.poll(() => plugged.count(), { timeout: 10_000 }).toBe(0);
      await chooseLanguage(page, 'zh-CN');
    });

    it('a card with nothing to tell its device is matched to a registered one, ingested, and known when plugged in again', async () => {
      const at = Date.now() - 60 * 60_000;
      const volume = await preparedCard('SD-E2E', { 'DCIM/100MEDIA/VID_0001.MP4': video(at, 4) });
      await volume.remount();

      const plugged = card(volume.mountpoint);
      await expect.poll(() => plugged.getAttribute('data-state'), { timeout: 10_000 }).toBe('unknown-device');
      expect(await plugged.getByTestId('card-state').textContent()).toBe('未登记设备');
      expect(await plugged.getByTestId('card-serial').textContent()).toBe('未读到（文件名和标识文件中都没有）');
      await plugged.getByTestId('match-device').selectOption({ label: `执法记录仪 ${recorderSerial} · 一号记录仪` });
      await plugged.getByTestId('match-confirm').click();

      await expect.poll(() => plugged.getAttribute('data-state'), { timeout: 90_000 }).toBe('verified');
      expect(await plugged.getByTestId('card-device').textContent()).toBe(`执法记录仪 ${recorderSerial} · 一号记录仪`);
      expect(await plugged.getByTestId('card-how').textContent()).toBe('此前确认过的卷 UUID');

      // Unplugged and plugged in again: the answer was remembered, and nothing is copied twice.
      const states = await recordCardStates(page, volume.mountpoint);
      await volume.pullCable();
      await expect.poll(() => plugged.count(), { timeout: 10_000 }).toBe(0);
      await volume.remount();
      await expect.poll(() => plugged.getAttribute('data-state'), { timeout: 90_000 }).toBe('verified');
      expect(await states()).not.toContain('unknown-device');
      expect(await plugged.getByTestId('card-outcome').textContent()).toContain('归档 0 · 已在库 1');

      await volume.destroy();
      await expect.poll(() => plugged.count(), { timeout: 10_000 }).toBe(0);
    });
  });
});
