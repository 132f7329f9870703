import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { BurnResult, DiscEntry, DiscPlan, DiscRequest, IngestReport } from '../../../src-main/contract/index.js';
import { headSha256, makeVideo } from '../../helpers/make-media.js';
import { as, officeAccounts, runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const env = { STATION_NEW_PASSWORD: 'a password 123', STATION_PASSWORD: 'a password 123' };

describe('station disc', () => {
  it('takes a signed-off case from request to two identical verified copies, labelled and stored, and a re-check finds a flipped byte', () => {
    const root = tempDir('disc-cli');
    const data = join(root, 'data');
    const card = join(root, 'DCIM');
    makeVideo(join(card, '执法记录 一.mp4'), { seconds: 1, seed: 3 });
    makeVideo(join(card, 'B.mp4'), { seconds: 1, seed: 4 });
    officeAccounts(data, env, [
      ['管理员', 'admin', 'root1'],
      ['李内勤', 'clerk', 'clerk1'],
      ['王队长', 'lead', 'lead1'],
    ]);
    const ingest = runCliJson<IngestReport>(data, [...as('clerk1'), 'ingest', card], env);
    expect(ingest.status, ingest.stderr).toBe(0);
    const { ingestId } = ingest.json;
    expect(runCli(data, [...as('lead1'), 'signoff', ingestId, '--approve'], env).status).toBe(0);

    const caseArgs = ['--reason', 'dispute', '--case-number', '统执罚〔2026〕7号', '--case-name', '某公司统计违法案'];
    const requested = runCliJson<DiscRequest>(data, [...as('clerk1'), 'disc', 'request', '--ingest', ingestId, ...caseArgs], env);
    expect(requested.status, requested.stderr).toBe(0);
    expect(requested.json).toMatchObject({ state: 'requested', reason: 'dispute', caseNumber: '统执罚〔2026〕7号', files: 2, requestedBy: '李内勤' });
    const requestId = String(requested.json.requestId);
    // Only a lead or the head decides; a plan waits for the decision.
    expect(runCliJson<{ error: { code: string } }>(data, [...as('clerk1'), 'disc', 'approve', requestId], env)).toMatchObject({ status: 3, json: { error: { code: 'forbidden' } } });
    expect(runCliJson<{ error: { code: string } }>(data, [...as('clerk1'), 'disc', 'plan', requestId, '--media', 'cd-r'], env).status).toBe(1);
    const approved = runCliJson<DiscRequest>(data, [...as('lead1'), 'disc', 'approve', requestId], env);
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.json).toMatchObject({ state: 'approved', decidedBy: '王队长', statementSha256: expect.stringMatching(/^[0-9a-f]{64}$/) });

    const plan = runCliJson<DiscPlan>(data, [...as('clerk1'), 'disc', 'plan', requestId, '--media', 'cd-r'], env);
    expect(plan.status, plan.stderr).toBe(0);
    expect(plan.json.discs).toHaveLength(1);
    const [{ discId, index, of, files }] = plan.json.discs as [DiscPlan['discs'][number]];
    expect([index, of, files]).toEqual([1, 1, 2]);

    const burn = (copy: 'A' | 'B', file: string) => runCliJson<BurnResult>(data, [...as('clerk1'), 'disc', 'burn', discId, '--copy', copy, '--drive', `stdio:${file}`], env);
    const copyA = join(root, 'copyA.iso');
    const copyB = join(root, 'copyB.iso');
    const a = burn('A', copyA);
    expect(a.status, a.stderr).toBe(0);
    expect(a.json).toMatchObject({ discId, copy: 'A', verified: true, checks: { image: true, md5: true, manifest: true }, problem: null });
    const b = burn('B', copyB);
    expect(b.status, b.stderr).toBe(0);
    expect(b.json.imageSha256).toBe(a.json.imageSha256);
    // Both copies from one image: identical bit for bit over the image.
    expect(headSha256(copyA, a.json.bytes)).toBe(a.json.imageSha256);
    expect(headSha256(copyB, b.json.bytes)).toBe(a.json.imageSha256);

    // What is on the disc, checked with stock tools only.
    const extracted = join(root, 'extracted');
    execFileSync('osirrox', ['-indev', copyA, '-extract', '/', extracted], { stdio: 'ignore' });
    execFileSync('sha256sum', ['--quiet', '-c', 'MANIFEST.sha256'], { cwd: extracted });
    const manifest = readFileSync(join(extracted, 'MANIFEST.sha256'), 'utf8');
    expect(manifest).toContain('执法记录 一.mp4');
    const verifySigned = (dir: string, statement: string, signature: string, key: string) =>
      spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', key, '-rawin', '-in', statement, '-sigfile', signature], { cwd: dir, encoding: 'utf8' }).stdout.trim();
    expect(verifySigned(join(extracted, 'signoffs', ingestId), 'signoff.json', 'signoff.sig', 'signer.pem')).toBe('Signature Verified Successfully');
    expect(verifySigned(extracted, 'approval.json', 'approval.sig', 'approver.pem')).toBe('Signature Verified Successfully');
    expect(JSON.parse(readFileSync(join(extracted, 'LABEL.json'), 'utf8'))).toMatchObject({ discId, caseNumber: '统执罚〔2026〕7号', index: 1, of: 1, imageSha256: null });
    expect(readFileSync(join(extracted, '标签.txt'), 'utf8')).toContain('某公司统计违法案');
    expect(execFileSync('pdftotext', [join(extracted, 'custody-report.pdf'), '-'], { encoding: 'utf8' })).toContain('某公司统计违法案');

    const label = join(root, 'label.pdf');
    expect(runCli(data, [...as('clerk1'), 'disc', 'label', discId, '--pdf', label], env).status).toBe(0);
    const labelText = execFileSync('pdftotext', [label, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(labelText).toContain('统执罚〔2026〕7号');
    expect(labelText).toContain(a.json.imageSha256.slice(0, 32));

    // A byte of a recording flipped on copy B: the re-check finds it three ways and says so.
    const video = readFileSync(join(card, 'B.mp4'));
    const disc = readFileSync(copyB);
    const at = disc.indexOf(video.subarray(0, 4096));
    expect(at).toBeGreaterThan(0);
    disc[at + 1000]! ^= 0xff;
    writeFileSync(copyB, disc);
    const recheck = runCliJson<BurnResult>(data, [...as('clerk1'), 'disc', 'verify', discId, '--copy', 'B', '--drive', `stdio:${copyB}`], env);
    expect(recheck.status).toBe(1);
    expect(recheck.json).toMatchObject({ verified: false, checks: { image: false, md5: false, manifest: false } });
    expect(recheck.json.problem).toContain('B.mp4');

    expect(runCli(data, [...as('clerk1'), 'disc', 'store', discId, '--copy', 'A', '--location', '档案室 2 号柜'], env).status).toBe(0);
    expect(runCliJson<{ error: { code: string } }>(data, [...as('clerk1'), 'disc', 'store', discId, '--copy', 'B', '--location', '档案室 3 号柜'], env).status).toBe(1);
    // A new copy B, from the same image.
    const again = burn('B', join(root, 'copyB2.iso'));
    expect(again.status, again.stderr).toBe(0);
    expect(again.json).toMatchObject({ verified: true, imageSha256: a.json.imageSha256 });
    expect(runCli(data, [...as('clerk1'), 'disc', 'store', discId, '--copy', 'B', '--location', '档案室 3 号柜'], env).status).toBe(0);

    const [entry] = runCliJson<DiscEntry[]>(data, [...as('clerk1'), 'disc', 'list'], env).json;
    expect(entry).toMatchObject({ discId, requestId: Number(requestId), caseNumber: '统执罚〔2026〕7号', reason: 'dispute', index: 1, of: 1, media: 'cd-r', imageSha256: a.json.imageSha256 });
    expect(entry!.copies.map((copy) => [copy.copy, copy.state, copy.location])).toEqual([
      ['A', 'stored', '档案室 2 号柜'],
      ['B', 'stored', '档案室 3 号柜'],
    ]);
    const verifiedAt = Date.parse(entry!.copies[0]!.verifiedAt!);
    const due = new Date(verifiedAt);
    due.setUTCMonth(due.getUTCMonth() + 12);
    expect(Date.parse(entry!.copies[0]!.nextCheckDue!)).toBe(due.getTime());
    expect(runCliJson<DiscRequest[]>(data, [...as('clerk1'), 'disc', 'requests'], env).json[0]!.state).toBe('stored');
    expect(runCliJson<DiscEntry[]>(data, [...as('clerk1'), 'disc', 'due'], env).json).toEqual([]);
    const audit = runCli(data, [...as('root1'), 'audit', 'list', '--json'], env);
    for (const action of ['discs.request', 'discs.decide', 'discs.plan', 'discs.burn', 'discs.verify', 'discs.label', 'discs.store']) expect(audit.stdout).toContain(action);
  }, 240_000);

  it('sends confidential footage to the head, whose rejection may be followed by an approval, and plans only on a known medium', () => {
    const root = tempDir('disc-cli-confidential');
    const data = join(root, 'data');
    const card = join(root, 'card');
    makeVideo(join(card, 'C.mp4'), { seconds: 1, seed: 5 });
    officeAccounts(data, env, [
      ['管理员', 'admin', 'root1'],
      ['李内勤', 'clerk', 'clerk1'],
      ['王队长', 'lead', 'lead1'],
      ['孙主任', 'head', 'head1'],
    ]);
    const { ingestId } = runCliJson<IngestReport>(data, [...as('clerk1'), 'ingest', card], env).json;
    expect(runCli(data, [...as('lead1'), 'classify', '--ingest', ingestId, '--level', 'personal-privacy'], env).status).toBe(0);
    const requested = runCliJson<DiscRequest>(data, [...as('lead1'), 'disc', 'request', '--ingest', ingestId, '--reason', 'obstruction', '--case-number', 'A-1', '--case-name', '阻碍执法'], env);
    expect(requested.json).toMatchObject({ state: 'requested', confidentiality: 'personal-privacy' });
    const requestId = String(requested.json.requestId);
    const byLead = runCliJson<{ error: { code: string; message: string } }>(data, [...as('lead1'), 'disc', 'approve', requestId], env);
    expect(byLead.status).toBe(3);
    expect(byLead.json.error.code).toBe('forbidden');
    const rejected = runCliJson<DiscRequest>(data, [...as('head1'), 'disc', 'reject', requestId, '--reason', '请补充案件编号'], env);
    expect(rejected.json).toMatchObject({ state: 'rejected', decidedBy: '孙主任', decisionReason: '请补充案件编号' });
    expect(runCliJson<DiscRequest>(data, [...as('head1'), 'disc', 'approve', requestId], env).json.state).toBe('approved');
    const unknown = runCliJson<{ error: { code: string } }>(data, [...as('clerk1'), 'disc', 'plan', requestId, '--media', 'floppy'], env);
    expect(unknown).toMatchObject({ status: 1, json: { error: { code: 'invalid-input' } } });
    const [disc] = runCliJson<DiscPlan>(data, [...as('clerk1'), 'disc', 'plan', requestId, '--media', 'dvd+r'], env).json.discs;
    expect(disc).toBeDefined();
    // A drive is never one of the station's files, nor a file that already holds data: nothing is written to either.
    const evidence = execFileSync('find', [join(data, 'archive'), '-name', 'C.mp4'], { encoding: 'utf8' }).trim();
    const before = readFileSync(evidence);
    const refuse = (drive: string) => runCliJson<{ error: { code: string; message: string } }>(data, [...as('head1'), 'disc', 'burn', disc!.discId, '--copy', 'A', '--drive', drive], env);
    expect(refuse(`stdio:${evidence}`)).toMatchObject({ status: 1, json: { error: { code: 'invalid-input', message: expect.stringContaining('data folder') } } });
    const used = join(root, 'used.iso');
    writeFileSync(used, 'not empty');
    expect(refuse(`stdio:${used}`)).toMatchObject({ status: 1, json: { error: { code: 'invalid-input', message: expect.stringContaining('already holds data') } } });
    expect(readFileSync(evidence).equals(before)).toBe(true);
    expect(readFileSync(used, 'utf8')).toBe('not empty');

    // A station killed mid-burn leaves the copy `burning`; the next start fails it, with why, so it can be burned again.
    const db = new Database(join(data, 'station.db'));
    db.prepare("UPDATE disc_copies SET state = 'burning' WHERE disc_id = ? AND copy = 'B'").run(disc!.discId);
    db.close();
    const [entry] = runCliJson<DiscEntry[]>(data, [...as('clerk1'), 'disc', 'list'], env).json;
    expect(entry!.copies.find((copy) => copy.copy === 'B')).toMatchObject({ state: 'failed', problem: expect.stringContaining('interrupted') });
    expect(runCli(data, [...as('root1'), 'audit', 'list', '--json'], env).stdout).toContain('discs.interrupted');
    expect(runCliJson<DiscRequest[]>(data, [...as('clerk1'), 'disc', 'requests'], env).json[0]).toMatchObject({ state: 'planned', media: 'dvd+r' });
  }, 120_000);
});
