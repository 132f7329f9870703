import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it, onTestFailed } from 'vitest';
import { makeVideo } from '../helpers/make-media.js';
import { officeAccounts, runCliJson } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { signedInPage } from './support/sign-in.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();
const password = 'a password 123';
const env = { STATION_NEW_PASSWORD: password, STATION_PASSWORD: password };

describe.skipIf(skipReason !== null)(`confidentiality and evidence export on the recordings page${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;

  const signIn = async (login: string) => {
    page = await signedInPage(browser, station.url, login, password, { width: 1366, height: 900 });
    await page.getByTestId('nav-recordings').click();
    await page.getByTestId('recording-row').first().waitFor();
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-custody-'));
    const data = join(work, 'data');
    officeAccounts(data, env, [
      ['管理员', 'admin', 'root1'],
      ['李内勤', 'clerk', 'clerk1'],
      ['王队长', 'lead', 'lead1'],
      ['赵主任', 'head', 'head1'],
    ]);
    const dir = join(work, 'CARD', 'DCIM');
    await mkdir(dir, { recursive: true });
    makeVideo(join(dir, 'A.mp4'), { seconds: 1, seed: 31 });
    const run = runCliJson(data, ['--user', 'clerk1', 'ingest', dir], env);
    expect(run.status, run.stderr).toBe(0);
    station = await startStation(data);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('lets the clerk raise the level, after which the clerk sees a masked row with a lock and no thumbnail request', async () => {
    await signIn('clerk1');
    const thumbnails: string[] = [];
    page.on('request', (request) => {
      if (/thumbnail/.test(request.url())) thumbnails.push(request.url());
    });
    await page.getByTestId('recording-row').first().click();
    const detail = page.getByTestId('recording-detail');
    expect(await detail.getByTestId('recording-level').textContent()).toBe('无');
    await detail.getByTestId('classify-level').selectOption('personal-privacy');
    await detail.getByTestId('classify-save').click();
    await expect.poll(() => detail.getByTestId('error').locator('strong').textContent()).toBe('涉密录像：无权查看');
    const row = page.getByTestId('recording-row').first();
    await expect.poll(() => row.getAttribute('data-masked')).toBe('true');
    thumbnails.length = 0;
    await page.reload();
    await page.getByTestId('nav-recordings').click();
    await row.getByTestId('recording-locked').waitFor();
    expect(await row.getByTestId('recording-file').textContent()).toContain('涉密，无权查看');
    expect(await row.getByTestId('recording-level').textContent()).toBe('个人隐私');
    expect(thumbnails).toEqual([]);
    await page.close();
  });

  it('refuses the lead a lowering with the translated reason, and files an approval request on export', async () => {
    await signIn('lead1');
    await page.getByTestId('recording-row').first().click();
    const detail = page.getByTestId('recording-detail');
    await expect.poll(() => detail.getByTestId('recording-level').getAttribute('data-level')).toBe('personal-privacy');
    await detail.getByTestId('classify-level').selectOption('none');
    await detail.getByTestId('classify-save').click();
    expect(await detail.getByTestId('classify-error').getAttribute('data-code')).toBe('forbidden');
    expect(await detail.getByTestId('classify-error').locator('strong').textContent()).toBe('只有负责人可以降低密级：请由负责人登录后操作');

    await detail.getByTestId('export-open').click();
    const dialog = page.getByTestId('export-dialog');
    await dialog.getByTestId('export-create').click();
    await dialog.getByTestId('export-out-needed').waitFor();
    await dialog.getByTestId('export-out').fill(join(work, 'out1'));
    await dialog.getByTestId('export-purpose').fill('投诉 2026-12');
    await dialog.getByTestId('export-create').click();
    expect(await dialog.getByTestId('export-error').getAttribute('data-code')).toBe('approval-needed');
    expect(await dialog.getByTestId('export-error').locator('strong').textContent()).toContain('审批申请 1');
    await page.close();
  });

  it('lets the head approve the request with the password, and then the lead exports', async () => {
    await signIn('head1');
    const approvals = page.getByTestId('export-approvals');
    await approvals.getByTestId('approval-row').first().waitFor();
    await approvals.getByTestId('approval-approve').click();
    const dialog = page.getByTestId('approval-dialog');
    await dialog.getByTestId('approval-password').fill(password);
    await dialog.getByTestId('approval-sign').click();
    await expect.poll(() => approvals.getByTestId('approval-row').first().getAttribute('data-state')).toBe('approved');
    await page.close();

    await signIn('lead1');
    // Once, under heavy load, export-open was clicked and no dialog came: the video above it took its
    // own size and moved the button (the player's box is fixed now). Should it fail again, keep what
    // the page said and showed, for the next one to read.
    const pageErrors: string[] = [];
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    onTestFailed(async () => {
      const shown = await page.getByTestId('recording-detail').innerHTML({ timeout: 2000 }).catch((error: unknown) => String(error));
      const dialogs = await page.getByTestId('export-dialog').count();
      const open = dialogs === 1 ? await page.getByTestId('export-dialog').getAttribute('open', { timeout: 2000 }).catch(() => null) : null;
      console.error(`custody-ui, the lead's page: errors ${JSON.stringify(pageErrors)}; ${dialogs} export dialog(s), open: ${open !== null}; the detail panel: ${shown.slice(0, 6000)}`);
    });
    expect(await page.getByTestId('export-approvals').count()).toBe(0);
    await page.getByTestId('recording-row').first().click();
    await page.getByTestId('recording-detail').getByTestId('export-open').click();
    const exportDialog = page.getByTestId('export-dialog');
    const out = join(work, 'out2');
    await exportDialog.getByTestId('export-out').fill(out);
    await exportDialog.getByTestId('export-zip').check();
    await exportDialog.getByTestId('export-create').click();
    const result = exportDialog.getByTestId('export-result');
    await result.waitFor();
    expect(await result.textContent()).toContain(out);
    expect(existsSync(out)).toBe(true);
  });
});
