import Database from 'better-sqlite3';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow } from '../../src-main/contract/index.js';
import { runCli, runCliJson } from '../helpers/run-cli.js';
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
