import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Caller, CommandInput, CommandName, CommandOutput, StationEvent } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { tempDir } from '../../helpers/temp-dir.js';

const clerk: Caller = { name: 'wang', role: 'clerk' };
const admin: Caller = { name: 'zhao', role: 'admin' };
const hour = 3_600_000;
/** A time this far from now, as the ledger takes it. */
const ago = (ms: number) => new Date(Date.now() - ms).toISOString();
const allOk = { battery: 'ok', storage: 'ok', clock: 'ok' } as const;

let station: Station;

async function call<K extends CommandName>(name: K, input: CommandInput<K>, caller: Caller = clerk): Promise<CommandOutput<K>> {
  const result = await station.call(name, input, caller);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value;
}

async function refusal<K extends CommandName>(name: K, input: CommandInput<K>, caller: Caller = clerk) {
  const result = await station.call(name, input, caller);
  if (result.ok) throw new Error(`${name} was accepted: ${JSON.stringify(result.value)}`);
  return result.error;
}

beforeEach(async () => {
  station = await openStation({ dataDir: join(tempDir('ledger-rules'), 'data') });
  for (const [serial, type] of [['DSJ0001', 'body-camera'], ['DSJ0002', 'body-camera'], ['CAM0001', 'camera'], ['DSJ0009', 'body-camera']] as const) {
    await call('devices.add', { serial, type });
  }
  await call('devices.update', { id: 4, status: 'under-repair' });
  await call('people.add', { name: '张伟', officerNumber: '123456' }, admin);
  await call('people.add', { name: '李娜', officerNumber: '234567' }, admin);
  const gone = await call('people.add', { name: '王芳', officerNumber: '345678' }, admin);
  await call('people.update', { id: gone.id, active: false }, admin);
});
afterEach(async () => {
  await station.close();
});

const checkout = (deviceSerial: string, officerNumber: string, more: Partial<CommandInput<'ledger.checkout'>> = {}) =>
  ({ deviceSerial, officerNumber, checks: allOk, ...more }) satisfies CommandInput<'ledger.checkout'>;

describe('checking a recorder out', () => {
  it('hands out a registered, in-service recorder to a known officer and says so', async () => {
    const at = ago(3 * hour);
    const receipt = await call('ledger.checkout', checkout('dsj0001', '123456', { at, category: 'on-site', caseNumber: '统执〔2026〕7号', remote: true }));
    expect(receipt).toEqual({
      checkoutId: 1,
      device: { id: 1, serial: 'DSJ0001' },
      officer: { id: 1, name: '张伟', officerNumber: '123456' },
      checkedOutAt: expect.stringMatching(/\+08:00$/),
      expectedReturnAt: null,
      checks: allOk,
      remote: true,
    });
    expect(Date.parse(receipt.checkedOutAt)).toBe(Date.parse(at));
  });

  it('refuses each thing the rules forbid, with its code, and records nothing for a refusal', async () => {
    expect(await refusal('ledger.checkout', checkout('NOSUCH1', '123456'))).toMatchObject({ code: 'device-unavailable', message: expect.stringContaining('register') });
    expect(await refusal('ledger.checkout', checkout('DSJ0009', '123456'))).toMatchObject({ code: 'device-unavailable', message: expect.stringContaining('under-repair') });
    expect(await refusal('ledger.checkout', checkout('DSJ0001', '999999'))).toMatchObject({ code: 'unknown-officer' });
    expect(await refusal('ledger.checkout', checkout('DSJ0001', '345678'))).toMatchObject({ code: 'unknown-officer' });
    const failed = await refusal('ledger.checkout', checkout('DSJ0001', '123456', { checks: { battery: 'ok', storage: 'fail', clock: 'fail' } }));
    expect(failed.code).toBe('pre-use-check-failed');
    expect(failed.message).toContain('storage');
    expect(failed.message).toContain('clock');
    expect(failed.message).not.toContain('battery');
    expect(await refusal('ledger.checkout', checkout('DSJ0001', '123456', { at: new Date(Date.now() + 10 * 60_000).toISOString() }))).toMatchObject({
      code: 'invalid-input',
      message: expect.stringContaining('future'),
    });
    expect(await refusal('ledger.checkout', checkout('DSJ0001', '123456'), { name: 'sun', role: 'auditor' })).toMatchObject({ code: 'forbidden' });
    expect(await call('ledger.list', {})).toEqual([]);
    expect((await call('audit.list', {}, admin)).filter((row) => row.action.startsWith('ledger.'))).toEqual([]);

    await call('ledger.checkout', checkout('DSJ0001', '123456'));
    expect(await refusal('ledger.checkout', checkout('DSJ0001', '234567'))).toMatchObject({ code: 'device-unavailable', message: expect.stringContaining('already checked out') });
  });

  it('lets an officer hold one body camera at a time unless the setting allows more; other devices do not count', async () => {
    await call('ledger.checkout', checkout('DSJ0001', '123456'));
    expect(await refusal('ledger.checkout', checkout('DSJ0002', '123456'))).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('body camera') });
    await call('ledger.checkout', checkout('CAM0001', '123456'));
    await call('settings.update', { bodyCamerasPerOfficer: 2 }, admin);
    expect((await call('ledger.checkout', checkout('DSJ0002', '123456'))).device.serial).toBe('DSJ0002');
  });
});

