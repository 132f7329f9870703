import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport, VerifyReport } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

// 测试 and 录像 as a Chinese Windows system writes them (GBK), copied byte for byte onto a Linux disk.
const gbkTest = Buffer.from([0xb2, 0xe2, 0xca, 0xd4]);
const gbkRecording = Buffer.from([0xc2, 0xbc, 0xcf, 0xf1]);
// Neither UTF-8 nor GBK: 0xff starts no character in either.
const broken = Buffer.from([0x61, 0xff, 0x62]);
const bytes = (...parts: (Buffer | string)[]) => Buffer.concat(parts.map((part) => (typeof part === 'string' ? Buffer.from(part) : part)));
const sha256 = (content: Buffer) => createHash('sha256').update(content).digest('hex');

describe('station ingest of a folder whose names are not UTF-8', () => {
  const root = tempDir('non-utf8');
  const card = join(root, 'card');
  const data = join(root, 'data');
  /** The source's files: the bytes of each path below the card, the name it is archived under, and its content. */
  let files: { raw: Buffer; archivedAs: string | RegExp; content: Buffer }[];
  let first: { status: number | null; json: IngestReport };

  beforeAll(() => {
    const video = join(root, 'clip.mp4');
    makeVideo(video, { seed: 11 });
    files = [
      { raw: bytes('DCIM/', gbkTest, '.mp4'), archivedAs: 'DCIM/测试.mp4', content: readFileSync(video) },
      { raw: bytes(gbkRecording, '/A001.txt'), archivedAs: '录像/A001.txt', content: Buffer.from('in a folder named in GBK\n') },
      // The lost byte shows as U+FFFD; a mark of the original bytes keeps two such names apart.
      { raw: bytes('DCIM/', broken, '.bin'), archivedAs: /^DCIM\/a\uFFFDb~[0-9a-f]{8}\.bin$/, content: Buffer.from('named in neither UTF-8 nor GBK\n') },
      { raw: bytes('DCIM/plain.txt'), archivedAs: 'DCIM/plain.txt', content: Buffer.from('a UTF-8 name\n') },
    ];
    mkdirSync(bytes(card, '/DCIM'), { recursive: true });
    mkdirSync(bytes(card, '/', gbkRecording));
    for (const { raw, content } of files) writeFileSync(bytes(card, '/', raw), content);
    first = runCliJson<IngestReport>(data, ['ingest', card]);
  }, 120_000);

  it('archives every file, opened by its own bytes, with the content it holds', () => {
    expect(first.status, JSON.stringify(first.json)).toBe(0);
    expect(first.json.files.map((file) => file.status)).toEqual(files.map(() => 'archived'));
    const byContent = new Map(first.json.files.map((file) => [file.sha256, file]));
    for (const { raw, content } of files) {
      const archived = byContent.get(sha256(content));
      expect(archived, raw.toString('hex')).toBeDefined();
      expect(sha256(readFileSync(archived!.archivePath!)), raw.toString('hex')).toBe(sha256(content));
    }
  });

  it('names each archived file in UTF-8 and reports the bytes the device wrote, null where they were UTF-8 already', () => {
    const bySha256 = new Map(first.json.files.map((file) => [file.sha256, file]));
    for (const { raw, archivedAs, content } of files) {
      const reported = bySha256.get(sha256(content));
      const wasUtf8 = typeof archivedAs === 'string' && raw.equals(Buffer.from(archivedAs));
      expect(reported?.source, raw.toString('hex')).toMatch(archivedAs);
      expect(reported?.originalNameHex, reported?.source).toBe(wasUtf8 ? null : raw.toString('hex'));
      expect(reported?.archivePath?.endsWith(`/data/${reported.source}`), reported?.archivePath ?? '').toBe(true);
    }
  });

  it('leaves a bag that station verify and sha256sum both find intact', () => {
    const verify = runCliJson<VerifyReport>(data, ['verify']);
    expect(verify.json.problems).toEqual([]);
    expect(verify.json.checked).toBeGreaterThanOrEqual(files.length);
    expect(verify.status).toBe(0);
    const bag = first.json.archivePath;
    const checked = execFileSync('sha256sum', ['-c', 'manifest-sha256.txt', 'tagmanifest-sha256.txt'], { cwd: bag, encoding: 'utf8' });
    expect(checked.split('\n').filter((line) => line.endsWith(': OK'))).toHaveLength(files.length + 3);
  });

  it('finds the same names on a second ingest: every file a duplicate, its original bytes reported again', () => {
    const again = runCliJson<IngestReport>(data, ['ingest', card]);
    expect(again.status).toBe(0);
    const names = (report: IngestReport) => report.files.map(({ source, originalNameHex }) => ({ source, originalNameHex }));
    expect(again.json.files.map((file) => file.status)).toEqual(files.map(() => 'duplicate'));
    expect(names(again.json)).toEqual(names(first.json));
  });
});
