import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../src-main/contract/index.js';
import { makeVideo, sha256Of } from '../helpers/make-media.js';
import { officeAccounts, runCliJson } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { signIn } from './support/sign-in.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
const password = 'a password 123';
const env = { STATION_NEW_PASSWORD: password, STATION_PASSWORD: password };
const screenshotPath = join(import.meta.dirname, '../../docs/signoff.png');

describe.skipIf(skipReason !== null)(`the sign-off page${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;
  let first: IngestReport;
  let second: IngestReport;
  const cards: string[] = [];

  const signInAs = (login: string) => signIn(page, login, password);
  const row = (ingestId: string) => page.locator(`[data-testid="signoff-row"][data-ingest-id="${ingestId}"]`);

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-signoff-'));
    const data = join(work, 'data');
    officeAccounts(data, env, [
      ['管理员', 'admin', 'root1'],
      ['李内勤', 'clerk', 'clerk1'],
      ['王队长', 'lead', 'lead1'],
    ]);
    // Two cards imported by the clerk: the lead rejects one and approves the other.
    const imported: IngestReport[] = [];
    for (const [index, card] of ['CARD1', 'CARD2'].entries()) {
      const dir = join(work, card, 'DCIM');
      await mkdir(dir, { recursive: true });
      makeVideo(join(dir, 'A.mp4'), { seconds: 1, seed: 10 + index });
      cards.push(dir);
      const run = runCliJson<IngestReport>(data, ['--user', 'clerk1', 'ingest', dir], env);
      expect(run.status, run.stderr).toBe(0);
      imported.push(run.json);
    }
    [first, second] = imported as [IngestReport, IngestReport];
    station = await startStation(data);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(station.url);
    await signInAs('lead1');
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('lists both imports as waiting, and shows each file with its whole SHA-256 and how it was read back', async () => {
    await page.getByTestId('nav-signoff').click();
    expect(await page.getByTestId('nav-signoff').textContent()).toBe('签核');
    await expect.poll(() => page.getByTestId('signoff-row').count()).toBe(2);
    expect(await row(first.ingestId).getAttribute('data-state')).toBe('pending');
    await row(first.ingestId).getByTestId('signoff-open').click();
    const review = page.getByTestId('signoff-review');
    await review.waitFor();
    expect(await review.getByTestId('signoff-operator').textContent()).toBe('李内勤');
    expect(await review.getByTestId('signoff-file-sha256').first().textContent()).toContain(sha256Of(join(cards[0]!, 'A.mp4')));
    expect(await review.getByTestId('signoff-file-verification').first().textContent()).toMatch(/^(绕过缓存回读|经缓存回读)$/);
    expect(await review.getByTestId('signoff-drift').isVisible()).toBe(true);
    expect(await review.getByTestId('signoff-approve').isEnabled()).toBe(true);
  });

  it('rejects with a reason and the signer’s password, saying in Chinese what is missing or wrong first', async () => {
    const review = page.getByTestId('signoff-review');
    await review.getByTestId('signoff-reject').click();
    const dialog = page.getByTestId('signoff-dialog');
    await dialog.getByTestId('signoff-sign').click();
    expect(await dialog.getByTestId('signoff-reason-needed').textContent()).toBe('退回必须填写理由');
    expect(await dialog.getByTestId('signoff-password-needed').textContent()).toBe('请输入密码');
    await dialog.getByTestId('signoff-reason').fill('缺少领用记录，请补登后重新导入');
    await dialog.getByTestId('signoff-password').fill('not my password');
    await dialog.getByTestId('signoff-sign').click();
    await dialog.getByTestId('signoff-error').waitFor();
    expect(await dialog.getByTestId('signoff-error').locator('strong').textContent()).toBe('密码不正确：请重新输入您本人的登录密码');
    expect(await dialog.getByTestId('signoff-password').inputValue()).toBe('');
    await dialog.getByTestId('signoff-password').fill(password);
    await dialog.getByTestId('signoff-sign').click();
    await expect.poll(() => page.getByTestId('signoff-dialog').count()).toBe(0);
    await expect.poll(() => page.getByTestId('signoff-review').getAttribute('data-state')).toBe('rejected');
    expect(await page.getByTestId('signoff-rejection-reason').textContent()).toBe('缺少领用记录，请补登后重新导入');
    expect(await page.getByTestId('signoff-history-item').count()).toBe(1);
  });

  it('approves the other one, which then is sealed and cannot be signed again', async () => {
    await page.getByTestId('signoff-filter-all').click();
    await row(second.ingestId).getByTestId('signoff-open').click();
    await expect.poll(() => page.getByTestId('signoff-review').getAttribute('data-state')).toBe('pending');
    await page.getByTestId('signoff-approve').click();
    const dialog = page.getByTestId('signoff-dialog');
    await dialog.getByTestId('signoff-password').fill(password);
    await dialog.getByTestId('signoff-sign').click();
    await expect.poll(() => page.getByTestId('signoff-review').getAttribute('data-state')).toBe('approved');
    expect(await page.getByTestId('signoff-cannot-sign').getAttribute('data-reason')).toBe('sealed');
    expect(await page.getByTestId('signoff-approve').isDisabled()).toBe(true);
    expect(await page.getByTestId('signoff-reject').isDisabled()).toBe(true);
    await expect.poll(() => row(second.ingestId).getAttribute('data-state')).toBe('approved');
    expect(await row(first.ingestId).getByTestId('signoff-row-reason').textContent()).toBe('缺少领用记录，请补登后重新导入');
  });

  it('shows the clerk the rejection and its reason, with the buttons disabled and why', async () => {
    const clerkPage = await browser.newPage({ viewport: { width: 1366, height: 1100 } });
    page = clerkPage;
    await page.goto(station.url);
    await signInAs('clerk1');
    await page.getByTestId('nav-signoff').click();
    await page.getByTestId('signoff-filter-all').click();
    await row(first.ingestId).getByTestId('signoff-open').click();
    await expect.poll(() => page.getByTestId('signoff-review').getAttribute('data-state')).toBe('rejected');
    expect(await page.getByTestId('signoff-rejection-reason').textContent()).toBe('缺少领用记录，请补登后重新导入');
    expect(await page.getByTestId('signoff-rejection').locator('strong').textContent()).toMatch(/^王队长 于 .+ 退回，理由：$/);
    expect(await page.getByTestId('signoff-cannot-sign').textContent()).toBe('只有执法队负责人或主要领导可以签核。');
    expect(await page.getByTestId('signoff-reject').isDisabled()).toBe(true);
    if (process.env.SCREENSHOT === '1') await page.screenshot({ path: screenshotPath });
  });
});
