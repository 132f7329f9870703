import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { IngestReport, VerifyReport } from '../../../src-main/contract/index.js';
import { openDatabase } from '../../../src-main/core/db/database.js';
import { insertIngest } from '../../../src-main/core/ingest/ingest-store.js';
import { processIdentity } from '../../../src-main/core/process/index.js';
import { makeFile } from '../../helpers/make-media.js';
import { cliEntry, runCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

async function runAll(commands: string[][]): Promise<{ status: number | null; stdout: string; stderr: string }[]> {
  return Promise.all(
    commands.map(async (args) => {
      const child = spawn(process.execPath, [cliEntry, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const [status] = (await once(child, 'exit')) as [number | null];
      return { status, stdout, stderr };
    }),
  );
}

describe('several station processes on one data folder', () => {
  const root = tempDir('shared-data');
  const others: ChildProcess[] = [];
  afterEach(() => {
    for (const child of others.splice(0)) child.kill('SIGKILL');
  });

  it('open a new folder at the same moment: each waits for the others to make the schema', async () => {
    // The race is narrow (a few milliseconds of migration): six at once, five times over, found it
    // in two rounds of five before the migrations took the write lock first.
    for (let round = 1; round <= 5; round += 1) {
      const data = join(root, `race-${round}`);
      const runs = await runAll(Array.from({ length: 6 }, () => ['--data', data, 'recordings', '--json']));
      for (const run of runs) expect(run.stderr).not.toContain('cannot open the data folder');
      expect(runs.map((run) => run.status)).toEqual([0, 0, 0, 0, 0, 0]);
    }
    // Thirty node processes: on a loaded two-core machine a round has taken 25 s.
  }, 400_000);

  it('open a new folder together: each waits for the schema, all ingest, and verify runs beside them', async () => {
    const data = join(root, 'new-folder');
    const cards = [1, 2, 3, 4].map((n) => {
      const card = join(root, `card${n}`);
      makeFile(join(card, 'DCIM', `${n}.MP4`), 64 * 1024 * n, n);
      return card;
    });
    const runs = await runAll([
      ...cards.map((card) => ['--data', data, 'ingest', card, '--json']),
      ['--data', data, 'verify', '--json'],
      ['--data', data, 'recordings', '--json'],
    ]);
    for (const run of runs) expect(run, run.stderr).toMatchObject({ status: 0 });
    const reports = runs.slice(0, 4).map((run) => JSON.parse(run.stdout) as IngestReport);
    expect(reports.map((report) => report.totals.archived)).toEqual([1, 1, 1, 1]);
    expect(reports.map((report) => report.state)).toEqual(['completed', 'completed', 'completed', 'completed']);
    const verified = JSON.parse(runCli(data, ['verify', '--json']).stdout) as VerifyReport;
    expect(verified).toEqual({ checked: 4, problems: [] });
  });

  describe("recovery of a crashed station's ingest", () => {
    /** A running ingest as a station process leaves it: owned by `pid`, started as `identity`. */
    function runningIngest(data: string, id: string, pid: number, identity: string | null): void {
      mkdirSync(join(data, 'archive', id, 'data'), { recursive: true });
      const db = openDatabase(join(data, 'station.db'));
      insertIngest(db, {
        id,
        source_path: '/media/card',
        archive_dir: `archive/${id}`,
        operator: 'test',
        station_name: 'desk',
        source_label: null,
        owner_pid: pid,
        owner_identity: identity,
        started_at: Date.now(),
        device_id: null,
        mountpoint: null,
        plugged_in_at: null,
      });
      db.close();
    }
    const stateOf = (data: string, id: string) => {
      const db = openDatabase(join(data, 'station.db'));
      try {
        return (db.prepare('SELECT state FROM ingests WHERE id = ?').get(id) as { state: string }).state;
      } finally {
        db.close();
      }
    };

    it("leaves another live station's ingest running, and takes one whose PID a new process now holds for interrupted", async () => {
      const data = join(root, 'recovery');
      mkdirSync(data, { recursive: true });
      // Stands in for a live station process: its PID and its real start.
      const live = spawn('sleep', ['60']);
      others.push(live);
      await once(live, 'spawn');
      const pid = live.pid!;
      const identity = processIdentity(pid);
      expect(identity).not.toBeNull();
      runningIngest(data, 'still-running', pid, identity);
      // The same PID, but recorded by a process that started at another moment: that one crashed.
      runningIngest(data, 'pid-reused', pid, `${identity}0`);

      expect(runCli(data, ['recordings']).status).toBe(0);
      expect(stateOf(data, 'still-running')).toBe('running');
      expect(stateOf(data, 'pid-reused')).toBe('interrupted');
    });
  });
});
