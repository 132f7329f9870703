import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { ExportApproval, ExportReceipt, IngestReport } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

type Refusal = { error: { code: string; message: string } };

describe('exporting confidential recordings (Art. 14)', () => {
  it('needs the head’s signed approval, used once, carried in the package where openssl checks it', () => {
    const root = tempDir('export-approval');
    const data = join(root, 'data');
    const env = { STATION_NEW_PASSWORD: 'a password 123', STATION_PASSWORD: 'a password 123' };
    expect(runCli(data, ['person', 'add', '--name', '管理员', '--roles', 'admin', '--login', 'root1'], env).status).toBe(0);
    for (const [name, role] of [['王内勤', 'clerk'], ['李队长', 'lead'], ['赵局长', 'head']]) {
      expect(runCli(data, ['--user', 'root1', 'person', 'add', '--name', name!, '--roles', role!, '--login', role!], env).status).toBe(0);
    }
    const card = join(root, 'card');
    makeVideo(join(card, 'DCIM/1234567_012345_20261126083015_0001.MP4'));
    const { json: report } = runCliJson<IngestReport>(data, ['--user', 'clerk', 'ingest', card], env);
    const db = new Database(join(data, 'station.db'));
    const ids = db.prepare('SELECT id FROM recordings WHERE ingest_id = ?').pluck().all(report.ingestId) as number[];
    db.prepare("UPDATE recordings SET confidentiality = 'personal-privacy' WHERE ingest_id = ?").run(report.ingestId);
    db.close();
    const exportAs = (user: string, out: string) =>
      runCliJson<ExportReceipt & Refusal>(data, ['--user', user, 'export', '--recordings', ids.join(','), '--out', join(root, out)], env);

    // A clerk may not see it, so may not export it; a lead may, once the head approves.
    expect(exportAs('clerk', 'a')).toMatchObject({ status: 3, json: { error: { code: 'forbidden' } } });
    const asked = exportAs('lead', 'b');
    expect(asked).toMatchObject({ status: 3, json: { error: { code: 'approval-needed' } } });
    expect(asked.json.error.message).toContain('approval request 1 filed');
    expect(asked.json.error.message).toContain('station export approve 1');
    expect(runCliJson<Refusal>(data, ['--user', 'lead', 'export', 'approve', '1'], env)).toMatchObject({ status: 3, json: { error: { code: 'forbidden' } } });
    const approved = runCliJson<ExportApproval>(data, ['--user', 'head', 'export', 'approve', '1'], env);
    expect(approved).toMatchObject({ status: 0, json: { id: 1, state: 'approved', decidedBy: '赵局长', recordingIds: ids } });

    const made = exportAs('lead', 'c');
    expect(made.status, made.stderr).toBe(0);
    const statement = JSON.parse(readFileSync(join(made.json.path, 'approval.json'), 'utf8')) as Record<string, unknown>;
    expect(statement).toMatchObject({ type: 'export-approval', version: 1, approvalId: 1, recordingIds: ids, decision: 'approved' });
    const verified = execFileSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'approver.pem', '-rawin', '-in', 'approval.json', '-sigfile', 'approval.sig'], {
      cwd: made.json.path,
      encoding: 'utf8',
    });
    expect(verified).toContain('Signature Verified Successfully');
    expect(execFileSync('pdftotext', [join(made.json.path, 'custody-report.pdf'), '-'], { encoding: 'utf8' })).toContain('个人隐私');

    // Used once: the next export asks again.
    expect(runCliJson<ExportApproval[]>(data, ['--user', 'lead', 'export', 'approvals'], env).json).toMatchObject([{ id: 1, state: 'used' }]);
    expect(exportAs('lead', 'd').json.error.message).toContain('approval request 2 filed');
    const rejected = runCliJson<ExportApproval>(data, ['--user', 'head', 'export', 'reject', '2', '--reason', '与投诉无关'], env);
    expect(rejected).toMatchObject({ status: 0, json: { id: 2, state: 'rejected', reason: '与投诉无关' } });
  });
});
