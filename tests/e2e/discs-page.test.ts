import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiscEntry, IngestReport } from '../../src-main/contract/index.js';
import { headSha256, makeVideo } from '../helpers/make-media.js';
import { as, officeAccounts, runCli, runCliJson } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/sign-in.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
const password = 'a password 123';
const env = { STATION_NEW_PASSWORD: password, STATION_PASSWORD: password };
const unitName = '某市公安局交通警察支队';
const screenshotPath = join(import.meta.dirname, '../../docs/discs.png');

describe.skipIf(skipReason !== null)(`the disc-burn queue page${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let data: string;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;
  let ingest: IngestReport;

  const signIn = async (login: string) => {
    await page?.close();
    page = await signedInPage(browser, station.url, login, password, { width: 1366, height: 1000 });
    await page.getByTestId('nav-discs').click();
    await page.getByTestId('discs-page').waitFor();
  };
  const request = () => page.getByTestId('disc-request');
  const copyRow = (copy: 'A' | 'B') => page.locator(`[data-testid="disc-copy"][data-copy="${copy}"]`);

  const burn = async (copy: 'A' | 'B', file: string) => {
    await copyRow(copy).getByTestId('disc-copy-burn').click();
    const panel = page.locator(`[data-testid="disc-burn-panel"][data-copy="${copy}"]`);
    await panel.waitFor();
    // With an optical drive attached the file is one choice among them; without, the only one.
    if ((await panel.getByTestId('disc-drive-kind-file').count()) > 0) await panel.getByTestId('disc-drive-kind-file').check();
    await panel.getByTestId('disc-drive-path').fill(file);
    await panel.getByTestId('disc-burn-start').click();
    const result = panel.getByTestId('disc-burn-result');
    await result.waitFor({ timeout: 120_000 });
    expect(await result.getAttribute('data-verified')).toBe('true');
    for (const check of ['image', 'md5', 'manifest']) expect(await result.getByTestId(`disc-burn-checks-${check}`).getAttribute('data-outcome')).toBe('passed');
    expect(await result.textContent()).toContain(`副本 ${copy} 已刻录，三项校验全部通过。`);
    await panel.getByTestId('disc-burn-done').click();
    await expect.poll(() => copyRow(copy).getAttribute('data-state')).toBe('verified');
    expect(await copyRow(copy).getByTestId('disc-copy-state').textContent()).toBe('已校验');
  };

  const store = async (copy: 'A' | 'B', location: string) => {
    await copyRow(copy).getByTestId('disc-copy-store').click();
    await copyRow(copy).getByTestId('disc-store-location').fill(location);
    await copyRow(copy).getByTestId('disc-store-save').click();
    await expect.poll(() => copyRow(copy).getAttribute('data-state')).toBe('stored');
    expect(await copyRow(copy).getByTestId('disc-copy-location').textContent()).toBe(location);
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-discs-'));
    data = join(work, 'data');
    officeAccounts(data, env, [
      ['赵管理', 'admin', 'admin1'],
      ['王内勤', 'clerk', 'clerk1'],
      ['刘队长', 'lead', 'lead1'],
    ]);
    // A disputed case's footage, imported by the clerk and signed off by the lead.
    const dcim = join(work, 'card/DCIM');
    makeVideo(join(dcim, 'A001.MP4'), { seed: 3, seconds: 2 });
    makeVideo(join(dcim, '现场录像.MP4'), { seed: 4, seconds: 1 });
    const imported = runCliJson<IngestReport>(data, as('clerk1', ['ingest', dcim]), env);
    expect(imported.status, imported.stderr).toBe(0);
    ingest = imported.json;
    expect(runCli(data, as('lead1', ['signoff', ingest.ingestId, '--approve']), env).status).toBe(0);
    station = await startStation(data);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('lets the admin set the producing unit and the re-check interval in the settings', async () => {
    await signIn('admin1');
    await page.getByTestId('nav-devices').click();
    const settings = page.getByTestId('station-settings');
    await expect.poll(() => settings.getByTestId('setting-discRecheckMonths').inputValue()).toBe('12');
    await settings.getByTestId('setting-discRecheckMonths').fill('0');
    await settings.getByTestId('settings-save').click();
    expect(await settings.getByTestId('setting-discRecheckMonths-error').textContent()).toBe('应在 1 到 48 个月之间。');
    await settings.getByTestId('setting-discRecheckMonths').fill('6');
    await settings.getByTestId('setting-unitName').fill(unitName);
    await settings.getByTestId('settings-save').click();
    await settings.getByTestId('settings-saved').waitFor();
  });

  it('lets the clerk request discs for the import, with the reason and the case', async () => {
    await signIn('clerk1');
    expect(await page.getByTestId('nav-discs').textContent()).toBe('光盘刻录');
    await page.getByTestId('discs-none').waitFor();
    await page.getByTestId('discs-new').click();
    const form = page.getByTestId('disc-request-form');
    await form.getByTestId('disc-request-save').click();
    expect(await form.getByTestId('disc-request-caseNumber-error').textContent()).toBe('请填写案件或执法活动编号');
    await expect.poll(() => form.locator(`[data-testid="disc-request-ingest"] option[value="${ingest.ingestId}"]`).count()).toBe(1);
    await form.getByTestId('disc-request-ingest').selectOption(ingest.ingestId);
    await form.getByTestId('disc-request-reason').selectOption('dispute');
    await form.getByTestId('disc-request-case-number').fill('公（交）行罚决字〔2026〕041号');
    await form.getByTestId('disc-request-case-name').fill('张某对现场处罚有异议案');
    await form.getByTestId('disc-request-save').click();
    await expect.poll(() => page.getByTestId('disc-request-form').count()).toBe(0);
    await expect.poll(() => request().count()).toBe(1);
    expect(await request().getAttribute('data-state')).toBe('requested');
    expect(await request().getByTestId('disc-request-state').textContent()).toBe('待审批');
    expect(await request().getByTestId('disc-request-reason-text').textContent()).toBe('当事人有异议，可能投诉或信访');
    expect(await request().getByTestId('disc-request-by').textContent()).toContain('王内勤');
    // The clerk does not decide.
    expect(await request().getByTestId('disc-approve').count()).toBe(0);
  });

  it('lets the lead approve it, signing with the password asked in the dialog', async () => {
    await signIn('lead1');
    await request().getByTestId('disc-approve').click();
    const dialog = page.getByTestId('disc-decide-dialog');
    await dialog.getByTestId('disc-sign').click();
    expect(await dialog.getByTestId('disc-password-needed').textContent()).toBe('请输入密码');
    await dialog.getByTestId('disc-password').fill(password);
    await dialog.getByTestId('disc-sign').click();
    await expect.poll(() => page.getByTestId('disc-decide-dialog').count()).toBe(0);
    await expect.poll(() => request().getAttribute('data-state')).toBe('approved');
    expect(await request().getByTestId('disc-request-decided').textContent()).toContain('刘队长');
  });

  it('lets the clerk plan it on CD-R, burn copies A and B to two files, print the label and store both', async () => {
    await signIn('clerk1');
    await request().getByTestId('disc-plan-media').selectOption('cd-r');
    expect(await request().getByTestId('disc-plan-media').locator('option:checked').textContent()).toBe('CD-R（737,280,000 字节）');
    await request().getByTestId('disc-plan').click();
    await expect.poll(() => request().getAttribute('data-state')).toBe('planned');
    expect(await page.getByTestId('disc').count()).toBe(1);
    expect(await page.getByTestId('disc-ordinal').textContent()).toBe('光盘 1/1');
    const copyA = join(work, 'copy-a.iso');
    const copyB = join(work, 'copy-b.iso');
    await burn('A', copyA);
    await burn('B', copyB);
    const hash = await page.getByTestId('disc-image-hash').getAttribute('title');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);

    await page.getByTestId('disc-label').click();
    const printed = page.getByTestId('disc-label-printed');
    await printed.waitFor();
    const pdf = (await printed.locator('.mono').textContent()) ?? '';
    expect(pdf).toMatch(/\.pdf$/);
    expect(existsSync(pdf)).toBe(true);
    expect(readFileSync(pdf).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    const labelText = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
    expect(labelText).toContain(unitName);
    expect(labelText).toContain('张某对现场处罚有异议案');

    await store('A', '档案室 302，3 号柜');
    await store('B', '分局档案室，1 号柜');
    await expect.poll(() => request().getAttribute('data-state')).toBe('stored');
    expect(await request().getByTestId('disc-request-state').textContent()).toBe('已入库');
    // A re-check of a stored copy reads it again and repeats the three checks; it stays stored.
    await copyRow('B').getByTestId('disc-copy-verify').click();
    const recheck = page.locator('[data-testid="disc-burn-panel"][data-mode="verify"]');
    if ((await recheck.getByTestId('disc-drive-kind-file').count()) > 0) await recheck.getByTestId('disc-drive-kind-file').check();
    await recheck.getByTestId('disc-drive-path').fill(copyB);
    await recheck.getByTestId('disc-burn-start').click();
    await recheck.getByTestId('disc-burn-result').waitFor({ timeout: 120_000 });
    expect(await recheck.getByTestId('disc-burn-result').getAttribute('data-verified')).toBe('true');
    await recheck.getByTestId('disc-burn-done').click();
    expect(await copyRow('B').getAttribute('data-state')).toBe('stored');
    if (process.env.SCREENSHOT === '1') await page.screenshot({ path: screenshotPath, fullPage: true });

    // The register as the command line reads it: both copies stored where the page said, and the two
    // files hold the same image, bit for bit, as an outsider's sha256sum sees it.
    const listed = runCliJson<DiscEntry[]>(data, as('clerk1', ['disc', 'list']), env);
    expect(listed.status, listed.stderr).toBe(0);
    const [disc] = listed.json;
    expect(listed.json).toHaveLength(1);
    expect(disc?.copies.map((copy) => [copy.copy, copy.state, copy.location])).toEqual([
      ['A', 'stored', '档案室 302，3 号柜'],
      ['B', 'stored', '分局档案室，1 号柜'],
    ]);
    // The re-check falls due the setting's six months after the check that passed.
    for (const copy of disc?.copies ?? []) {
      const verified = DateTime.fromISO(copy.verifiedAt ?? '');
      expect(DateTime.fromISO(copy.nextCheckDue ?? '').diff(verified, 'months').months).toBe(6);
    }
    const imageBytes = disc?.imageBytes ?? 0;
    expect(imageBytes).toBeGreaterThan(0);
    expect(headSha256(copyA, imageBytes)).toBe(hash);
    expect(headSha256(copyB, imageBytes)).toBe(hash);
  });
});
