import { describe, expect, it } from 'vitest';
import { InterruptionReason, type SessionStatus, type UncoveredGap, type WorkRecord } from '../../src-main/contract/index.js';
import {
  actionsFor,
  emptyValues,
  interruptionReasons,
  mayAddWorkRecord,
  submittedFirst,
  valuesFromGap,
  workRecordRequest,
} from '../../src-renderer/features/workrecords/work-record-view.js';
import zh from '../../src-renderer/i18n/zh-CN.json' with { type: 'json' };
import { signedIn } from './renderer-fixtures.js';

const zone = 'Asia/Shanghai';

const open: SessionStatus = { state: 'open', person: null, idleLockMinutes: 15 };

const record = (id: number, state: WorkRecord['state'], submittedAt: string): WorkRecord => ({
  id,
  state,
  device: { id: 1, serial: 'SN1', name: null },
  officer: null,
  checkoutId: null,
  from: '2026-12-06T01:00:00.000Z',
  to: '2026-12-06T01:05:00.000Z',
  reason: 'fault',
  explanation: '电量不足',
  basis: null,
  gapFinding: null,
  submittedBy: '李内勤',
  submittedAt,
  decidedBy: null,
  decidedAt: null,
  decisionReason: null,
  statementSha256: null,
  filedBy: null,
  filedAt: null,
});

describe('the work record form', () => {
  it('offers the four Art. 12 reasons, named in Chinese as the regulation does', () => {
    expect([...interruptionReasons].sort()).toEqual([...InterruptionReason.options].sort());
    expect(interruptionReasons.map((reason) => zh.workRecords.reason[reason])).toEqual([
      '设备故障、损坏、电量或存储空间不足',
      '天气等自然原因',
      '当事人或他人阻挠',
      '其他不可抗力',
    ]);
  });

  it('says what is missing: the device, whole times, an end after the start, an explanation', () => {
    expect(workRecordRequest(emptyValues(), zone)).toEqual({
      errors: { deviceSerial: 'workRecords.errors.device', from: 'workRecords.errors.time', to: 'workRecords.errors.time', explanation: 'workRecords.errors.explanation' },
      request: null,
    });
    const backwards = { ...emptyValues(), deviceSerial: 'SN1', from: '2026-12-06T09:10', to: '2026-12-06T09:00', explanation: 'x' };
    expect(workRecordRequest(backwards, zone).errors).toEqual({ to: 'workRecords.errors.toBeforeFrom' });
  });

  it('sends station-clock times as instants, trims the text and leaves empty optional fields out', () => {
    const values = { ...emptyValues(), deviceSerial: 'SN1', from: '2026-12-06T09:00', to: '2026-12-06T09:05', reason: 'weather' as const, explanation: ' 暴雨 ', basis: '  ' };
    expect(workRecordRequest(values, zone).request).toEqual({
      deviceSerial: 'SN1',
      from: '2026-12-06T01:00:00.000Z',
      to: '2026-12-06T01:05:00.000Z',
      reason: 'weather',
      explanation: '暴雨',
    });
    expect(workRecordRequest({ ...values, basis: '气象预警', officerNumber: ' 010203 ' }, zone).request).toMatchObject({ basis: '气象预警', officerNumber: '010203' });
  });

  it('prefills a detected gap’s device and span, widened to whole minutes so it still covers the pause', () => {
    const gap: UncoveredGap = {
      findingId: 7,
      ingestId: 'i1',
      from: '2026-12-06T01:00:30.000Z',
      to: '2026-12-06T01:04:10.000Z',
      gapSeconds: 220,
      device: { id: 1, serial: 'SN1', name: 'DSJ' },
      officer: '张警官',
      checkoutId: 3,
      source: null,
      previous: null,
    };
    const values = valuesFromGap(gap, zone);
    expect(values).toMatchObject({ deviceSerial: 'SN1', from: '2026-12-06T09:00', to: '2026-12-06T09:05' });
    expect(valuesFromGap({ ...gap, from: null, device: null }, zone)).toMatchObject({ deviceSerial: '', from: '' });
  });
});

describe('who may do what', () => {
  it('lets only the head decide a submitted record, and the clerk, lead, head or admin file an approved one', () => {
    expect(actionsFor({ state: 'submitted' }, signedIn('head'))).toEqual({ decide: true, file: false });
    expect(actionsFor({ state: 'submitted' }, signedIn('lead', 'clerk'))).toEqual({ decide: false, file: false });
    expect(actionsFor({ state: 'approved' }, signedIn('clerk'))).toEqual({ decide: false, file: true });
    expect(actionsFor({ state: 'approved' }, signedIn('auditor'))).toEqual({ decide: false, file: false });
    expect(actionsFor({ state: 'filed' }, signedIn('admin', 'head'))).toEqual({ decide: false, file: false });
    expect(actionsFor({ state: 'submitted' }, open)).toEqual({ decide: true, file: false });
  });

  it('offers the form to the filers and not to the head or the auditor alone', () => {
    expect(mayAddWorkRecord(signedIn('clerk'))).toBe(true);
    expect(mayAddWorkRecord(signedIn('head'))).toBe(false);
    expect(mayAddWorkRecord(signedIn('auditor'))).toBe(false);
    expect(mayAddWorkRecord(open)).toBe(true);
  });

  it('lists the records waiting for the head first, newest first within each part', () => {
    const sorted = submittedFirst([
      record(1, 'approved', '2026-12-06T05:00:00.000Z'),
      record(2, 'submitted', '2026-12-05T05:00:00.000Z'),
      record(3, 'filed', '2026-12-06T06:00:00.000Z'),
      record(4, 'submitted', '2026-12-06T01:00:00.000Z'),
    ]);
    expect(sorted.map((r) => r.id)).toEqual([4, 2, 3, 1]);
  });
});
