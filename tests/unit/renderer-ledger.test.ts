import { describe, expect, it } from 'vitest';
import { CheckinRequest, CheckoutRequest } from '../../src-main/contract/index.js';
import { checkinRequest, type CheckinValues } from '../../src-renderer/features/ledger/checkin-form.js';
import { checkoutRequest, emptyCheckout, type CheckoutValues } from '../../src-renderer/features/ledger/checkout-form.js';
import { countdownFigures, countdownTone } from '../../src-renderer/features/ledger/countdown.js';
import { stationDay, wallTimeAt, wallTimeToIso } from '../../src-renderer/format/zoned-time.js';

describe('station wall time in the forms', () => {
  it('reads a datetime-local value on the station clock, not the computer one', () => {
    expect(wallTimeToIso('2026-12-06T09:30', 'Asia/Shanghai')).toBe('2026-12-06T01:30:00.000Z');
    expect(wallTimeToIso('2026-01-01T00:15', 'Asia/Shanghai')).toBe('2025-12-31T16:15:00.000Z');
    // Berlin in summer and in winter: the offset is the one of that day.
    expect(wallTimeToIso('2026-07-01T12:00', 'Europe/Berlin')).toBe('2026-07-01T10:00:00.000Z');
    expect(wallTimeToIso('2026-12-01T12:00', 'Europe/Berlin')).toBe('2026-12-01T11:00:00.000Z');
  });

  it('refuses what is not a whole date and time', () => {
    expect(wallTimeToIso('', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToIso('2026-12-06', 'Asia/Shanghai')).toBeNull();
    expect(wallTimeToIso('9:30', 'Asia/Shanghai')).toBeNull();
  });

  it('offers an instant back as the station clock shows it, and the station day some days before', () => {
    const at = Date.parse('2026-12-05T17:45:10Z');
    expect(wallTimeAt(at, 'Asia/Shanghai')).toBe('2026-12-06T01:45');
    expect(wallTimeToIso(wallTimeAt(at, 'Asia/Shanghai'), 'Asia/Shanghai')).toBe('2026-12-05T17:45:00.000Z');
    expect(stationDay(at, 'Asia/Shanghai')).toBe('2026-12-06');
    expect(stationDay(at, 'Asia/Shanghai', 30)).toBe('2026-11-06');
  });
});

describe('the 24-hour countdown', () => {
  it('is green with time to spare, amber under four hours, red once past', () => {
    expect(countdownTone(24 * 3600)).toBe('ok');
    expect(countdownTone(4 * 3600)).toBe('ok');
    expect(countdownTone(4 * 3600 - 1)).toBe('soon');
    expect(countdownTone(0)).toBe('soon');
    expect(countdownTone(-1)).toBe('overdue');
  });

  it('shows hours, minutes and seconds, hours running past a day, without a sign', () => {
    expect(countdownFigures(23 * 3600 + 59 * 60 + 7.9)).toBe('23:59:07');
    expect(countdownFigures(26 * 3600)).toBe('26:00:00');
    expect(countdownFigures(-(3600 + 62))).toBe('01:01:02');
    expect(countdownFigures(5)).toBe('00:00:05');
  });
});

describe('the check-out form', () => {
  const filled: CheckoutValues = {
    ...emptyCheckout,
    deviceSerial: 'DSJ0001',
    officerNumber: '012345',
    category: 'on-site',
    caseName: '  某公司统计违法案  ',
    expectedReturn: '2026-12-06T18:00',
    checks: { battery: 'ok', storage: 'fail', clock: 'ok' },
  };

  it('asks for every one of the three checks: none is assumed', () => {
    const { errors, request } = checkoutRequest({ ...filled, checks: { battery: 'ok', storage: null, clock: null } }, 'Asia/Shanghai');
    expect(request).toBeNull();
    expect(errors).toEqual({ storage: 'checkout.errors.unanswered', clock: 'checkout.errors.unanswered' });
    expect(checkoutRequest(emptyCheckout, 'Asia/Shanghai').errors).toEqual({
      deviceSerial: 'checkout.errors.device',
      officerNumber: 'checkout.errors.officer',
      battery: 'checkout.errors.unanswered',
      storage: 'checkout.errors.unanswered',
      clock: 'checkout.errors.unanswered',
    });
  });

  it('sends a failed check to the station, which refuses it with its reason', () => {
    const { errors, request } = checkoutRequest(filled, 'Asia/Shanghai');
    expect(errors).toEqual({});
    expect(request).toEqual({
      deviceSerial: 'DSJ0001',
      officerNumber: '012345',
      checks: { battery: 'ok', storage: 'fail', clock: 'ok' },
      category: 'on-site',
      caseNumber: undefined,
      caseName: '某公司统计违法案',
      place: undefined,
      expectedReturnAt: '2026-12-06T10:00:00.000Z',
      remote: false,
    });
    // What the form sends is what the station's contract accepts.
    expect(CheckoutRequest.safeParse(request).success).toBe(true);
  });

  it('says so when the expected return is not a whole date and time', () => {
    expect(checkoutRequest({ ...filled, expectedReturn: '2026-12-06' }, 'Asia/Shanghai').errors).toEqual({ expectedReturn: 'checkout.errors.expectedReturn' });
  });
});

describe('the check-in form', () => {
  const opened: CheckinValues = {
    deviceSerial: 'DSJ0001',
    returnedAt: '2026-12-06T17:00',
    returnedAtChanged: false,
    condition: 'ok',
    note: '',
    arrivedAt: '',
    leftAt: '',
  };

  it('leaves the return time to the station when the clerk kept the one offered', () => {
    const { request } = checkinRequest(opened, 'Asia/Shanghai');
    expect(request?.at).toBeUndefined();
    expect(CheckinRequest.safeParse(request).success).toBe(true);
  });

  it('sends an earlier return time and the scene times as instants', () => {
    const { errors, request } = checkinRequest(
      { ...opened, returnedAt: '2026-12-06T09:05', returnedAtChanged: true, arrivedAt: '2026-12-06T08:00', leftAt: '2026-12-06T08:40', condition: 'damaged', note: ' 屏幕裂纹 ' },
      'Asia/Shanghai',
    );
    expect(errors).toEqual({});
    expect(request).toEqual({
      deviceSerial: 'DSJ0001',
      at: '2026-12-06T01:05:00.000Z',
      condition: 'damaged',
      note: '屏幕裂纹',
      arrivedAt: '2026-12-06T00:00:00.000Z',
      leftAt: '2026-12-06T00:40:00.000Z',
    });
    expect(CheckinRequest.safeParse(request).success).toBe(true);
  });

  it('wants both scene times or neither, and leaving after arriving', () => {
    expect(checkinRequest({ ...opened, arrivedAt: '2026-12-06T08:00' }, 'Asia/Shanghai').errors).toEqual({ leftAt: 'checkin.errors.bothScene' });
    expect(checkinRequest({ ...opened, leftAt: '2026-12-06T08:00' }, 'Asia/Shanghai').errors).toEqual({ arrivedAt: 'checkin.errors.bothScene' });
    expect(checkinRequest({ ...opened, arrivedAt: '2026-12-06T08:00', leftAt: '2026-12-06T07:00' }, 'Asia/Shanghai').errors).toEqual({ leftAt: 'checkin.errors.leftBeforeArrived' });
    expect(checkinRequest({ ...opened, deviceSerial: '' }, 'Asia/Shanghai').errors).toEqual({ deviceSerial: 'checkin.errors.device' });
  });
});
