import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow, CommandName, Recording } from '../../../src-main/contract/index.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { as, openOffice, value, type Office } from './office.js';

/** Art. 14 through the core: a clerk classifies, the list masks, opening and playing refuse, the head grants. */
describe('confidentiality levels', () => {
  let office: Office;
  beforeAll(async () => {
    office = await openOffice(tempDir('confidentiality'));
  });
  afterAll(() => office?.station.close());

  const call = <K extends CommandName>(name: K, input: unknown, login: string) => office.station.call(name, input, as(login));
  const listed = async (login: string, query: Record<string, unknown> = {}) => (await value(call('recordings.list', query, login))).rows as Recording[];
  const row = async (login: string, id: number) => (await listed(login)).find((recording) => recording.id === id)!;
  const refusal = async (name: 'recordings.get' | 'recordings.play' | 'recordings.thumbnail', id: number, login: string) => {
    const result = await call(name, { id }, login);
    return result.ok ? 'allowed' : result.error.code;
  };

  it('keeps state-secret footage from everyone but the head: listed masked, not opened, played or drawn', async () => {
    const { other } = office;
    expect(await value(call('confidentiality.classify', { recordingId: other.id, level: 'state-secret' }, 'clerk'))).toEqual({ level: 'state-secret', recordings: 1 });

    const masked = await row('lead', other.id);
    expect(masked).toMatchObject({
      id: other.id,
      sha256: other.sha256,
      originalName: '(confidential)',
      archivePath: '(confidential)',
      recordedAt: null,
      durationSeconds: null,
      officerNumber: null,
      officer: null,
      confidentiality: 'state-secret',
      masked: true,
    });
    expect(JSON.stringify(masked)).not.toContain('054321');
    // The search finds nothing by what the mask hides; by the content hash it still counts it.
    expect((await value(call('recordings.list', { search: '054321' }, 'lead'))).total).toBe(0);
    expect((await value(call('recordings.list', { search: '0002.MP4' }, 'lead'))).total).toBe(0);
    expect((await value(call('recordings.list', { officer: '054321' }, 'lead'))).total).toBe(0);
    expect((await value(call('recordings.list', { search: '054321' }, 'head'))).total).toBe(1);

    for (const command of ['recordings.get', 'recordings.play', 'recordings.thumbnail'] as const) {
      expect(await refusal(command, other.id, 'lead')).toBe('forbidden');
      expect(await refusal(command, other.id, 'auditor')).toBe('forbidden');
    }
    const refused = await call('recordings.get', { id: other.id }, 'lead');
    expect(JSON.stringify(refused)).not.toContain('054321');

    expect(await row('head', other.id)).toMatchObject({ originalName: other.originalName, masked: false, confidentiality: 'state-secret' });
    expect(await refusal('recordings.get', other.id, 'head')).toBe('allowed');
    expect(await refusal('recordings.play', other.id, 'head')).toBe('allowed');
  });

  it('records the level with every view of confidential footage, and who classified it', async () => {
    const rows: AuditRow[] = await value(call('audit.list', {}, 'auditor'));
    const views = rows.filter((r) => (r.action === 'recordings.get' || r.action === 'recordings.play') && r.object === `recording:${office.other.id}`);
    expect(views.map((r) => ({ action: r.action, actor: r.actor, level: (r.details as { level?: string }).level }))).toEqual(
      expect.arrayContaining([
        { action: 'recordings.get', actor: '刘局长', level: 'state-secret' },
        { action: 'recordings.play', actor: '刘局长', level: 'state-secret' },
      ]),
    );
    // Refusals changed nothing and recorded no view.
    expect(views.every((r) => r.actor === '刘局长')).toBe(true);
    expect(rows.find((r) => r.action === 'confidentiality.classify')).toMatchObject({ actor: '王内勤', object: `recording:${office.other.id}`, details: { kind: 'change' } });
  });

  it("lets a person the head granted it see state-secret footage until the grant's time", async () => {
    const { other, people } = office;
    const until = new Date(Date.now() + 3000).toISOString();
    expect((await call('confidentiality.grant', { personId: people.lead, recordingId: other.id, until }, 'lead')).ok).toBe(false);
    expect(await call('confidentiality.grant', { personId: people.lead, recordingId: other.id, until: new Date(Date.now() - 1000).toISOString() }, 'head')).toMatchObject({
      ok: false,
      error: { code: 'invalid-input' },
    });
    const grant = await value(call('confidentiality.grant', { personId: people.lead, recordingId: other.id, until }, 'head'));
    expect(grant).toMatchObject({ personId: people.lead, name: '张主管', recordingId: other.id, ingestId: null, grantedBy: '刘局长' });
    expect(await value(call('confidentiality.grants', {}, 'head'))).toEqual([grant]);

    expect(await refusal('recordings.play', other.id, 'lead')).toBe('allowed');
    expect(await row('lead', other.id)).toMatchObject({ masked: false, originalName: other.originalName });
    // Someone else gains nothing from the lead's grant.
    expect(await refusal('recordings.play', other.id, 'auditor')).toBe('forbidden');

    await new Promise((resolve) => setTimeout(resolve, Date.parse(until) - Date.now() + 200));
    expect(await refusal('recordings.play', other.id, 'lead')).toBe('forbidden');
    expect((await row('lead', other.id)).masked).toBe(true);
  });

  it("shows personal-privacy footage to leads, auditors, the head and the recording's own officer, not to another clerk", async () => {
    const { own } = office;
    expect(await value(call('confidentiality.classify', { recordingId: own.id, level: 'personal-privacy' }, 'lead'))).toEqual({ level: 'personal-privacy', recordings: 1 });
    for (const login of ['lead', 'auditor', 'head', 'li']) {
      expect(await refusal('recordings.play', own.id, login), login).toBe('allowed');
      expect((await row(login, own.id)).masked, login).toBe(false);
    }
    expect(await refusal('recordings.play', own.id, 'clerk')).toBe('forbidden');
    expect(await refusal('recordings.get', own.id, 'clerk')).toBe('forbidden');
    expect(await row('clerk', own.id)).toMatchObject({ masked: true, originalName: '(confidential)', confidentiality: 'personal-privacy' });
  });

  it('classifies a whole ingest; only the head takes a level back down', async () => {
    const { ingestId, own, other } = office;
    // Lowering the state-secret recording with the rest of its ingest: the head's.
    expect(await call('confidentiality.classify', { ingestId, level: 'commercial-secret' }, 'clerk')).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await value(call('confidentiality.classify', { ingestId, level: 'state-secret' }, 'clerk'))).toEqual({ level: 'state-secret', recordings: 2 });
    expect((await listed('lead')).every((r) => r.masked)).toBe(true);
    expect(await value(call('confidentiality.classify', { ingestId, level: 'none' }, 'head'))).toEqual({ level: 'none', recordings: 2 });
    expect((await listed('clerk')).map((r) => [r.id, r.confidentiality, r.masked])).toEqual(
      expect.arrayContaining([
        [own.id, 'none', false],
        [other.id, 'none', false],
      ]),
    );
    expect(await call('confidentiality.classify', { recordingId: 999_999, level: 'state-secret' }, 'clerk')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await call('confidentiality.classify', { level: 'state-secret' }, 'clerk')).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });
});
