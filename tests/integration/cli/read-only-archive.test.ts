import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport, Recording } from '../../../src-main/contract/index.js';
import { makeFile, makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';

/**
 * A read-only bind mount stands for write-protected media: even root cannot write there, which
 * chmod alone would not ensure. Mounting needs root; under CI it must run, not skip.
 */
function whyNotHere(): string | null {
  if (process.getuid?.() === 0) return null;
  const reason = 'a read-only bind mount needs root (chmod alone does not stop root, so it cannot stand in)';
  if (process.env.CI === 'true') throw new Error(`${reason} (CI=true: this test must run, not skip)`);
  return reason;
}
const skipReason = whyNotHere();

describe.skipIf(skipReason !== null)(`an archive on a read-only mount${skipReason ? ` (skipped: ${skipReason})` : ''}`, () => {
  let root: string;
  let data: string;
  let readOnly: string;
  let report: IngestReport;
  let listedWritable: Recording[];

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'station-read-only-'));
    data = join(root, 'data');
    readOnly = join(root, 'write-protected');
    makeVideo(join(root, 'card', 'DCIM', '1234567_012345_20261126083015_0001.MP4'), { seconds: 1, seed: 2 });
    makeFile(join(root, 'card', 'DCIM', '1234567_012345_20261126084015_0002.MP4'), 40_000, 3);
    report = runCliJson<IngestReport>(data, ['ingest', join(root, 'card')]).json;
    listedWritable = runCliJson<Recording[]>(data, ['recordings']).json;
    mkdirSync(readOnly);
    execFileSync('mount', ['--bind', '-o', 'ro', data, readOnly]);
  });

  afterAll(() => {
    if (readOnly && spawnSync('mountpoint', ['-q', readOnly]).status === 0) execFileSync('umount', [readOnly]);
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('is really read-only, even to root', () => {
    expect(() => writeFileSync(join(readOnly, 'probe'), 'x')).toThrow(/EROFS/);
  });

  it('lists every recording, as on the writable folder', () => {
    const listed = runCliJson<Recording[]>(readOnly, ['recordings']);
    expect(listed.stderr).toBe('');
    expect(listed.status).toBe(0);
    expect(listed.json).toHaveLength(2);
    expect(listed.json).toEqual(listedWritable.map((recording) => ({ ...recording, archivePath: recording.archivePath.replace(data, readOnly) })));
  });

  it('lists the import history too', () => {
    const history = runCliJson<{ state: string }[]>(readOnly, ['ingests']);
    expect(history.status).toBe(0);
    expect(history.json.map((ingest) => ingest.state)).toEqual(['completed']);
  });

  it('verifies the archive, and still finds a file altered behind the mount', () => {
    const intact = runCliJson<{ checked: number; problems: unknown[] }>(readOnly, ['verify']);
    expect(intact).toMatchObject({ status: 0, json: { checked: 2, problems: [] } });

    // The bind mount shows the folder beneath it: change a file there, as a disk fault would.
    const archived = report.files[1]!.archivePath!;
    chmodSync(archived, 0o644);
    writeFileSync(archived, 'not what was recorded');
    const altered = runCliJson<{ checked: number; problems: { path: string; problem: string }[] }>(readOnly, ['verify']);
    expect(altered.status).toBe(1);
    expect(altered.json.problems).toEqual([{ path: expect.stringContaining('0002.MP4') as string, problem: 'altered' }]);
  });

  it('reads what is still in the write-ahead log while a station holds the folder open', () => {
    // A station on the writable side keeps station.db-wal and -shm beside the file; its last
    // change is in the log, not yet in station.db.
    const station = new BetterSqlite3(join(data, 'station.db'));
    try {
      station.pragma('wal_autocheckpoint = 0');
      station.prepare('UPDATE recordings SET officer_number = ? WHERE id = (SELECT min(id) FROM recordings)').run('654321');
      expect(existsSync(join(readOnly, 'station.db-wal'))).toBe(true);
      const listed = runCliJson<Recording[]>(readOnly, ['recordings']);
      expect(listed.status).toBe(0);
      expect(listed.json.map((recording) => recording.officerNumber)).toContain('654321');
    } finally {
      station.close();
    }
  });

  it('refuses, rather than miss them, changes left in a write-ahead log it cannot open', () => {
    // A copy taken while a station had changes in station.db-wal, without the -shm file that
    // would let SQLite read them on a read-only mount.
    const copy = join(root, 'copy');
    const copyMount = join(root, 'copy-write-protected');
    mkdirSync(copy);
    mkdirSync(copyMount);
    const station = new BetterSqlite3(join(data, 'station.db'));
    try {
      station.pragma('wal_autocheckpoint = 0');
      station.prepare('UPDATE recordings SET officer_number = ? WHERE id = (SELECT max(id) FROM recordings)').run('111111');
      for (const file of ['station.db', 'station.db-wal']) copyFileSync(join(data, file), join(copy, file));
    } finally {
      station.close();
    }
    execFileSync('mount', ['--bind', '-o', 'ro', copy, copyMount]);
    try {
      const refused = runCli(copyMount, ['recordings', '--json']);
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('station.db-wal holds changes that cannot be read on a read-only folder');
    } finally {
      execFileSync('umount', [copyMount]);
    }
  });

  it('prints an ingest receipt to a writable place', () => {
    const out = join(root, 'receipt.pdf');
    const printed = runCliJson<{ ingestId: string; path: string }>(readOnly, ['receipt', report.ingestId, '--out', out]);
    expect(printed.status).toBe(0);
    expect(existsSync(out)).toBe(true);
  });

  it.each([
    ['ingest', ['ingest', 'card']],
    ['device', ['device', 'add', '--serial', '7654321', '--type', 'body-camera']],
  ])('refuses %s, which writes, in one sentence in Chinese and one in English', (command, args) => {
    const before = readdirSync(join(readOnly, 'archive'));
    const refused = runCli(readOnly, args.map((arg) => (arg === 'card' ? join(root, 'card') : arg)));
    expect(refused.status).toBe(2);
    const lines = refused.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `station: 数据目录 ${readOnly} 无法写入（写保护的介质，或没有写权限），${command} 需要写入，未执行；只读的归档仍可用 recordings、ingests、verify 和 receipt 查看和校验。`,
    );
    expect(lines[1]).toMatch(new RegExp(`^station: the data folder ${readOnly} cannot be written \\(write-protected media, or no permission\\), so ${command}, which writes`));
    expect(readdirSync(join(readOnly, 'archive'))).toEqual(before);
  });
});
