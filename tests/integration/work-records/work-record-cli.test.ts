import { execFileSync } from 'node:child_process';
import { createHash, verify } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { UncoveredGap, WorkRecord } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { as, officeAccounts, runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Refusal = { error: { code: string; message: string } };

const password = 'a password 123';
const env = { STATION_PASSWORD: password, STATION_NEW_PASSWORD: password };

/** An office with accounts: an admin, a clerk (内勤), the head (主要领导), and an officer without one. */
function office(data: string): void {
  officeAccounts(data, env, [
    ['赵管理', 'admin', 'admin1'],
    ['王内勤', 'clerk', 'clerk1'],
    ['刘局长', 'head', 'head1'],
  ]);
  expect(runCli(data, as('admin1', ['person', 'add', '--name', '李执法', '--officer-number', '012345', '--roles', 'officer']), env).status).toBe(0);
  expect(runCli(data, as('admin1', ['device', 'add', '--serial', '7654321', '--type', 'body-camera']), env).status).toBe(0);
}

/** The recorder out from 08:00 to 12:00, on scene 08:20–09:30; its card has two clips with a half-hour pause between them. */
function checkOutAndIngest(root: string, data: string): number {
  const out = runCliJson<{ checkoutId: number }>(
    data,
    as('clerk1', ['checkout', '--device', '7654321', '--officer', '012345', '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', '2026-11-26T08:00:00+08:00']),
    env,
  );
  expect(out.status).toBe(0);
  const back = runCli(
    data,
    as('clerk1', ['checkin', '--device', '7654321', '--at', '2026-11-26T12:00:00+08:00', '--arrived', '2026-11-26T08:20:00+08:00', '--left', '2026-11-26T09:30:00+08:00']),
    env,
  );
  expect(back.status).toBe(0);
  const dcim = join(root, 'card/DCIM');
  makeVideo(join(dcim, '7654321_012345_20261126083015_0001.MP4'), { seed: 1, seconds: 2, creationTime: '2026-11-26T00:30:15Z' });
  makeVideo(join(dcim, '7654321_012345_20261126090000_0002.MP4'), { seed: 2, seconds: 2, creationTime: '2026-11-26T01:00:00Z' });
  expect(runCli(data, as('clerk1', ['ingest', join(root, 'card')]), env).status).toBe(0);
  return out.json.checkoutId;
}

describe('station workrecord: interruption work records (Art. 12)', () => {
  it('is written by the clerk against a detected pause, approved and signed by the head, filed, and printed', () => {
    const root = tempDir('work-record-cli');
    const data = join(root, 'data');
    office(data);
    const checkoutId = checkOutAndIngest(root, data);

    const gaps = runCliJson<UncoveredGap[]>(data, as('clerk1', ['workrecord', 'gaps']), env);
    expect(gaps.status).toBe(0);
    const pause = gaps.json.find((gap) => gap.previous?.endsWith('_0001.MP4') && gap.source?.endsWith('_0002.MP4'));
    expect(pause).toMatchObject({ device: { serial: '7654321' }, officer: '李执法', checkoutId, gapSeconds: 1783 });

    const explanation = '电池电量耗尽，更换备用电池后继续记录';
    const added = runCliJson<WorkRecord>(
      data,
      as('clerk1', [
        'workrecord', 'add', '--device', '7654321', '--from', '2026-11-26T08:30:20+08:00', '--to', '2026-11-26T08:59:55+08:00',
        '--reason', 'fault', '--explanation', explanation, '--basis', '设备故障报告',
      ]),
      env,
    );
    expect(added.status).toBe(0);
    expect(added.json).toMatchObject({
      state: 'submitted',
      device: { serial: '7654321' },
      officer: { name: '李执法', officerNumber: '012345' },
      checkoutId,
      reason: 'fault',
      explanation,
      basis: '设备故障报告',
      gapFinding: { findingId: pause!.findingId, ingestId: pause!.ingestId, gapSeconds: 1783 },
      submittedBy: '王内勤',
      statementSha256: null,
    });
    const id = added.json.id;
    // The pause it explains no longer needs a record; the others still do.
    const after = runCliJson<UncoveredGap[]>(data, as('clerk1', ['workrecord', 'gaps']), env).json;
    expect(after.map((gap) => gap.findingId)).not.toContain(pause!.findingId);
    expect(after).toHaveLength(gaps.json.length - 1);

    // Only the head decides: the clerk is refused for who they are.
    expect(runCliJson<Refusal>(data, as('clerk1', ['workrecord', 'approve', String(id)]), env)).toMatchObject({ status: 3, json: { error: { code: 'forbidden' } } });
    // Filing waits for the approval.
    expect(runCliJson<Refusal>(data, as('clerk1', ['workrecord', 'file', String(id)]), env)).toMatchObject({ status: 1, json: { error: { code: 'invalid-input' } } });

    const approved = runCliJson<WorkRecord>(data, as('head1', ['workrecord', 'approve', String(id)]), env);
    expect(approved.status).toBe(0);
    expect(approved.json).toMatchObject({ id, state: 'approved', decidedBy: '刘局长' });
    expect(approved.json.statementSha256).toMatch(/^[0-9a-f]{64}$/);
    // A decided record is not decided again.
    expect(runCliJson<Refusal>(data, as('head1', ['workrecord', 'reject', String(id), '--reason', '改判']), env)).toMatchObject({ status: 1 });

    // The stored signature verifies against the head's public key, over the statement whose hash the record shows.
    const db = new Database(join(data, 'station.db'), { readonly: true });
    try {
      const stored = db.prepare('SELECT statement, statement_sha256, signature, key_id FROM work_records WHERE id = ?').get(id) as Record<string, string>;
      const key = db.prepare('SELECT k.public_key_pem, p.name FROM signing_keys k JOIN people p ON p.id = k.person_id WHERE k.id = ?').get(stored.key_id) as Record<string, string>;
      expect(key.name).toBe('刘局长');
      expect(verify(null, Buffer.from(stored.statement!, 'utf8'), key.public_key_pem!, Buffer.from(stored.signature!, 'base64'))).toBe(true);
      expect(createHash('sha256').update(stored.statement!).digest('hex')).toBe(approved.json.statementSha256);
      const statement = JSON.parse(stored.statement!) as Record<string, unknown>;
      expect(statement).toMatchObject({
        type: 'work-record-decision',
        version: 1,
        workRecordId: id,
        decision: 'approved',
        record: { explanation, reason: 'fault', gapFindingId: pause!.findingId },
        signer: { name: '刘局长', role: 'head', keyId: stored.key_id },
      });
    } finally {
      db.close();
    }

    const filed = runCliJson<WorkRecord>(data, as('clerk1', ['workrecord', 'file', String(id)]), env);
    expect(filed).toMatchObject({ status: 0, json: { id, state: 'filed', filedBy: '王内勤' } });

    // The ledger changing again attributes the card again: the pause the record names stays linked.
    const again = runCli(
      data,
      as('clerk1', ['checkout', '--device', '7654321', '--officer', '012345', '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', '2026-11-26T13:00:00+08:00']),
      env,
    );
    expect(again.status, again.stderr).toBe(0);
    const listed = runCliJson<WorkRecord[]>(data, as('clerk1', ['workrecord', 'list']), env);
    expect(listed.status).toBe(0);
    expect(listed.json).toEqual([expect.objectContaining({ id, state: 'filed', gapFinding: expect.objectContaining({ findingId: pause!.findingId }) })]);
    expect(runCliJson<UncoveredGap[]>(data, as('clerk1', ['workrecord', 'gaps']), env).json).toHaveLength(gaps.json.length - 1);

    const pdf = join(root, 'work-record.pdf');
    expect(runCli(data, as('clerk1', ['workrecord', 'form', String(id), '--out', pdf]), env).status).toBe(0);
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    for (const words of ['执法记录仪中断记录工作记录', '设备编号', '7654321', '李执法', '中断原因', '情况说明', '依据', '设备故障报告', '审核结果', '刘局长',
      '填报人签名', '执法队负责人签名', '单位主要领导签名', '日期', approved.json.statementSha256!]) {
      expect(text).toContain(words);
    }
    expect(text.replace(/\s+/g, '')).toContain(explanation);
  });

  it('refuses what it cannot record, and a rejection needs a reason', () => {
    const root = tempDir('work-record-refusals');
    const data = join(root, 'data');
    office(data);
    const add = (extra: string[]) =>
      runCliJson<WorkRecord & Refusal>(
        data,
        as('clerk1', ['workrecord', 'add', '--reason', 'weather', '--explanation', '暴雨', '--from', '2026-11-26T10:00:00+08:00', ...extra]),
        env,
      );
    expect(add(['--device', 'NOPE', '--to', '2026-11-26T10:10:00+08:00'])).toMatchObject({ status: 1, json: { error: { code: 'not-found' } } });
    expect(add(['--device', '7654321', '--to', '2026-11-26T09:00:00+08:00'])).toMatchObject({ status: 1, json: { error: { code: 'invalid-input' } } });
    expect(add(['--device', '7654321', '--to', '2026-11-26T10:10:00+08:00', '--officer', '999999'])).toMatchObject({ status: 1, json: { error: { code: 'unknown-officer' } } });
    const made = add(['--device', '7654321', '--to', '2026-11-26T10:10:00+08:00', '--officer', '012345']);
    // Not out to anyone then, no detected pause: the officer named, no check-out, no finding.
    expect(made.json).toMatchObject({ state: 'submitted', officer: { name: '李执法' }, checkoutId: null, gapFinding: null });
    const id = String(made.json.id);
    expect(runCliJson<Refusal>(data, as('head1', ['workrecord', 'reject', id]), env)).toMatchObject({ status: 1, json: { error: { code: 'invalid-input' } } });
    expect(runCliJson<WorkRecord>(data, as('head1', ['workrecord', 'reject', id, '--reason', '依据不足']), env)).toMatchObject({
      status: 0,
      json: { state: 'rejected', decisionReason: '依据不足' },
    });
    expect(runCliJson<Refusal>(data, as('clerk1', ['workrecord', 'file', id]), env)).toMatchObject({ status: 1, json: { error: { code: 'invalid-input' } } });
    // The form goes under the data folder's exports/ unless told otherwise.
    const form = runCliJson<{ path: string }>(data, as('head1', ['workrecord', 'form', id]), env);
    expect(form.status).toBe(0);
    expect(form.json.path.startsWith(join(data, 'exports'))).toBe(true);
  });
});
