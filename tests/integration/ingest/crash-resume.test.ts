import { existsSync } from 'node:fs';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { AuditRow, AuditVerifyReport, IngestReport, VerifyReport } from '../../../src-main/contract/index.js';
import { makeFile, sha256Of } from '../../helpers/make-media.js';
import { partialCopies } from '../../helpers/partial-copies.js';
import { runCliJson, startCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('a killed ingest', () => {
  it('leaves nothing counted that is not verified, and the next run resumes without copying twice', async () => {
    const root = tempDir('crash');
    const source = join(root, 'card');
    const data = join(root, 'data');
    const names = ['a.MP4', 'b.MP4', 'c.MP4', 'd.MP4', 'e.MP4', 'f.MP4'];
    names.forEach((name, i) => makeFile(join(source, name), 96 * 1024 * 1024, i + 1));

    const child = startCli(data, ['ingest', source, '--json']);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    // Kill in the middle of a copy after at least one file is counted: a .partial beside a finished copy.
    const countArchived = () => {
      if (!existsSync(join(data, 'station.db'))) return 0;
      const db = new BetterSqlite3(join(data, 'station.db'), { readonly: true });
      try {
        return (db.prepare('SELECT COUNT(*) AS n FROM recordings').get() as { n: number }).n;
      } catch {
        return 0;
      } finally {
        db.close();
      }
    };
    let partial: string | null = null;
    for (let tries = 0; tries < 1000 && !(partial && countArchived() > 0); tries += 1) {
      await sleep(20);
      partial = partialCopies(data)[0] ?? null;
    }
    child.kill('SIGKILL');
    await exited;
    expect(partial).not.toBeNull();

    const db = new BetterSqlite3(join(data, 'station.db'), { readonly: true });
    const counted = db.prepare('SELECT archive_path AS p, sha256 FROM recordings').all() as { p: string; sha256: string }[];
    const state = (db.prepare('SELECT state FROM ingests').get() as { state: string }).state;
    db.close();
    expect(state).toBe('running');
    expect(counted.length).toBeGreaterThanOrEqual(1);
    expect(counted.length).toBeLessThan(names.length);
    for (const row of counted) expect(sha256Of(join(data, row.p))).toBe(row.sha256);

    const resumed = runCliJson<IngestReport>(data, ['ingest', source]);
    expect(resumed.status).toBe(0);
    expect(resumed.json.totals).toMatchObject({ duplicate: counted.length, archived: names.length - counted.length, failed: 0 });
    for (const file of resumed.json.files) expect(file.sha256).toBe(sha256Of(join(source, file.source)));
    expect(partialCopies(data)).toEqual([]);

    const after = new BetterSqlite3(join(data, 'station.db'), { readonly: true });
    const states = after.prepare('SELECT state FROM ingests ORDER BY started_at').all() as { state: string }[];
    after.close();
    expect(states.map((s) => s.state)).toEqual(['interrupted', 'completed']);
    const verify = runCliJson<VerifyReport>(data, ['verify']);
    expect(verify.json).toEqual({ checked: names.length, problems: [] });
    // The station, not the operator, ended the killed ingest: the chain has its finish row too.
    const audit = runCliJson<AuditRow[]>(data, ['audit', 'list']).json.map((row) => [row.action, row.actor, row.details.state ?? null]);
    expect(audit).toEqual([
      ['ingest.start', expect.any(String), null],
      ['ingest.finish', 'station', 'interrupted'],
      ['ingest.start', expect.any(String), null],
      ['ingest.finish', expect.any(String), 'completed'],
    ]);
    expect(runCliJson<AuditVerifyReport>(data, ['audit', 'verify']).json.ok).toBe(true);
  }, 180_000);
});
