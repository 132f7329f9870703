import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow, IngestReport } from '../../../src-main/contract/index.js';
import { makeFile } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('the ingest receipt (交接单)', () => {
  const root = tempDir('receipt');

  it('is a PDF that names the ingest, the officer and every file with its SHA-256, with lines to sign', () => {
    const card = join(root, 'card');
    makeFile(join(card, 'DCIM/1234567_012345_20261126083015_0001.MP4'), 50_000, 1);
    makeFile(join(card, 'DCIM/1234567_012345_20261126084015_0002.MP4'), 70_000, 2);
    const data = join(root, 'data');
    const { json: report } = runCliJson<IngestReport>(data, ['ingest', card]);
    const out = join(root, '交接单.pdf');

    const printed = runCliJson<{ ingestId: string; path: string }>(data, ['receipt', report.ingestId, '--out', out]);
    expect(printed.status).toBe(0);
    expect(printed.json).toEqual({ ingestId: report.ingestId, path: out });

    // Read back with poppler, as any office tool would: Chinese text, not boxes.
    const text = execFileSync('pdftotext', ['-layout', out, '-'], { encoding: 'utf8' });
    expect(text).toContain('执法音像记录导入交接单');
    expect(text).toContain(report.ingestId);
    expect(text).toContain('012345');
    for (const file of report.files) {
      expect(text).toContain(file.source);
      expect(text).toContain(file.sha256!);
    }
    expect(text).toContain('交出人（执法人员）签名');
    expect(text).toContain('接收人（内勤）签名');
    // Printing it is an export of evidence information: the audit chain names who took it.
    const receipts = runCliJson<AuditRow[]>(data, ['--operator', 'zhou', 'audit', 'list']).json.filter((row) => row.action === 'ingest.receipt');
    expect(receipts).toMatchObject([{ object: `ingest:${report.ingestId}`, details: { kind: 'view' } }]);
  });

  it('is refused for an ingest that does not exist, and writes nothing', () => {
    const out = join(root, 'none.pdf');
    const run = runCli(join(root, 'data'), ['receipt', 'no-such-ingest', '--out', out]);
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('no ingest no-such-ingest (not-found)');
    expect(existsSync(out)).toBe(false);
    expect(runCliJson<AuditRow[]>(join(root, 'data'), ['audit', 'list']).json.filter((row) => row.action === 'ingest.receipt')).toHaveLength(1);
  });
});
