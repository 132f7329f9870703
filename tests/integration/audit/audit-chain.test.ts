import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow, AuditVerifyReport, Device } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const clerk = { name: 'wang', role: 'clerk' } as const;

/** A data folder with a few audited changes: a device, an ingest, a setting, a recording viewed. */
async function auditedFolder(name: string): Promise<string> {
  const root = tempDir(name);
  const data = join(root, 'data');
  makeVideo(join(root, 'card/DCIM/7654321_123456_20261126083015_0001.MP4'), { seed: 1, seconds: 1 });
  expect(runCliJson<Device>(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).status).toBe(0);
  expect(runCli(data, ['ingest', join(root, 'card')]).status).toBe(0);
  const station = await openStation({ dataDir: data });
  try {
    expect((await station.call('settings.update', { driftToleranceSeconds: 45 }, { name: 'zhao', role: 'admin' })).ok).toBe(true);
    expect((await station.call('recordings.get', { id: 1 }, clerk)).ok).toBe(true);
  } finally {
    await station.close();
  }
  return data;
}

/** Another program editing the table behind the station's back: the triggers dropped first. */
function tamper(data: string, sql: string): void {
  const db = new Database(join(data, 'station.db'));
  try {
    db.exec('DROP TRIGGER IF EXISTS audit_log_no_update; DROP TRIGGER IF EXISTS audit_log_no_delete;');
    db.exec('DROP TRIGGER IF EXISTS audit_checkpoints_no_update; DROP TRIGGER IF EXISTS audit_checkpoints_no_delete;');
    db.exec(sql);
  } finally {
    db.close();
  }
}

const verify = (data: string) => runCliJson<AuditVerifyReport>(data, ['audit', 'verify']);

describe('the audit chain', () => {
  it('records every change and every view of evidence, chained, and proves itself intact', async () => {
    const data = await auditedFolder('audit-intact');
    const rows = runCliJson<AuditRow[]>(data, ['audit', 'list']).json;
    expect(rows.map((row) => [row.seq, row.action, row.object])).toEqual([
      [1, 'devices.add', 'device:1'],
      [2, 'ingest.start', expect.stringMatching(/^ingest:/)],
      [3, 'ingest.finish', expect.stringMatching(/^ingest:/)],
      [4, 'settings.update', 'setting'],
      [5, 'recordings.get', 'recording:1'],
    ]);
    expect(rows[3]).toMatchObject({ actor: 'zhao', role: 'admin', details: { kind: 'change', input: { driftToleranceSeconds: 45 } } });
    expect(rows[4]).toMatchObject({ actor: 'wang', role: 'clerk', details: { kind: 'view' } });
    expect(rows[2]?.details).toMatchObject({ state: 'completed', totals: { archived: 1 } });
    expect(new Set(rows.map((row) => row.hash)).size).toBe(5);
    expect(runCliJson<AuditRow[]>(data, ['audit', 'list', '--since', '3']).json.map((row) => row.seq)).toEqual([4, 5]);

    const intact = verify(data);
    expect(intact.status).toBe(0);
    // Each station process signed the head when it stopped.
    expect(intact.json).toMatchObject({ rows: 5, ok: true, problems: [] });
    expect(intact.json.checkpoints).toBeGreaterThanOrEqual(2);
  }, 120_000);

  it('writes no row for a change that did not happen: the row and the change share one transaction', async () => {
    const data = join(tempDir('audit-refused'), 'data');
    const station = await openStation({ dataDir: data });
    try {
      expect((await station.call('devices.add', { type: 'body-camera', serial: '7654321' }, clerk)).ok).toBe(true);
      const again = await station.call('devices.add', { type: 'body-camera', serial: '7654321' }, clerk);
      expect(again.ok).toBe(false);
      const rows = await station.call('audit.list', {}, { name: 'sun', role: 'auditor' });
      expect(rows.ok && rows.value.map((row) => row.action)).toEqual(['devices.add']);
      // Who may read it: the auditor, the head and the admin; not the clerk.
      expect(await station.call('audit.list', {}, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    } finally {
      await station.close();
    }
  });

  it('signs a checkpoint of the head every hundred rows, without waiting for the station to stop', async () => {
    const data = join(tempDir('audit-checkpoints'), 'data');
    const station = await openStation({ dataDir: data });
    try {
      for (let n = 0; n < 100; n += 1) {
        expect((await station.call('devices.add', { type: 'body-camera', serial: `S${String(n).padStart(6, '0')}` }, clerk)).ok).toBe(true);
      }
      const report = await station.call('audit.verify', {}, clerk);
      expect(report.ok && report.value).toEqual({ rows: 100, checkpoints: 1, ok: true, problems: [] });
    } finally {
      await station.close();
    }
  });

  it('refuses to change or remove a row, even to a second connection', async () => {
    const data = await auditedFolder('audit-append-only');
    const db = new Database(join(data, 'station.db'));
    try {
      expect(() => db.prepare("UPDATE audit_log SET actor = 'someone' WHERE seq = 1").run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_log WHERE seq = 5').run()).toThrow(/append-only/);
      expect(() => db.prepare('DELETE FROM audit_checkpoints').run()).toThrow(/append-only/);
    } finally {
      db.close();
    }
    expect(verify(data).json.ok).toBe(true);
  }, 120_000);

  it.each([
    ['an edited detail', `UPDATE audit_log SET details_json = '{"kind":"change","input":{"driftToleranceSeconds":3600}}' WHERE seq = 4`, [{ seq: 4, problem: 'altered' }]],
    ['a deleted row', 'DELETE FROM audit_log WHERE seq = 3', [{ seq: 3, problem: 'missing' }]],
    [
      'a swapped pair',
      'UPDATE audit_log SET seq = -2 WHERE seq = 2; UPDATE audit_log SET seq = 2 WHERE seq = 3; UPDATE audit_log SET seq = 3 WHERE seq = -2',
      // Every row from the swap on is out of its place in the chain.
      [
        { seq: 2, problem: 'reordered' },
        { seq: 3, problem: 'reordered' },
        { seq: 4, problem: 'reordered' },
      ],
    ],
    [
      'a row added by hand',
      `INSERT INTO audit_log (seq, at, actor, role, action, object, details_json, prev_hash, hash) VALUES (6, 1, 'x', 'admin', 'devices.add', 'device', '{}', '${'a'.repeat(64)}', '${'b'.repeat(64)}')`,
      [{ seq: 6, problem: 'inserted' }],
    ],
    ['the chain cut short below a signed checkpoint', 'DELETE FROM audit_log WHERE seq >= 4', [{ seq: 5, problem: 'truncated' }]],
    ['a forged checkpoint', "UPDATE audit_checkpoints SET hash = replace(hash, substr(hash, 1, 1), 'f')", 'bad-signature'],
  ] as const)('finds %s', async (_what, sql, expected) => {
    const data = await auditedFolder('audit-tampered');
    tamper(data, sql);
    const report = verify(data);
    expect(report.status).toBe(1);
    expect(report.json.ok).toBe(false);
    if (typeof expected === 'string') expect(report.json.problems.map((p) => p.problem)).toContain(expected);
    else expect(report.json.problems).toEqual(expected);
  }, 120_000);
});
