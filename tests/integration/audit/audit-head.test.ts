import Database from 'better-sqlite3';
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow, AuditVerifyReport } from '../../../src-main/contract/index.js';
import { canonicalJson } from '../../../src-main/core/audit/canonical-json.js';
import { rowHash } from '../../../src-main/core/audit/audit-store.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A data folder with one finished ingest; its bag's folder. */
function ingested(name: string): { data: string; bag: string } {
  const root = tempDir(name);
  const data = join(root, 'data');
  makeVideo(join(root, 'card/DCIM/7654321_123456_20261126083015_0001.MP4'), { seed: 3, seconds: 1 });
  expect(runCli(data, ['ingest', join(root, 'card')]).status).toBe(0);
  const [bag] = readdirSync(join(data, 'archive'));
  if (bag === undefined) throw new Error('no bag was made');
  return { data, bag: join(data, 'archive', bag) };
}

/** Another program rewriting the chain behind the station's back: triggers dropped, every checkpoint removed. */
function rewrite(data: string, change: (db: Database.Database) => void): void {
  const db = new Database(join(data, 'station.db'));
  try {
    db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete; DROP TRIGGER audit_checkpoints_no_delete;');
    db.exec('DELETE FROM audit_checkpoints');
    change(db);
  } finally {
    db.close();
  }
}

const verify = (data: string) => runCliJson<AuditVerifyReport>(data, ['audit', 'verify']);

describe("a bag's Audit-Head", () => {
  it("names the chain's head as the bag was finished: the ingest's start row, not its finish row", () => {
    const { data, bag } = ingested('audit-head');
    const rows = runCliJson<AuditRow[]>(data, ['audit', 'list']).json;
    expect(rows.map((row) => row.action)).toEqual(['ingest.start', 'ingest.finish']);
    const start = rows[0];
    expect(readFileSync(join(bag, 'bag-info.txt'), 'utf8')).toContain(`\nAudit-Head: 1 ${start?.hash}\n`);
    // The tag manifest covers bag-info with the head in it: the standard tool and the station agree.
    expect(execFileSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: bag, encoding: 'utf8' })).toContain('bag-info.txt: OK');
    expect(runCli(data, ['verify']).status).toBe(0);
    expect(verify(data).json).toMatchObject({ rows: 2, ok: true, problems: [] });
  }, 120_000);

  it('finds the log cut short below a bag, with no checkpoint left to say so', () => {
    const { data } = ingested('audit-head-truncated');
    rewrite(data, (db) => db.exec('DELETE FROM audit_log'));
    const report = verify(data);
    expect(report.status).toBe(1);
    expect(report.json).toEqual({ rows: 0, checkpoints: 0, ok: false, problems: [{ seq: 1, problem: 'truncated' }] });
  }, 120_000);

  it('finds a chain rewritten whole from the bag on: every hash recomputed, yet not the row the bag saw', () => {
    const { data } = ingested('audit-head-rewritten');
    rewrite(data, (db) => {
      const first = db.prepare('SELECT * FROM audit_log WHERE seq = 1').get() as { at: number; actor: string; role: string; action: string; object: string };
      db.exec('DELETE FROM audit_log');
      // The same start, claimed for someone else, hashed properly: the chain alone cannot tell.
      const entry = { at: first.at, actor: 'someone-else', role: first.role, action: first.action, object: first.object, details: {} };
      const hash = rowHash('0'.repeat(64), 1, entry);
      db.prepare('INSERT INTO audit_log (seq, at, actor, role, action, object, details_json, prev_hash, hash) VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?)').run(
        entry.at, entry.actor, entry.role, entry.action, entry.object, canonicalJson(entry.details), '0'.repeat(64), hash,
      );
    });
    const report = verify(data);
    expect(report.status).toBe(1);
    expect(report.json).toEqual({ rows: 1, checkpoints: 0, ok: false, problems: [{ seq: 1, problem: 'altered' }] });
  }, 120_000);
});
