import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport, Recording, SignoffEntry, SignoffReceipt, SignoffVerifyReport } from '../../../src-main/contract/index.js';
import { makeVideo } from '../../helpers/make-media.js';
import { as, officeAccounts, runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const env = { STATION_NEW_PASSWORD: 'a password 123', STATION_PASSWORD: 'a password 123' };
const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');

/** What someone years later runs in the bag's folder with stock tools: the signature, the tag manifest it names, every file. */
function checkByHand(bagDir: string): { signature: string; tagManifestSha256: string } {
  const signature = spawnSync('openssl', ['pkeyutl', '-verify', '-pubin', '-inkey', 'signer.pem', '-rawin', '-in', 'signoff.json', '-sigfile', 'signoff.sig'], {
    cwd: bagDir,
    encoding: 'utf8',
  });
  const tagManifestSha256 = execFileSync('sh', ['-c', "grep -v -E '  (signoff\\.json|signoff\\.sig|signer\\.pem)$' tagmanifest-sha256.txt | sha256sum"], {
    cwd: bagDir,
    encoding: 'utf8',
  }).split(' ')[0]!;
  execFileSync('sha256sum', ['--quiet', '-c', 'tagmanifest-sha256.txt'], { cwd: bagDir });
  execFileSync('sha256sum', ['--quiet', '-c', 'manifest-sha256.txt'], { cwd: bagDir });
  return { signature: `${signature.stdout}${signature.stderr}`.trim(), tagManifestSha256 };
}

describe('station signoff', () => {
  it('signs a decision into the bag that openssl verifies, refuses the operator and other roles, seals, and finds a bag changed since', () => {
    const root = tempDir('signoff-cli');
    const data = join(root, 'data');
    const card = join(root, 'DCIM');
    mkdirSync(card);
    makeVideo(join(card, 'A.mp4'), { seconds: 1, seed: 3 });
    makeVideo(join(card, 'B.mp4'), { seconds: 1, seed: 4 });
    officeAccounts(data, env, [
      ['管理员', 'admin', 'root1'],
      ['李内勤', 'clerk', 'clerk1'],
      ['王队长', 'lead', 'lead1'],
      ['赵副队', 'clerk,lead', 'lead2'],
    ]);

    const ingest = runCliJson<IngestReport>(data, [...as('lead2'), 'ingest', card], env);
    expect(ingest.status, ingest.stderr).toBe(0);
    const { ingestId, archivePath: bagDir } = ingest.json;

    expect(runCliJson<SignoffEntry[]>(data, [...as('lead1'), 'signoff', 'list', '--pending'], env).json).toEqual([
      { ingestId, state: 'pending', signer: null, signedAt: null, reason: null },
    ]);
    const refused = (login: string, args: string[]) => {
      const run = runCliJson<{ error: { code: string } }>(data, [...as(login), 'signoff', ingestId, ...args], env);
      return [run.status, run.json.error.code];
    };
    expect(refused('clerk1', ['--approve'])).toEqual([3, 'forbidden']);
    expect(refused('lead2', ['--approve'])).toEqual([3, 'forbidden']);
    const approved = runCliJson<SignoffReceipt>(data, [...as('lead1'), 'signoff', ingestId, '--approve'], env);
    expect(approved.status, approved.stderr).toBe(0);
    expect(approved.json).toEqual({ ingestId, decision: 'approved', signer: '王队长', signedAt: expect.any(String), statementSha256: expect.any(String) });
    // Sealed: no second decision.
    expect(refused('lead1', ['--reject', '--reason', '漏了一段'])).toEqual([1, 'sealed']);

    const statement = readFileSync(join(bagDir, 'signoff.json'));
    expect(sha256(statement)).toBe(approved.json.statementSha256);
    const recordings = runCliJson<Recording[]>(data, [...as('clerk1'), 'recordings'], env).json;
    expect(recordings.map((one) => [one.originalName, one.confidentiality, one.signoff]).sort()).toEqual([
      ['A.mp4', 'none', { state: 'approved', signer: '王队长' }],
      ['B.mp4', 'none', { state: 'approved', signer: '王队长' }],
    ]);
    const listed = runCliJson<SignoffEntry[]>(data, [...as('clerk1'), 'signoff', 'list'], env).json;
    expect(listed).toEqual([{ ingestId, state: 'approved', signer: '王队长', signedAt: approved.json.signedAt, reason: null }]);
    const signed = JSON.parse(statement.toString('utf8')) as { ingestId: string; decision: string; signer: { name: string }; tagManifestSha256: string };
    expect(signed).toMatchObject({ ingestId, decision: 'approved', signer: { name: '王队长' } });
    const byHand = checkByHand(bagDir);
    expect(byHand.signature).toBe('Signature Verified Successfully');
    expect(byHand.tagManifestSha256).toBe(signed.tagManifestSha256);
    expect(readFileSync(join(bagDir, 'tagmanifest-sha256.txt'), 'utf8')).toContain(`${sha256(statement)}  signoff.json`);

    const verify = () => runCliJson<SignoffVerifyReport>(data, ['signoff', 'verify']);
    expect(verify()).toMatchObject({ status: 0, json: { checked: 1, ok: 1, problems: [] } });

    // A byte of a recording changed: the signature still verifies, the bag does not.
    const file = join(bagDir, 'data', 'A.mp4');
    const original = readFileSync(file);
    const flipped = Buffer.from(original);
    flipped[flipped.length >> 1]! ^= 0xff;
    writeFileSync(file, flipped);
    expect(verify()).toMatchObject({ status: 1, json: { checked: 1, ok: 0, problems: [{ ingestId, problem: 'bag-changed' }] } });
    writeFileSync(file, original);
    expect(verify().status).toBe(0);

    // A line of bag-info changed (and the tag manifest made to match): the tag manifest is not the one signed.
    const bagInfo = join(bagDir, 'bag-info.txt');
    appendFileSync(bagInfo, 'Operator: 另一人\n');
    const tagManifest = join(bagDir, 'tagmanifest-sha256.txt');
    const tags = readFileSync(tagManifest, 'utf8');
    writeFileSync(tagManifest, tags.replace(/^[0-9a-f]{64}(  bag-info\.txt)$/m, `${sha256(readFileSync(bagInfo))}$1`));
    expect(verify().json.problems).toEqual([{ ingestId, problem: 'bag-changed', detail: 'the tag manifest is not the one signed' }]);

    // The statement itself edited: its signature fails.
    writeFileSync(join(bagDir, 'signoff.json'), statement.toString('utf8').replace('"approved"', '"rejected"'));
    expect(verify().json.problems.map((one) => one.problem)).toEqual(['bad-signature']);
  }, 180_000);

  it('records a rejection with its reason for the clerk, and a later approval by another lead', () => {
    const root = tempDir('signoff-reject');
    const data = join(root, 'data');
    const card = join(root, 'card');
    mkdirSync(card);
    makeVideo(join(card, 'C.mp4'), { seconds: 1, seed: 5 });
    expect(runCli(data, ['person', 'add', '--name', '管理员', '--roles', 'admin', '--login', 'root1'], env).status).toBe(0);
    expect(runCli(data, [...as('root1'), 'person', 'add', '--name', '李内勤', '--roles', 'clerk', '--login', 'clerk1'], env).status).toBe(0);
    expect(runCli(data, [...as('root1'), 'person', 'add', '--name', '孙主任', '--roles', 'head', '--login', 'head1'], env).status).toBe(0);
    const { ingestId, archivePath } = runCliJson<IngestReport>(data, [...as('clerk1'), 'ingest', card], env).json;

    expect(runCliJson<{ error: { code: string } }>(data, [...as('head1'), 'signoff', ingestId, '--reject'], env).json.error.code).toBe('invalid-input');
    const rejected = runCliJson<SignoffReceipt>(data, [...as('head1'), 'signoff', ingestId, '--reject', '--reason', '缺少停录说明'], env);
    expect(rejected.status, rejected.stderr).toBe(0);
    expect(rejected.json).toMatchObject({ ingestId, decision: 'rejected', signer: '孙主任' });
    expect(rejected.json.statementSha256).toBe(sha256(readFileSync(join(archivePath, 'signoff.json'))));
    expect(runCliJson<SignoffEntry[]>(data, [...as('clerk1'), 'signoff', 'list', '--pending'], env).json).toEqual([
      { ingestId, state: 'rejected', signer: '孙主任', signedAt: rejected.json.signedAt, reason: '缺少停录说明' },
    ]);
    const approved = runCliJson<SignoffReceipt>(data, [...as('head1'), 'signoff', ingestId, '--approve'], env);
    expect(approved.json.decision).toBe('approved');
    expect(checkByHand(archivePath).signature).toBe('Signature Verified Successfully');
    expect(runCliJson<SignoffEntry[]>(data, [...as('clerk1'), 'signoff', 'list', '--pending'], env).json).toEqual([]);
    expect(runCliJson<SignoffVerifyReport>(data, ['signoff', 'verify']).json).toEqual({ checked: 1, ok: 1, problems: [] });
  }, 120_000);
});
