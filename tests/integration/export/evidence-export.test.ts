import { execFileSync, spawnSync } from 'node:child_process';
import { generateKeyPairSync, sign } from 'node:crypto';
import { chmodSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditRow, ExportReceipt, IngestReport } from '../../../src-main/contract/index.js';
import { makeVideo, sha256Of } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A lead's sign-off as the sign-off capability leaves it in a bag: the statement, its raw Ed25519 signature, the public key. */
function writeSignoff(bagDir: string, ingestId: string): void {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const statement = Buffer.from(JSON.stringify({ type: 'signoff', ingestId, decision: 'approved' }), 'utf8');
  chmodSync(bagDir, 0o755);
  writeFileSync(join(bagDir, 'signoff.json'), statement);
  writeFileSync(join(bagDir, 'signoff.sig'), sign(null, statement, privateKey));
  writeFileSync(join(bagDir, 'signer.pem'), publicKey.export({ type: 'spki', format: 'pem' }));
}

const sha256sumCheck = (dir: string) => spawnSync('sha256sum', ['-c', 'manifest-sha256.txt'], { cwd: dir, encoding: 'utf8' });

describe('station export (evidence package)', () => {
  it('packages an ingest as a bag that sha256sum, openssl and pdftotext check without the station', () => {
    const root = tempDir('export');
    const card = join(root, 'card');
    const names = ['DCIM/100MEDIA/1234567_012345_20261126083015_0001.MP4', 'DCIM/100MEDIA/1234567_012345_20261126084015_0002.MP4'];
    names.forEach((name, seed) => makeVideo(join(card, name), { seed }));
    const data = join(root, 'data');
    const { json: report, status: ingested } = runCliJson<IngestReport>(data, ['--operator', 'zhou', 'ingest', card]);
    expect(ingested).toBe(0);
    const bagDir = join(data, 'archive', report.ingestId);
    writeSignoff(bagDir, report.ingestId);
    const archived = names.map((name) => sha256Of(join(bagDir, 'data', name)));

    const out = join(root, 'package');
    const made = runCliJson<ExportReceipt>(data, ['--operator', 'zhou', 'export', '--ingest', report.ingestId, '--out', out, '--zip', '--purpose', '投诉 2026-017']);
    expect(made.status, made.stderr).toBe(0);
    expect(made.json).toMatchObject({ path: out, zipPath: `${out}.zip`, files: 2 });
    expect(made.json.bytes).toBe(names.reduce((sum, name) => sum + readFileSync(join(card, name)).length, 0));

    // Checked in a copy elsewhere, as the receiver would.
    const copy = join(tempDir('export-copy'), 'received');
    cpSync(out, copy, { recursive: true });
    const checked = sha256sumCheck(copy);
    expect(checked.status, checked.stdout + checked.stderr).toBe(0);
    for (const name of names) expect(checked.stdout).toContain(`data/${report.ingestId}/${name}: OK`);
    expect(spawnSync('sha256sum', ['-c', 'tagmanifest-sha256.txt'], { cwd: copy }).status).toBe(0);
    const verified = execFileSync(
      'openssl',
      ['pkeyutl', '-verify', '-pubin', '-inkey', `signoffs/${report.ingestId}/signer.pem`, '-rawin', '-in', `signoffs/${report.ingestId}/signoff.json`, '-sigfile', `signoffs/${report.ingestId}/signoff.sig`],
      { cwd: copy, encoding: 'utf8' },
    );
    expect(verified).toContain('Signature Verified Successfully');

    const bagInfo = readFileSync(join(copy, 'bag-info.txt'), 'utf8');
    expect(bagInfo).toContain(`Export-Id: ${made.json.exportId}`);
    expect(bagInfo).toContain('Made-By: zhou');
    expect(bagInfo).toContain(`Payload-Oxum: ${made.json.bytes}.2`);
    const readme = readFileSync(join(copy, 'README.txt'), 'utf8');
    expect(readme).toContain('sha256sum -c manifest-sha256.txt');
    expect(readme).toContain(`openssl pkeyutl -verify -pubin -inkey signoffs/${report.ingestId}/signer.pem -rawin`);
    expect(readme).toContain('校验文件完整性');

    const pdf = execFileSync('pdftotext', [join(copy, 'custody-report.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf).toContain('执法音像记录证据保管链报告');
    expect(pdf).toContain('校验方式');
    expect(pdf).toContain('导入人');
    expect(pdf).toContain('投诉 2026-017');
    for (const [index, name] of names.entries()) {
      expect(pdf).toContain(name.split('/').pop());
      expect(pdf).toContain(archived[index]);
    }

    const listed = execFileSync('unzip', ['-l', `${out}.zip`], { encoding: 'utf8' });
    for (const name of names) expect(listed).toContain(`package/data/${report.ingestId}/${name}`);
    expect(listed).toContain('package/custody-report.pdf');
    expect(listed).toContain(`package/signoffs/${report.ingestId}/signoff.sig`);

    // One changed byte in a handed-out copy is caught; the archive itself is untouched.
    const tampered = join(copy, 'data', report.ingestId, names[0]!);
    chmodSync(tampered, 0o644);
    const bytes = readFileSync(tampered);
    const middle = bytes.length >> 1;
    bytes[middle] = bytes[middle]! ^ 0xff;
    writeFileSync(tampered, bytes);
    const caught = sha256sumCheck(copy);
    expect(caught.status).not.toBe(0);
    expect(caught.stdout).toContain('FAILED');
    expect(names.map((name) => sha256Of(join(bagDir, 'data', name)))).toEqual(archived);

    const views = runCliJson<AuditRow[]>(data, ['--operator', 'zhou', 'audit', 'list']).json.filter((row) => row.action === 'export.create');
    expect(views).toMatchObject([{ object: `export:${made.json.exportId}`, details: { kind: 'view' } }]);
  });

  it('refuses a folder that holds something, and writes nothing', () => {
    const root = tempDir('export-full');
    const card = join(root, 'card');
    makeVideo(join(card, 'DCIM/1234567_012345_20261126083015_0001.MP4'));
    const data = join(root, 'data');
    const { json: report } = runCliJson<IngestReport>(data, ['ingest', card]);
    const out = join(root, 'busy');
    mkdirSync(out);
    writeFileSync(join(out, 'keep.txt'), 'mine');
    const refused = runCliJson<{ error: { code: string } }>(data, ['export', '--ingest', report.ingestId, '--out', out]);
    expect(refused.status).toBe(1);
    expect(refused.json.error.code).toBe('invalid-input');
    expect(readFileSync(join(out, 'keep.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(out, 'bagit.txt'))).toBe(false);
    expect(runCli(data, ['export', '--ingest', 'no-such', '--out', join(root, 'none')]).status).toBe(1);
  });
});
