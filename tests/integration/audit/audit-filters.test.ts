import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../../../src-main/contract/index.js';
import { appendAuditRow } from '../../../src-main/core/audit/audit-store.js';
import { openStation } from '../../../src-main/core/station.js';
import { cliEntry, runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const auditor = { name: 'sun', role: 'auditor' } as const;

/** Rows by two people: wang registers three devices, zhao changes one and a setting. */
async function folderWithRows(): Promise<string> {
  const data = join(tempDir('audit-filters'), 'data');
  const station = await openStation({ dataDir: data });
  try {
    for (const serial of ['1000001', '1000002', '1000003']) {
      expect((await station.call('devices.add', { type: 'body-camera', serial }, { name: 'wang', role: 'clerk' })).ok).toBe(true);
    }
    expect((await station.call('devices.update', { id: 2, name: '二号' }, { name: 'zhao', role: 'admin' })).ok).toBe(true);
    expect((await station.call('settings.update', { driftToleranceSeconds: 40 }, { name: 'zhao', role: 'admin' })).ok).toBe(true);
  } finally {
    await station.close();
  }
  return data;
}

const list = (data: string, args: string[]) => {
  const run = runCliJson<AuditRow[]>(data, ['audit', 'list', ...args]);
  expect(run.status, run.stderr).toBe(0);
  return run.json.map((row) => row.seq);
};

describe('station audit list: narrowed by person, action, object and days', () => {
  it('filters on the command line, each filter and together, and pages newest first in the core', async () => {
    const data = await folderWithRows();
    expect(list(data, [])).toEqual([1, 2, 3, 4, 5]);
    expect(list(data, ['--actor', 'zhao'])).toEqual([4, 5]);
    expect(list(data, ['--action', 'devices.add'])).toEqual([1, 2, 3]);
    expect(list(data, ['--object', 'device:2'])).toEqual([2, 4]);
    expect(list(data, ['--object', 'device:'])).toEqual([1, 2, 3, 4]);
    expect(list(data, ['--actor', 'zhao', '--object', 'device:'])).toEqual([4]);
    expect(list(data, ['--action', 'devices.add', '--since', '1'])).toEqual([2, 3]);
    // A prefix is a prefix, not a pattern: "_" matches only "_".
    expect(list(data, ['--object', 'device_'])).toEqual([]);

    // Days in the station's zone: the day a row was written (as its time says, in that zone) holds it; the days around do not.
    const first = runCliJson<AuditRow[]>(data, ['audit', 'list']).json[0]!;
    const day = DateTime.fromISO(first.at, { setZone: true });
    const iso = (d: DateTime) => d.toISODate()!;
    expect(list(data, ['--from', iso(day), '--to', iso(day), '--since', '0', '--action', 'devices.add'])).toContain(1);
    expect(list(data, ['--to', iso(day.minus({ days: 1 }))])).toEqual([]);
    expect(list(data, ['--from', iso(day.plus({ days: 1 }))])).toEqual([]);
    const badDay = runCli(data, ['audit', 'list', '--from', '2026-13-01']);
    expect(badDay.status).toBe(2);

    // The audit page's paging: newest first, each page below the last one shown.
    const station = await openStation({ dataDir: data });
    try {
      const page = async (input: object) => {
        const answer = await station.call('audit.list', { order: 'desc', limit: 2, ...input }, auditor);
        if (!answer.ok) throw new Error(answer.error.message);
        return answer.value.map((row) => row.seq);
      };
      expect(await page({})).toEqual([5, 4]);
      expect(await page({ beforeSeq: 4 })).toEqual([3, 2]);
      expect(await page({ beforeSeq: 2 })).toEqual([1]);
      expect(await page({ beforeSeq: 4, actor: 'wang' })).toEqual([3, 2]);
    } finally {
      await station.close();
    }
  }, 120_000);

  it('prints every row of a chain longer than one answer holds', async () => {
    const data = await folderWithRows();
    // Rows as the station writes them, many more than the 10,000 one audit.list answer carries.
    const db = new Database(join(data, 'station.db'));
    try {
      db.transaction(() => {
        for (let n = 0; n < 10_050; n += 1) {
          appendAuditRow(db, { at: Date.now(), actor: n % 2 ? 'wang' : 'zhao', role: 'clerk', action: 'recordings.get', object: `recording:${n}`, details: { kind: 'view' } });
        }
      })();
    } finally {
      db.close();
    }
    // Megabytes of JSON: more than runCli's default buffer holds.
    const run = spawnSync(process.execPath, [cliEntry, '--data', data, 'audit', 'list', '--json'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(run.status, run.stderr).toBe(0);
    const all = (JSON.parse(run.stdout) as AuditRow[]).map((row) => row.seq);
    expect(all).toHaveLength(10_055);
    expect(all.at(-1)).toBe(10_055);
    expect(new Set(all).size).toBe(10_055);
    expect(list(data, ['--actor', 'wang', '--since', '10000'])).toEqual(all.filter((seq) => seq > 10_000 && seq % 2 === 1));
    expect(runCliJson(data, ['audit', 'verify']).json).toMatchObject({ rows: 10_055, ok: true });
    // The walk goes a chunk at a time: a row edited far past the first chunk is still found, and only it.
    const edit = new Database(join(data, 'station.db'));
    try {
      edit.exec("DROP TRIGGER audit_log_no_update; UPDATE audit_log SET actor = 'someone' WHERE seq = 7001");
    } finally {
      edit.close();
    }
    expect(runCliJson(data, ['audit', 'verify']).json).toMatchObject({ rows: 10_055, ok: false, problems: [{ seq: 7001, problem: 'altered' }] });
  }, 120_000);
});
