import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport, VerifyReport } from '../../../src-main/contract/index.js';
import { makeFile, sha256Of } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { mountTmpfs, tmpfsUnavailable } from '../../helpers/tmpfs.js';

const reason = tmpfsUnavailable('as a small, full archive disk');

describe.skipIf(reason !== null)(`a full archive disk${reason ? ` (skipped: ${reason})` : ''}`, () => {
  const root = tempDir('full');
  const data = join(root, 'data');
  const source = join(root, 'card');

  it('stops the ingest with a clear error, keeps what was verified and loses nothing', () => {
    // 40 MiB of room for 5 × 12 MiB: three fit with the reserve below, the fourth must not start.
    mountTmpfs(data, 'size=40m');
    ['1.MP4', '2.MP4', '3.MP4', '4.MP4', '5.MP4'].forEach((name, i) => makeFile(join(source, name), 12 * 1024 * 1024, i + 10));

    const { status, json } = runCliJson<IngestReport>(data, ['ingest', source, '--reserve', String(2 * 1024 * 1024)]);
    expect(status).toBe(1);
    expect(json.state).toBe('failed');
    expect(json.reason).toMatch(/archive disk full/);
    const archived = json.files.filter((f) => f.status === 'archived');
    const failed = json.files.filter((f) => f.status === 'failed');
    expect(archived.length).toBeGreaterThanOrEqual(1);
    expect(archived.length + failed.length).toBe(5);
    for (const file of failed) expect(file.reason).toMatch(/archive disk full/);
    for (const file of archived) {
      expect(file.verification).toMatch(/^(o_direct|buffered)$/);
      expect(sha256Of(file.archivePath ?? '')).toBe(sha256Of(join(source, file.source)));
    }
    const leftovers = readdirSync(join(json.archivePath, 'data'));
    expect(leftovers.sort()).toEqual(archived.map((f) => f.source).sort());

    const verify = runCliJson<VerifyReport>(data, ['verify']);
    expect(verify.json).toEqual({ checked: archived.length, problems: [] });
  });
});
