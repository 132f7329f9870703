import { describe, expect, it } from 'vitest';
import { parseStationClockText } from '../../src-main/core/clock-drift/station-clock-code.js';
import { clockFace, stationClockText } from '../../src-renderer/features/calibration/clock-code.js';
import { amountPhrase, describeDrift, driftKey, signedSeconds } from '../../src-renderer/format/drift.js';
import { missingNumbers } from '../../src-renderer/features/ingests/findings.js';
import { stationTimeFormatter } from '../../src-renderer/format/station-time.js';

describe('clock drift in words', () => {
  it('says fast for a clock ahead and slow for one behind, down to the second', () => {
    expect(describeDrift(137, 'calibration-clip')).toEqual({
      kind: 'fast',
      basis: 'calibration-clip',
      atLeast: false,
      amount: { key: 'drift.amount.ms', values: { minutes: 2, seconds: 17 } },
    });
    expect(describeDrift(-3.4, 'gps')).toEqual({ kind: 'slow', basis: 'gps', atLeast: false, amount: { key: 'drift.amount.s', values: { seconds: 3 } } });
    expect(describeDrift(-(8 * 3600 + 5), 'gps')).toMatchObject({ kind: 'slow', amount: { key: 'drift.amount.hms', values: { hours: 8, minutes: 0, seconds: 5 } } });
  });

  it('says "at least" when the only basis is the station clock at plug-in, a lower bound', () => {
    const description = describeDrift(297, 'station-clock');
    expect(description).toMatchObject({ kind: 'fast', atLeast: true });
    expect(driftKey(description)).toBe('drift.fastAtLeast');
    expect(driftKey(describeDrift(137, 'calibration-clip'))).toBe('drift.fast');
    expect(driftKey(describeDrift(-137, 'gps'))).toBe('drift.slow');
  });

  it('calls under half a second on time, and anything without a basis unknown', () => {
    expect(describeDrift(0.4, 'calibration-clip')).toEqual({ kind: 'on-time', basis: 'calibration-clip' });
    expect(describeDrift(-0.49, 'gps')).toEqual({ kind: 'on-time', basis: 'gps' });
    expect(describeDrift(0.5, 'gps')).toMatchObject({ kind: 'fast' });
    expect(describeDrift(null, null)).toEqual({ kind: 'unknown' });
    expect(describeDrift(12, null)).toEqual({ kind: 'unknown' });
    expect(describeDrift(null, 'gps')).toEqual({ kind: 'unknown' });
    expect(driftKey({ kind: 'unknown' })).toBe('drift.unknown');
    expect(driftKey({ kind: 'on-time', basis: 'gps' })).toBe('drift.onTime');
  });

  it('writes lengths and signed drifts for tables', () => {
    expect(amountPhrase(88)).toEqual({ key: 'drift.amount.ms', values: { minutes: 1, seconds: 28 } });
    expect(amountPhrase(59.6)).toEqual({ key: 'drift.amount.ms', values: { minutes: 1, seconds: 0 } });
    expect(amountPhrase(-7)).toEqual({ key: 'drift.amount.s', values: { seconds: 7 } });
    expect(signedSeconds(136.7)).toBe('+137 s');
    expect(signedSeconds(-3)).toBe('−3 s');
    expect(signedSeconds(0.2)).toBe('0 s');
    expect(signedSeconds(null)).toBe('—');
  });

  it('lists a few missing sequence numbers and counts the rest', () => {
    expect(missingNumbers([4, 2, 3])).toEqual({ list: '2, 3, 4', more: 0 });
    expect(missingNumbers(Array.from({ length: 20 }, (_, i) => i + 10), 3)).toEqual({ list: '10, 11, 12', more: 17 });
  });
});

describe('the calibration screen text', () => {
  it('is exactly what the station reads back out of the footage', () => {
    const at = Date.UTC(2026, 10, 26, 0, 30, 15, 250);
    expect(stationClockText(at)).toBe('STATION-CLOCK 2026-11-26T00:30:15.250Z');
    expect(parseStationClockText(stationClockText(at))).toBe(at);
    expect(parseStationClockText(stationClockText(at + 999))).toBe(at + 999);
  });

  it('shows the same moment in the station zone, to the tenth of a second', () => {
    const format = stationTimeFormatter('Asia/Shanghai');
    expect(clockFace(Date.UTC(2026, 10, 26, 0, 30, 15, 250), format)).toEqual({ date: '2026-11-26', time: '08:30:15.2' });
    expect(clockFace(Date.UTC(2026, 11, 31, 15, 59, 59, 999), format)).toEqual({ date: '2026-12-31', time: '23:59:59.9' });
    expect(clockFace(Date.UTC(2026, 11, 31, 16, 0, 0, 0), format)).toEqual({ date: '2027-01-01', time: '00:00:00.0' });
  });
});
