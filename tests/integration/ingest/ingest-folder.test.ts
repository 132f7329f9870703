import { execFileSync } from 'node:child_process';
import { chmodSync, linkSync, lstatSync, mkdirSync, readdirSync, readFileSync, statSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport, Recording, VerifyReport } from '../../../src-main/contract/index.js';
import { makeFile, makeVideo, sha256Of } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

function snapshot(root: string): Record<string, string> {
  const seen: Record<string, string> = {};
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      const stats = lstatSync(path);
      if (stats.isDirectory()) walk(path);
      else seen[path] = `${stats.mode}:${stats.size}:${stats.mtimeMs}:${stats.isFile() ? sha256Of(path) : 'special'}`;
    }
  };
  walk(root);
  return seen;
}

describe('ingest of a folder through the CLI', () => {
  const root = tempDir('ingest');
  const source = join(root, 'card');
  const data = join(root, 'data');
  const oldTime = new Date('2026-11-26T00:30:15Z');
  let report: IngestReport;
  let status: number | null;
  let before: Record<string, string>;

  beforeAll(() => {
    makeVideo(join(source, 'DCIM/100MEDIA/1234567_123456_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T00:30:15Z' });
    makeVideo(join(source, 'DCIM/100MEDIA/1234567_123456_20261126083115_0002.MP4'), { seed: 2 });
    makeFile(join(source, 'DCIM/100MEDIA/large.bin'), 9 * 1024 * 1024 + 123, 7);
    mkdirSync(join(source, 'GPS'));
    writeFileSync(join(source, 'GPS/track 轨迹 01.log'), 'lat,lon\n');
    writeFileSync(join(source, 'empty.dat'), '');
    mkdirSync(join(source, 'System Volume Information'), { recursive: true });
    writeFileSync(join(source, 'System Volume Information/IndexerVolumeGuid'), 'x');
    writeFileSync(join(source, '.DS_Store'), 'x');
    writeFileSync(join(source, 'DCIM/._1234567.MP4'), 'x');
    writeFileSync(join(source, 'Thumbs.db'), 'x');
    symlinkSync('/etc/hostname', join(source, 'link-out'));
    execFileSync('mkfifo', [join(source, 'pipe')]);
    utimesSync(join(source, 'DCIM/100MEDIA/large.bin'), oldTime, oldTime);
    before = snapshot(source);
    ({ json: report, status } = runCliJson<IngestReport>(data, ['ingest', source]));
  }, 120_000);

  it('archives every regular file with the sha256 of its bytes, and exits 0', () => {
    expect(status).toBe(0);
    const archived = report.files.filter((f) => f.status === 'archived');
    expect(archived.map((f) => f.source).sort()).toEqual([
      'DCIM/100MEDIA/1234567_123456_20261126083015_0001.MP4',
      'DCIM/100MEDIA/1234567_123456_20261126083115_0002.MP4',
      'DCIM/100MEDIA/large.bin',
      'GPS/track 轨迹 01.log',
      'empty.dat',
    ]);
    for (const file of archived) {
      expect(file.sha256).toBe(sha256Of(join(source, file.source)));
      expect(file.archivePath && sha256Of(file.archivePath)).toBe(file.sha256);
      expect(file.verification).toMatch(/^(o_direct|buffered)$/);
    }
    expect(report.totals).toMatchObject({ archived: 5, duplicate: 0, failed: 0, skipped: 6, files: 11 });
  });

  it('skips litter, links and special files with the reason', () => {
    const reasons = Object.fromEntries(report.files.filter((f) => f.status === 'skipped').map((f) => [f.source, f.reason]));
    expect(reasons).toEqual({
      '.DS_Store': 'operating-system file',
      'DCIM/._1234567.MP4': 'operating-system file',
      'System Volume Information': 'operating-system file',
      'Thumbs.db': 'operating-system file',
      'link-out': 'symbolic link: not followed',
      pipe: 'named pipe (FIFO): never opened',
    });
  });

  it('never changes the source', () => {
    expect(snapshot(source)).toEqual(before);
  });

  it('keeps the source time on a read-only copy', () => {
    const copy = report.files.find((f) => f.source === 'DCIM/100MEDIA/large.bin')?.archivePath ?? '';
    expect(statSync(copy).mtimeMs).toBe(oldTime.getTime());
    expect(statSync(copy).mode & 0o222).toBe(0);
  });

  it('reads the recording time from the file itself, in the station zone', () => {
    const first = report.files.find((f) => f.source.endsWith('0001.MP4'));
    expect(first?.recordedAt).toBe('2026-11-26T08:30:15.000+08:00');
  });

  it('writes a BagIt bag that sha256sum checks without the station', () => {
    const bag = report.archivePath;
    expect(readFileSync(join(bag, 'bagit.txt'), 'utf8')).toBe('BagIt-Version: 1.0\nTag-File-Character-Encoding: UTF-8\n');
    const check = execFileSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
    expect(check.trim().split('\n')).toHaveLength(5);
    const info = readFileSync(join(bag, 'bag-info.txt'), 'utf8');
    expect(info).toContain(`Source-Path: ${source}`);
    expect(info).toContain(`External-Identifier: ${report.ingestId}`);
    expect(info).toMatch(/Ingest-Started: .+\nIngest-Finished: .+\nIngest-State: completed/);
    expect(info).toContain(`Payload-Oxum: ${report.files.filter((f) => f.status === 'archived').reduce((s, f) => s + f.size, 0)}.5`);
    // RFC 8493 §2.2.1: the tag manifest covers the other tag files, and sha256sum checks it too.
    const tags = execFileSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
    expect(tags.trim().split('\n').sort()).toEqual(['bag-info.txt: OK', 'bagit.txt: OK', 'manifest-sha256.txt: OK']);
  });

  it('copies nothing twice: a second ingest finds duplicates pointing to the first copies', () => {
    const again = runCliJson<IngestReport>(data, ['ingest', source]);
    expect(again.status).toBe(0);
    expect(again.json.totals).toMatchObject({ archived: 0, duplicate: 5, failed: 0 });
    for (const file of again.json.files.filter((f) => f.status === 'duplicate')) {
      expect(file.archivePath?.startsWith(report.archivePath)).toBe(true);
    }
    expect(readdirSync(join(again.json.archivePath, 'data'))).toEqual([]);
  });

  it('lists the recordings with hash, size and time', () => {
    const { json: rows } = runCliJson<Recording[]>(data, ['recordings']);
    expect(rows).toHaveLength(5);
    const video = rows.find((r) => r.originalName.endsWith('0001.MP4'));
    expect(video).toMatchObject({ kind: 'video', recordedAt: '2026-11-26T08:30:15.000+08:00', readable: true });
    expect(video?.durationSeconds).toBeCloseTo(1, 0);
  });

  it('verify finds the archive intact, then reports altered, missing and unknown files', () => {
    const intact = runCliJson<VerifyReport>(data, ['verify']);
    expect(intact.status).toBe(0);
    expect(intact.json).toEqual({ checked: 5, problems: [] });

    const files = report.files.filter((f) => f.status === 'archived').map((f) => f.archivePath ?? '');
    const [altered, missing] = files;
    chmodSync(altered!, 0o644);
    writeFileSync(altered!, 'tampered', { flag: 'r+' });
    linkSync(missing!, `${missing}.moved`);
    execFileSync('rm', ['-f', missing!]);
    const stray = join(report.archivePath, 'data', 'stray.txt');
    writeFileSync(stray, 'not ingested');

    const broken = runCliJson<VerifyReport>(data, ['verify']);
    expect(broken.status).toBe(1);
    expect(broken.json.checked).toBe(5);
    expect(broken.json.problems).toEqual(
      expect.arrayContaining([
        { path: altered, problem: 'altered' },
        { path: missing, problem: 'missing' },
        { path: `${missing}.moved`, problem: 'unknown' },
        { path: stray, problem: 'unknown' },
      ]),
    );
    expect(broken.json.problems).toHaveLength(4);
  });

  it('verify sees a changed bag-info, a tag file slipped in, and a tag manifest taken away', () => {
    const before = runCliJson<VerifyReport>(data, ['verify']).json.problems;
    const bagInfo = join(report.archivePath, 'bag-info.txt');
    writeFileSync(bagInfo, readFileSync(bagInfo, 'utf8').replace(/^Operator: .*$/m, 'Operator: someone else'));
    const slipped = join(report.archivePath, 'notes.txt');
    writeFileSync(slipped, 'added later');
    const bags = readdirSync(join(data, 'archive')).map((id) => join(data, 'archive', id));
    const otherBag = bags.find((bag) => bag !== report.archivePath)!;
    execFileSync('rm', [join(otherBag, 'tagmanifest-sha256.txt')]);

    const after = runCliJson<VerifyReport>(data, ['verify']);
    expect(after.status).toBe(1);
    const added = [
      { path: bagInfo, problem: 'altered' },
      { path: slipped, problem: 'unknown' },
      { path: join(otherBag, 'tagmanifest-sha256.txt'), problem: 'missing' },
    ];
    expect(after.json.problems).toEqual(expect.arrayContaining([...before, ...added]));
    expect(after.json.problems).toHaveLength(before.length + added.length);
  });

  it('cannot run on a source that is not there: exit 2 with a clear error', () => {
    const result = runCliJson<{ error: { code: string; message: string } }>(data, ['ingest', join(root, 'nowhere')]);
    expect(result.status).toBe(2);
    expect(result.json.error.code).toBe('source-unreadable');
    expect(result.stderr).toContain('nowhere');
  });
});
