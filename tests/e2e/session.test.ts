import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { browserSkipReason, launchChromium } from './support/chromium.js';
import { commandInPage } from './support/in-page.js';
import { misfits } from './support/layout-checks.js';
import { startStation, type RunningStation } from './support/station-process.js';

const browserSkip = browserSkipReason();

const admin = { name: '王管理', login: 'wang.admin', password: 'admin-pass-1' };
const clerk = { name: '李内勤', login: 'li.clerk', password: 'clerk-pass-1', newPassword: 'clerk-pass-2' };
const officer = { name: '赵执法', officerNumber: '012345', certNumber: 'ZF-3301-77', unit: '执法大队一中队' };

async function fill(form: Locator, fields: Record<string, string>): Promise<void> {
  for (const [testId, value] of Object.entries(fields)) await form.getByTestId(testId).fill(value);
}

async function signIn(page: Page, login: string, password: string): Promise<void> {
  const screen = page.getByTestId('sign-in-screen');
  await fill(screen, { 'sign-in-login': login, 'sign-in-password': password });
  await screen.getByTestId('sign-in-submit').click();
}

describe.skipIf(browserSkip !== null)(`signing in, people and locks${browserSkip ? ` (skipped: ${browserSkip})` : ''}`, () => {
  let work: string;
  let browser: Browser;
  let station: RunningStation;
  let page: Page;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'station-e2e-session-'));
    await mkdir(join(work, 'data'));
    station = await startStation(join(work, 'data'));
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    await page.goto(station.url);
    await page.getByTestId('station-name').waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await station?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  const row = (name: string) => page.locator(`[data-testid="person-row"][data-name="${name}"]`);

  it('says on every screen that a station without accounts is open, and makes the first admin, signed in at once', async () => {
    const banner = page.getByTestId('open-mode-banner');
    expect(await banner.getByRole('status').locator('strong').textContent()).toBe('未设置账号，工作站处于开放模式：任何人都可操作');
    await page.getByTestId('nav-recordings').click();
    await page.getByTestId('recordings-page').waitFor();
    expect(await banner.isVisible()).toBe(true);
    expect(await page.getByTestId('session-bar').count()).toBe(0);
    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => banner.getByRole('status').locator('strong').textContent()).toBe('No accounts yet: anyone at this station can do anything');
    expect(await banner.getByTestId('create-first-admin').textContent()).toBe('Create the first admin account');
    await page.getByTestId('language-switch').selectOption('zh-CN');

    await banner.getByTestId('create-first-admin').click();
    const form = page.getByTestId('first-admin-form');
    await form.getByTestId('first-admin-save').click();
    expect(await form.getByTestId('person-name-error').textContent()).toBe('请填写姓名');
    expect(await form.getByTestId('person-login-error').textContent()).toBe('账号只能由 1 到 64 个英文字母、数字、点、横线或下划线组成');
    expect(await form.getByTestId('person-password-error').textContent()).toBe('密码至少 8 个字符');
    await fill(form, { 'person-name': admin.name, 'person-login': admin.login, 'person-password': admin.password, 'person-repeat': `${admin.password}x` });
    await form.getByTestId('first-admin-save').click();
    expect(await form.getByTestId('person-repeat-error').textContent()).toBe('两次输入的密码不一致：请重新输入');
    await fill(form, { 'person-repeat': admin.password });
    await form.getByTestId('first-admin-save').click();

    await expect.poll(() => page.getByTestId('session-name').textContent()).toBe(admin.name);
    expect(await page.getByTestId('session-roles').textContent()).toBe('管理员');
    expect(await banner.count()).toBe(0);
    const status = (await commandInPage(page, 'session.status')) as { value: { state: string; person: { login: string } } };
    expect(status.value).toMatchObject({ state: 'signed-in', person: { login: admin.login } });
    expect(await misfits(page)).toEqual([]);
  });

  it('lists, adds and edits people on the People page: an officer without an account, a clerk with one', async () => {
    await page.getByTestId('nav-people').click();
    const people = page.getByTestId('people-page');
    await people.waitFor();
    // The page shows before its list has loaded: wait for the row, as for the rows added below.
    await row(admin.name).waitFor();
    expect(await row(admin.name).locator('td').allTextContents()).toEqual([admin.name, '—', '—', '—', '管理员', admin.login, '在岗', '编辑重设密码']);

    await people.getByTestId('person-add').click();
    let form = people.getByTestId('person-form');
    await fill(form, { 'person-name': officer.name, 'person-officer-number': 'A1', 'person-cert-number': officer.certNumber, 'person-unit': officer.unit });
    await form.getByTestId('person-save').click();
    expect(await form.getByTestId('person-officer-number-error').textContent()).toBe('执法人员编号是 6 位字母或数字（即记录仪写入文件名的编号），例如 012345');
    await fill(form, { 'person-officer-number': officer.officerNumber });
    await form.getByTestId('person-save').click();
    await row(officer.name).waitFor();
    expect(await row(officer.name).locator('td').allTextContents()).toEqual([
      officer.name, officer.officerNumber, officer.certNumber, officer.unit, '执法人员', '无账号', '在岗', '编辑开设账号',
    ]);

    await people.getByTestId('person-add').click();
    form = people.getByTestId('person-form');
    await fill(form, { 'person-name': clerk.name });
    await form.getByTestId('person-role-officer').uncheck();
    await form.getByTestId('person-save').click();
    expect(await form.getByTestId('person-roles-error').textContent()).toBe('请至少选择一个角色');
    await form.getByTestId('person-role-clerk').check();
    await form.getByTestId('person-with-account').check();
    await fill(form, { 'person-login': clerk.login, 'person-password': clerk.password, 'person-repeat': clerk.password });
    await form.getByTestId('person-save').click();
    await row(clerk.name).waitFor();
    expect(await row(clerk.name).getByTestId('person-row-roles').textContent()).toBe('内勤');
    expect(await row(clerk.name).getByTestId('person-row-login').textContent()).toBe(clerk.login);

    // The core keeps officer numbers unique; the page shows its refusal in Chinese.
    await people.getByTestId('person-add').click();
    form = people.getByTestId('person-form');
    await fill(form, { 'person-name': '钱重复', 'person-officer-number': officer.officerNumber.toLowerCase() });
    await form.getByTestId('person-save').click();
    expect(await form.getByTestId('person-form-error').getAttribute('data-code')).toBe('invalid-input');
    await form.getByTestId('person-cancel').click();

    await row(officer.name).getByTestId('person-edit').click();
    form = people.getByTestId('person-form');
    await form.getByTestId('person-active').uncheck();
    await fill(form, { 'person-unit': '' });
    await form.getByTestId('person-save').click();
    await expect.poll(() => row(officer.name).getAttribute('data-active')).toBe('false');
    expect(await row(officer.name).locator('td').nth(3).textContent()).toBe('—');
    expect(await row(officer.name).locator('td').nth(6).textContent()).toBe('已停用');

    await row(clerk.name).getByTestId('person-set-password').click();
    form = people.getByTestId('password-form');
    expect(await form.getByTestId('person-login').inputValue()).toBe(clerk.login);
    await fill(form, { 'person-password': clerk.newPassword, 'person-repeat': clerk.newPassword });
    await form.getByTestId('password-save').click();
    expect(await people.getByTestId('person-saved').textContent()).toBe(`已保存：${clerk.name}`);
    expect(await misfits(page)).toEqual([]);

    const listed = (await commandInPage(page, 'people.list')) as { value: unknown[] };
    expect(listed.value).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ name: officer.name, officerNumber: officer.officerNumber, certNumber: officer.certNumber, unit: null, roles: ['officer'], login: null, active: false }),
        expect.objectContaining({ name: clerk.name, roles: ['clerk'], login: clerk.login, active: true }),
      ]),
    );
    // For the idle lock below: the page reads the setting from the session's status.
    const updated = (await commandInPage(page, 'settings.update', { idleLockMinutes: 1 })) as { ok: boolean };
    expect(updated.ok).toBe(true);
  });

  it('switches user in one click; a wrong password is refused, and five in a row lock the account until a time it names', async () => {
    await page.getByTestId('switch-user').click();
    await page.getByTestId('sign-in-screen').waitFor();
    expect(await page.getByTestId('session-bar').count()).toBe(0);
    expect(await misfits(page)).toEqual([]);

    const error = page.getByTestId('sign-in-error');
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      await signIn(page, admin.login, `wrong-${attempt}`);
      await expect.poll(() => page.getByTestId('sign-in-password').inputValue()).toBe('');
      expect(await error.getAttribute('data-code')).toBe('unauthenticated');
      expect(await error.locator('strong').textContent()).toBe('账号或密码错误：请检查后重新输入（连续五次错误将锁定账号五分钟）');
    }
    await signIn(page, admin.login, 'wrong-5');
    await expect.poll(() => error.getAttribute('data-code')).toBe('locked');
    expect(await error.locator('strong').textContent()).toBe('连续五次密码错误，账号已锁定五分钟：请稍后再试，或请管理员重设密码');
    // The time shown is the one the station gave, read in its own zone.
    const detail = (await error.locator('details code').textContent()) ?? '';
    const [, day, time] = /until (\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}:\d{2})/.exec(detail) ?? [];
    expect(day).toBeDefined();
    expect(await page.getByTestId('locked-until').textContent()).toBe(`可于 ${day} ${time}（工作站时间）之后再试`);

    // Locked means locked: the right password does not open it either.
    await signIn(page, admin.login, admin.password);
    await expect.poll(() => page.getByTestId('sign-in-password').inputValue()).toBe('');
    expect(await error.getAttribute('data-code')).toBe('locked');
    expect(await page.getByTestId('sign-in-screen').isVisible()).toBe(true);
  });

  it('signs a clerk in, who is not offered the People page and whom the core refuses people.add', async () => {
    await signIn(page, clerk.login, clerk.password);
    await expect.poll(() => page.getByTestId('sign-in-error').getAttribute('data-code')).toBe('unauthenticated');
    await signIn(page, clerk.login, clerk.newPassword);
    await expect.poll(() => page.getByTestId('session-name').textContent()).toBe(clerk.name);
    expect(await page.getByTestId('session-roles').textContent()).toBe('内勤');
    expect(await page.getByTestId('nav-import').isVisible()).toBe(true);
    expect(await page.getByTestId('nav-people').count()).toBe(0);
    await page.evaluate(`location.hash = '#/people'`);
    expect(await page.getByTestId('people-admins-only').textContent()).toBe('人员和账号由管理员管理：如需添加人员或重设密码，请联系管理员。');
    expect(await page.getByTestId('person-add').count()).toBe(0);

    const refused = (await commandInPage(page, 'people.add', { name: '孙冒充', roles: ['admin'], login: 'sun', password: 'sun-pass-12' })) as {
      ok: boolean;
      error: { code: string };
    };
    expect(refused).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });

  it('locks the page after the idle time without input, and the same password opens it again', async () => {
    // The page's own timers run on a clock the test moves: no minute is waited for.
    await page.clock.install();
    await page.reload();
    await expect.poll(() => page.getByTestId('session-name').textContent()).toBe(clerk.name);
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    await page.clock.fastForward('00:50');
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    // Input puts it off: fifty seconds after a key, ten more are not yet a minute without one.
    await page.keyboard.press('Shift');
    await page.clock.fastForward('00:50');
    expect(await page.getByTestId('lock-screen').count()).toBe(0);
    await page.clock.fastForward('00:11');

    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    expect(await lock.locator('p').first().textContent()).toContain(clerk.name);
    // The core holds the lock too: a command from the page is refused until the password.
    const refused = (await commandInPage(page, 'devices.list')) as { ok: boolean; error: { code: string } };
    expect(refused).toMatchObject({ ok: false, error: { code: 'session-locked' } });

    await lock.getByTestId('unlock-password').fill('not-the-password');
    await lock.getByTestId('unlock-submit').click();
    await expect.poll(() => lock.getByTestId('sign-in-error').getAttribute('data-code')).toBe('unauthenticated');
    await lock.getByTestId('unlock-password').fill(clerk.newPassword);
    await lock.getByTestId('unlock-submit').click();
    await lock.waitFor({ state: 'detached' });
    expect(await page.getByTestId('session-name').textContent()).toBe(clerk.name);
    const allowed = (await commandInPage(page, 'devices.list')) as { ok: boolean };
    expect(allowed.ok).toBe(true);
  });

  it('locks at once from the header, and switches user from the lock screen', async () => {
    await page.getByTestId('lock-now').click();
    const lock = page.getByTestId('lock-screen');
    await lock.waitFor();
    await lock.getByTestId('lock-switch-user').click();
    await page.getByTestId('sign-in-screen').waitFor();
    const status = (await commandInPage(page, 'session.status')) as { value: { state: string } };
    expect(status.value.state).toBe('signed-out');

    await page.getByTestId('language-switch').selectOption('en');
    await expect.poll(() => page.locator('#sign-in-title').textContent()).toBe('Sign in');
    await signIn(page, clerk.login, 'wrong-again');
    await expect.poll(() => page.getByTestId('sign-in-error').locator('strong').textContent()).toBe(
      'Wrong login or password: check and type them again (five wrong passwords in a row lock the account for five minutes)',
    );
  });
});
