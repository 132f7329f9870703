import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../src-main/contract/index.js';
import { cliEntry, runCli, runCliJson } from '../helpers/run-cli.js';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage } from './support/in-page.js';
import { startStation, type RunningStation } from './support/station-process.js';

const skipReason = browserSkipReason();

describe.skipIf(skipReason !== null)(`the audit log page${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let data: string;
  let day: DateTime;
  let station: RunningStation;
  let browser: Browser;
  let page: Page;

  /** The sequence numbers of the rows on screen, top to bottom. */
  const shownSeqs = () => page.getByTestId('audit-row').evaluateAll((rows) => rows.map((row) => Number(row.getAttribute('data-seq'))));

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-audit-page-'));
    data = join(work, 'data');
    // wang registers three recorders, zhao renames the second.
    for (const serial of ['2000001', '2000002', '2000003']) {
      expect(runCli(data, ['--operator', 'wang', 'device', 'add', '--serial', serial, '--type', 'body-camera']).status).toBe(0);
    }
    const written = runCliJson<AuditRow[]>(data, ['audit', 'list']).json;
    day = DateTime.fromISO(written[0]!.at, { setZone: true });
    station = await startStation(data, ['--operator', 'zhao']);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(station.url);
    await page.getByTestId('station-name').waitFor();
    // The rename through the page's own session: a fourth row, by zhao.
    expect(await commandInPage(page, 'devices.update', { id: 2, name: '二号' })).toMatchObject({ ok: true });
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('lists the chain newest first, in Chinese, with the chain intact at the top', async () => {
    await page.getByTestId('nav-audit').click();
    await expect.poll(shownSeqs).toEqual([4, 3, 2, 1]);
    await expect.poll(() => page.getByTestId('audit-chain-state').getAttribute('data-ok')).toBe('true');
    expect(await page.getByTestId('audit-chain-state').textContent()).toBe('审计链完整');
    const newest = page.locator('[data-testid="audit-row"][data-seq="4"]');
    expect(await newest.locator('td').allTextContents()).toEqual([
      '4',
      expect.any(String),
      'zhao',
      '管理员',
      '修改设备',
      'device:2',
      expect.stringContaining('"name":"二号"'),
    ]);
  });

  it('narrows the rows by person, action, object and days', async () => {
    await page.getByTestId('audit-actor').fill('wang');
    await expect.poll(shownSeqs).toEqual([3, 2, 1]);
    await page.getByTestId('audit-object').fill('device:2');
    await expect.poll(shownSeqs).toEqual([2]);
    await page.getByTestId('audit-actor').fill('');
    await expect.poll(shownSeqs).toEqual([4, 2]);
    await page.getByTestId('audit-action').selectOption('devices.update');
    await expect.poll(shownSeqs).toEqual([4]);
    await page.getByTestId('audit-action').selectOption('');
    await page.getByTestId('audit-object').fill('');
    await expect.poll(shownSeqs).toEqual([4, 3, 2, 1]);
    // The rows' own day holds them; the day before holds none.
    await page.getByTestId('audit-days-from').fill(day.toISODate()!);
    await expect.poll(shownSeqs).toEqual([4, 3, 2, 1]);
    await page.getByTestId('audit-days-from').fill(day.minus({ days: 1 }).toISODate()!);
    await page.getByTestId('audit-days-to').fill(day.minus({ days: 1 }).toISODate()!);
    await page.getByTestId('audit-empty').waitFor();
    expect(await page.getByTestId('audit-empty').textContent()).toBe('没有符合筛选条件的记录：请放宽筛选条件。');
    expect(await shownSeqs()).toEqual([]);
  });

  it('shows what a tampered chain hides when asked to verify now', async () => {
    // Another program edits a row behind the station's back: the triggers dropped, a detail changed.
    const db = new Database(join(data, 'station.db'));
    try {
      db.exec('DROP TRIGGER audit_log_no_update');
      db.prepare(`UPDATE audit_log SET actor = 'someone' WHERE seq = 2`).run();
    } finally {
      db.close();
    }
    await page.getByTestId('audit-verify').click();
    await expect.poll(() => page.getByTestId('audit-chain-state').getAttribute('data-ok')).toBe('false');
    expect(await page.getByTestId('audit-chain-state').textContent()).toBe('审计链有 1 处问题');
    const problems = page.getByTestId('audit-problems').locator('li');
    expect(await problems.evaluateAll((items) => items.map((item) => [item.getAttribute('data-seq'), item.getAttribute('data-problem')]))).toEqual([['2', 'altered']]);
    expect(await problems.first().textContent()).toBe('序号 2：被改动');
  });
});

describe.skipIf(skipReason !== null)(`the audit log page for someone who may not read it${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let work: string;
  let station: RunningStation;
  let browser: Browser;

  /** `station person add`, as the admin once one exists; the new account's password from the environment. */
  const addPerson = (data: string, args: string[], asAdmin: boolean) => {
    const env = { ...process.env, STATION_NEW_PASSWORD: 'a long enough password 1', STATION_PASSWORD: 'a long enough password 1' };
    const run = spawnSync(process.execPath, [cliEntry, '--data', data, ...(asAdmin ? ['--user', 'admin1'] : []), 'person', 'add', ...args], { encoding: 'utf8', env });
    expect(run.status, run.stderr).toBe(0);
  };

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-audit-refused-'));
    const data = join(work, 'data');
    addPerson(data, ['--name', '赵管理', '--roles', 'admin', '--login', 'admin1'], false);
    addPerson(data, ['--name', '王内勤', '--roles', 'clerk', '--login', 'clerk1'], true);
    station = await startStation(data);
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it("shows the core's refusal in Chinese, and the chain's state, which anyone may check", async () => {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(station.url);
    expect(await commandInPage(page, 'session.signIn', { login: 'clerk1', password: 'a long enough password 1' })).toMatchObject({ ok: true });
    // Signed in now: the page starts again, on the audit log.
    await page.evaluate("location.hash = '#/audit'");
    await page.reload();
    await page.getByTestId('audit-forbidden').waitFor();
    expect(await page.getByTestId('audit-forbidden').textContent()).toBe('审计日志仅限主要领导、审计人员和管理员查看：请用有权限的账号登录');
    expect(await page.getByTestId('audit-row').count()).toBe(0);
    await expect.poll(() => page.getByTestId('audit-chain-state').getAttribute('data-ok')).toBe('true');
  });
});