describe('checking a recorder in and its deadline', () => {
  it('starts the deadline at the return; a later change of the setting moves only later deadlines', async () => {
    await call('ledger.checkout', checkout('DSJ0001', '123456', { at: ago(10 * hour) }));
    const returnedAt = ago(5 * hour);
    const arrivedAt = ago(9 * hour);
    const leftAt = ago(6 * hour);
    const back = await call('ledger.checkin', { deviceSerial: 'DSJ0001', at: returnedAt, condition: 'damaged', note: '外壳裂', arrivedAt, leftAt });
    expect(back.checkoutId).toBe(1);
    expect(Date.parse(back.deadline) - Date.parse(back.returnedAt)).toBe(24 * hour);
    await call('settings.update', { ingestDeadlineHours: 48 }, admin);
    await call('ledger.checkout', checkout('DSJ0002', '234567', { at: ago(4 * hour) }));
    const second = await call('ledger.checkin', { deviceSerial: 'DSJ0002' });
    expect(Date.parse(second.deadline) - Date.parse(second.returnedAt)).toBe(48 * hour);
    const [entry] = await call('ledger.list', { deviceSerial: 'DSJ0001' });
    expect(entry).toMatchObject({ state: 'returned', condition: 'damaged', note: '外壳裂', checkedInBy: 'wang', deadline: back.deadline });
    expect(Date.parse(entry!.arrivedAt!)).toBe(Date.parse(arrivedAt));
    expect(Date.parse(entry!.leftAt!)).toBe(Date.parse(leftAt));
  });

  it('refuses a recorder that is not out, a return before the check-out or in the future, and scene times outside the window', async () => {
    expect(await refusal('ledger.checkin', { deviceSerial: 'DSJ0001' })).toMatchObject({ code: 'device-unavailable' });
    await call('ledger.checkout', checkout('DSJ0001', '123456', { at: ago(2 * hour) }));
    expect(await refusal('ledger.checkin', { deviceSerial: 'DSJ0001', at: ago(3 * hour) })).toMatchObject({ code: 'invalid-input', message: expect.stringContaining('before the check-out') });
    expect(await refusal('ledger.checkin', { deviceSerial: 'DSJ0001', at: new Date(Date.now() + hour).toISOString() })).toMatchObject({ code: 'invalid-input' });
    expect(await refusal('ledger.checkin', { deviceSerial: 'DSJ0001', arrivedAt: ago(3 * hour), leftAt: ago(hour) })).toMatchObject({ code: 'invalid-input' });
    expect(await refusal('ledger.checkin', { deviceSerial: 'DSJ0001', arrivedAt: ago(hour) })).toMatchObject({ code: 'invalid-input' });
    expect((await call('ledger.list', {}))[0]?.state).toBe('out');
  });

  it('reads every state not needing an ingest from the station clock, and boards them soonest deadline first', async () => {
    const events: StationEvent['type'][] = [];
    station.onEvent((event) => events.push(event.type));
    // out; out past its expected return; returned an hour ago; returned two days ago and never ingested.
    await call('ledger.checkout', checkout('DSJ0001', '123456', { at: ago(hour), expectedReturnAt: new Date(Date.now() + hour).toISOString() }));
    await call('ledger.checkout', checkout('CAM0001', '123456', { at: ago(5 * hour), expectedReturnAt: ago(2 * hour) }));
    await call('ledger.checkout', checkout('DSJ0002', '234567', { at: ago(3 * hour) }));
    await call('ledger.checkin', { deviceSerial: 'DSJ0002', at: ago(hour) });
    const states = Object.fromEntries((await call('ledger.list', {})).map((entry) => [entry.device.serial, entry.state]));
    expect(states).toEqual({ DSJ0001: 'out', CAM0001: 'overdue-return', DSJ0002: 'returned' });

    const old = await station.call('ledger.checkout', checkout('DSJ0002', '234567', { at: ago(50 * hour) }), clerk);
    // A check-out cannot be earlier than the device's last return: the windows would overlap.
    expect(old.ok ? null : old.error.code).toBe('invalid-input');
    await call('ledger.checkin', { deviceSerial: 'CAM0001', at: ago(4 * hour) });
    await call('devices.add', { serial: 'DSJ0003', type: 'body-camera' });
    await call('ledger.checkout', checkout('DSJ0003', '234567', { at: ago(60 * hour) }));
    await call('ledger.checkin', { deviceSerial: 'DSJ0003', at: ago(50 * hour) });

    const board = await call('ledger.deadlines', {});
    expect(board.map((line) => [line.device.serial, line.state])).toEqual([
      ['DSJ0003', 'overdue'],
      ['CAM0001', 'returned'],
      ['DSJ0002', 'returned'],
      ['DSJ0001', 'out'],
    ]);
    expect(board[0]!.secondsLeft).toBeLessThan(-25 * 3600);
    expect(board[2]!.secondsLeft).toBeGreaterThan(22 * 3600);
    expect(board[3]).toMatchObject({ returnedAt: null, deadline: null, secondsLeft: null });
    await new Promise((resolve) => setImmediate(resolve));
    expect(events.filter((type) => type === 'ledger.changed').length).toBeGreaterThanOrEqual(6);
  });

  it('takes a late reason for a passed deadline only, from a clerk or a lead, and keeps it', async () => {
    await call('ledger.checkout', checkout('DSJ0001', '123456', { at: ago(60 * hour) }));
    await call('ledger.checkin', { deviceSerial: 'DSJ0001', at: ago(50 * hour) });
    await call('ledger.checkout', checkout('DSJ0002', '234567', { at: ago(3 * hour) }));
    await call('ledger.checkin', { deviceSerial: 'DSJ0002', at: ago(hour) });
    expect(await refusal('ledger.lateReason', { checkoutId: 2, reason: '外出' })).toMatchObject({ code: 'invalid-input' });
    expect(await refusal('ledger.lateReason', { checkoutId: 99, reason: '外出' })).toMatchObject({ code: 'not-found' });
    expect(await refusal('ledger.lateReason', { checkoutId: 1, reason: '外出' }, { name: 'qian', role: 'head' })).toMatchObject({ code: 'forbidden' });
    const entry = await call('ledger.lateReason', { checkoutId: 1, reason: '异地执法，次日返回' }, { name: 'qian', role: 'lead' });
    expect(entry).toMatchObject({ checkoutId: 1, state: 'overdue', lateReason: '异地执法，次日返回' });
  });
});

describe('the audit chain of the ledger', () => {
  it('records each check-out, check-in and late reason with its input and both times, and stays intact', async () => {
    const at = ago(60 * hour);
    await call('ledger.checkout', checkout('DSJ0001', '123456', { at }));
    await call('ledger.checkin', { deviceSerial: 'DSJ0001', at: ago(50 * hour) });
    await call('ledger.lateReason', { checkoutId: 1, reason: '设备损坏' });
    const rows = (await call('audit.list', {}, admin)).filter((row) => row.action.startsWith('ledger.'));
    expect(rows.map((row) => [row.action, row.object, row.actor])).toEqual([
      ['ledger.checkout', 'checkout:1', 'wang'],
      ['ledger.checkin', 'checkout:1', 'wang'],
      ['ledger.lateReason', 'checkout:1', 'wang'],
    ]);
    // The row's own time is when the desk wrote it; the input keeps when it really happened.
    expect(rows[0]!.details).toMatchObject({ kind: 'change', input: { at } });
    expect(Date.parse(rows[0]!.at) - Date.parse(at)).toBeGreaterThan(59 * hour);
    expect(await call('audit.verify', {})).toMatchObject({ ok: true, problems: [] });
  });
});
