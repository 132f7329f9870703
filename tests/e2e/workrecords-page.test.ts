import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeVideo } from '../helpers/make-media.js';
import { as, officeAccounts, runCli, runCliJson } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/sign-in.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
const password = 'a password 123';
const env = { STATION_NEW_PASSWORD: password, STATION_PASSWORD: password };
const screenshotPath = join(import.meta.dirname, '../../docs/workrecords.png');

describe.skipIf(skipReason !== null)(`the work records page${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;

  const signIn = async (login: string) => {
    page = await signedInPage(browser, station.url, login, password, { width: 1366, height: 1000 });
    await page.getByTestId('nav-workrecords').click();
    await page.getByTestId('workrecords-page').waitFor();
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-workrecords-'));
    const data = join(work, 'data');
    officeAccounts(data, env, [
      ['赵管理', 'admin', 'admin1'],
      ['王内勤', 'clerk', 'clerk1'],
      ['刘局长', 'head', 'head1'],
    ]);
    expect(runCli(data, as('admin1', ['person', 'add', '--name', '李执法', '--officer-number', '012345', '--roles', 'officer']), env).status).toBe(0);
    expect(runCli(data, as('admin1', ['device', 'add', '--serial', '7654321', '--type', 'body-camera']), env).status).toBe(0);
    // Out 08:00–12:00 (UTC+8), on scene 08:20–09:30 (a pause counts only there); the card has two clips with a half-hour pause between them.
    const out = runCliJson<{ checkoutId: number }>(
      data,
      as('clerk1', ['checkout', '--device', '7654321', '--officer', '012345', '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', '2026-11-26T08:00:00+08:00']),
      env,
    );
    expect(out.status, out.stderr).toBe(0);
    expect(runCli(data, as('clerk1', ['checkin', '--device', '7654321', '--at', '2026-11-26T12:00:00+08:00', '--arrived', '2026-11-26T08:20:00+08:00', '--left', '2026-11-26T09:30:00+08:00']), env).status).toBe(0);
    const dcim = join(work, 'card/DCIM');
    makeVideo(join(dcim, '7654321_012345_20261126083015_0001.MP4'), { seed: 1, seconds: 2, creationTime: '2026-11-26T00:30:15Z' });
    makeVideo(join(dcim, '7654321_012345_20261126090000_0002.MP4'), { seed: 2, seconds: 2, creationTime: '2026-11-26T01:00:00Z' });
    expect(runCli(data, as('clerk1', ['ingest', join(work, 'card')]), env).status).toBe(0);
    station = await startStation(data);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('shows the clerk the pause that needs a record, and fills one in from it', async () => {
    await signIn('clerk1');
    expect(await page.getByTestId('nav-workrecords').textContent()).toBe('停录记录');
    await expect.poll(() => page.getByTestId('workrecords-gap').count()).toBeGreaterThan(0);
    const gaps = await page.getByTestId('workrecords-gap').count();
    // The pause between the two clips (the scene's start to the first clip is one too).
    const gap = page.getByTestId('workrecords-gap').filter({ hasText: '2026-11-26 09:00:00' });
    expect(await gap.textContent()).toContain('李执法');
    expect(await gap.getByTestId('workrecords-gap-device').textContent()).toBe('7654321');
    await gap.getByTestId('workrecords-fill').click();
    const form = page.getByTestId('workrecord-form');
    expect(await form.getByTestId('workrecord-device').inputValue()).toBe('7654321');
    expect(await form.getByTestId('workrecord-from').inputValue()).toMatch(/^2026-11-26T08:3\d$/);
    expect(await form.getByTestId('workrecord-to').inputValue()).toBe('2026-11-26T09:00');
    await form.getByTestId('workrecord-save').click();
    expect(await form.getByTestId('workrecord-explanation-error').textContent()).toBe('请填写情况说明');
    await form.getByTestId('workrecord-reason').selectOption('fault');
    await form.getByTestId('workrecord-explanation').fill('记录仪电量耗尽，更换电池后继续录制');
    await form.getByTestId('workrecord-save').click();
    await expect.poll(() => page.getByTestId('workrecord-form').count()).toBe(0);
    await expect.poll(() => page.getByTestId('workrecord-row').count()).toBe(1);
    expect(await page.getByTestId('workrecord-row').getAttribute('data-state')).toBe('submitted');
    expect(await page.getByTestId('workrecord-state').textContent()).toBe('待审批');
    await expect.poll(() => page.getByTestId('workrecords-gap').count()).toBe(gaps - 1);
    // The clerk does not decide.
    expect(await page.getByTestId('workrecord-approve').count()).toBe(0);
  });

  it('lets the head approve it, signing with the password asked in the dialog', async () => {
    await signIn('head1');
    const row = page.getByTestId('workrecord-row');
    await row.getByTestId('workrecord-approve').click();
    const dialog = page.getByTestId('workrecord-dialog');
    await dialog.getByTestId('workrecord-sign').click();
    expect(await dialog.getByTestId('workrecord-password-needed').textContent()).toBe('请输入密码');
    await dialog.getByTestId('workrecord-password').fill('not my password');
    await dialog.getByTestId('workrecord-sign').click();
    await dialog.getByTestId('workrecord-sign-error').waitFor();
    expect(await dialog.getByTestId('workrecord-password').inputValue()).toBe('');
    await dialog.getByTestId('workrecord-password').fill(password);
    await dialog.getByTestId('workrecord-sign').click();
    await expect.poll(() => page.getByTestId('workrecord-dialog').count()).toBe(0);
    await expect.poll(() => row.getAttribute('data-state')).toBe('approved');
    expect(await row.getByTestId('workrecord-state').textContent()).toBe('已批准');
  });

  it('lets the clerk file the approved record and write its form', async () => {
    await signIn('clerk1');
    const row = page.getByTestId('workrecord-row');
    await row.getByTestId('workrecord-file').click();
    await expect.poll(() => row.getAttribute('data-state')).toBe('filed');
    expect(await row.getByTestId('workrecord-state').textContent()).toBe('已备案');
    await row.getByTestId('workrecord-print').click();
    await page.getByTestId('workrecords-printed').waitFor();
    expect(await page.getByTestId('workrecords-printed').textContent()).toMatch(/\.pdf$/);
    if (process.env.SCREENSHOT === '1') await page.screenshot({ path: screenshotPath, fullPage: true });
  });
});
