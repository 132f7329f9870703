import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AccessGrant, IngestReport, Recording } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const password = 'secret-pass-1';
const levels = (rows: Recording[]) => Object.fromEntries(rows.map((r) => [r.originalName.replace(/^.*_(\d{4})\.MP4$/, '$1'), r.confidentiality]));

describe('station classify, grant and recordings --json', () => {
  it('classifies a recording and an activity, lists each effective level, and masks it for those who may not see it', async () => {
    const root = tempDir('classify-cli');
    const data = join(root, 'data');
    const dcim = join(root, 'card/DCIM');
    // One clip inside the check-out's window, one the next day, outside it.
    makeVideo(join(dcim, '7654321_012345_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T00:30:15Z' });
    makeVideo(join(dcim, '7654321_012345_20261127100000_0002.MP4'), { seed: 2, creationTime: '2026-11-27T02:00:00Z' });
    expect(runCli(data, ['device', 'add', '--serial', '7654321', '--type', 'body-camera']).status).toBe(0);
    expect(runCli(data, ['person', 'add', '--name', '李执法', '--officer-number', '012345']).status).toBe(0);
    const checkout = runCliJson<{ checkoutId: number }>(data, [
      'checkout', '--device', '7654321', '--officer', '012345', '--battery', 'ok', '--storage', 'ok', '--clock', 'ok', '--at', '2026-11-26T08:00:00+08:00',
    ]);
    expect(checkout.status).toBe(0);
    expect(runCli(data, ['checkin', '--device', '7654321', '--at', '2026-11-26T12:00:00+08:00']).status).toBe(0);
    const ingest = runCliJson<IngestReport>(data, ['ingest', join(root, 'card')]);
    expect(ingest.status).toBe(0);

    const rows = runCliJson<Recording[]>(data, ['recordings']).json;
    expect(rows.map((r) => [r.confidentiality, r.masked])).toEqual([
      ['none', false],
      ['none', false],
    ]);
    // Accounts: classifying is the clerk's, lead's or head's, never the admin's the command line runs as while open.
    const station = await openStation({ dataDir: data });
    let leadId: number;
    try {
      const add = async (name: string, roles: string[], login: string, credentials: Parameters<typeof station.call>[2]) => {
        const added = await station.call('people.add', { name, roles, login, password }, credentials);
        if (!added.ok) throw new Error(added.error.message);
        return added.value.id;
      };
      await add('赵管理', ['admin'], 'admin', { name: 'desk', role: 'admin' });
      leadId = await add('张主管', ['lead'], 'lead', { login: 'admin', password });
      await add('刘局长', ['head'], 'head', { login: 'admin', password });
      await add('王内勤', ['clerk'], 'clerk', { login: 'admin', password });
    } finally {
      await station.close();
    }
    const env = { STATION_PASSWORD: password };
    const later = rows.find((r) => r.originalName.endsWith('0002.MP4'))!;
    const classified = runCliJson(data, ['--user', 'clerk', 'classify', '--recording', String(later.id), '--level', 'commercial-secret'], env);
    expect(classified).toMatchObject({ status: 0, json: { level: 'commercial-secret', recordings: 1 } });
    // The activity: its level reaches the recording its window holds.
    const activity = runCliJson(data, ['--user', 'clerk', 'classify', '--checkout', String(checkout.json.checkoutId), '--level', 'state-secret'], env);
    expect(activity).toMatchObject({ status: 0, json: { level: 'state-secret', recordings: 1 } });
    expect(levels(runCliJson<Recording[]>(data, ['--user', 'head', 'recordings'], env).json)).toEqual({ '0001': 'state-secret', '0002': 'commercial-secret' });
    expect(runCli(data, ['--user', 'clerk', 'classify', '--recording', String(later.id), '--level', 'top'], env).status).toBe(1);
    expect(runCliJson(data, ['--user', 'clerk', 'classify', '--level', 'none'], env).json).toMatchObject({ error: { code: 'invalid-input' } });

    // The lead sees the activity's clip masked.
    const asLead = runCliJson<Recording[]>(data, ['--user', 'lead', 'recordings'], env).json;
    const inWindow = asLead.find((r) => r.confidentiality === 'state-secret')!;
    expect(inWindow).toMatchObject({ masked: true, originalName: '(confidential)', archivePath: '(confidential)', recordedAt: null, officerNumber: null });
    expect(asLead.find((r) => r.confidentiality === 'commercial-secret')).toMatchObject({ masked: false, originalName: later.originalName });

    // Only the head grants; then the lead sees it.
    const until = '2099-01-01T00:00:00+08:00';
    expect(runCli(data, ['--user', 'lead', 'grant', '--person', String(leadId), '--recording', String(inWindow.id), '--until', until], env).status).toBe(3);
    const granted = runCliJson<AccessGrant>(data, ['--user', 'head', 'grant', '--person', String(leadId), '--recording', String(inWindow.id), '--until', until], env);
    expect(granted).toMatchObject({ status: 0, json: { personId: leadId, name: '张主管', recordingId: inWindow.id, grantedBy: '刘局长' } });
    const afterGrant = runCliJson<Recording[]>(data, ['--user', 'lead', 'recordings'], env).json;
    expect(afterGrant.find((r) => r.id === inWindow.id)).toMatchObject({ masked: false, confidentiality: 'state-secret' });
  });
});
