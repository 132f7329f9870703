import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Credentials } from '../../../src-main/contract/index.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const desk = { name: 'desk-pc', role: 'admin' } as const;

describe('signing keys', () => {
  let station: Station;
  let root: string;
  beforeEach(async () => {
    root = tempDir('signing-keys');
    station = await openStation({ dataDir: join(root, 'data') });
  });
  afterEach(() => station.close());

  const value = async <T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> => {
    const result = await promise;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const session = async (login: string, password: string): Promise<Credentials> => ({
    session: (await value(station.call('session.signIn', { login, password }, {}))).session!,
  });
  const ingestOne = async (as: Credentials, seed: number): Promise<string> => {
    const card = join(root, `card-${seed}`);
    mkdirSync(card);
    makeVideo(join(card, `V${seed}.mp4`), { seconds: 1, seed });
    const { ingestId } = await value(station.call('ingest.start', { sourcePath: card }, as));
    for (;;) {
      const report = await value(station.call('ingest.get', { ingestId }, as));
      if (report.state !== 'running') return ingestId;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };

  it('makes a lead key with the account, reseals it on a password change, and replaces it on an admin reset while old signatures still verify', async () => {
    await value(station.call('people.add', { name: '管理员', roles: ['admin'], login: 'root1', password: 'admin password 1' }, desk));
    const admin = await session('root1', 'admin password 1');
    const clerkPerson = await value(station.call('people.add', { name: '李内勤', roles: ['clerk'], login: 'clerk1', password: 'clerk password 1' }, admin));
    const lead = await value(station.call('people.add', { name: '王队长', roles: ['lead'], login: 'lead1', password: 'lead password 1' }, admin));
    const keys = await value(station.call('signoff.keys', {}, admin));
    // Only the lead holds a key: a clerk never signs.
    expect(keys.map((key) => [key.personId, key.revokedAt])).toEqual([[lead.id, null]]);
    expect(keys.map((key) => key.personId)).not.toContain(clerkPerson.id);
    const [first] = keys;

    const clerk = await session('clerk1', 'clerk password 1');
    const one = await ingestOne(clerk, 11);
    const leadSession = await session('lead1', 'lead password 1');
    // Through a session the password is asked again at the moment of signing.
    expect(await station.call('signoff.decide', { ingestId: one, decision: 'approved' }, leadSession)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await station.call('signoff.decide', { ingestId: one, decision: 'approved', password: 'wrong password' }, leadSession)).toMatchObject({
      ok: false,
      error: { code: 'unauthenticated' },
    });
    await value(station.call('signoff.decide', { ingestId: one, decision: 'approved', password: 'lead password 1' }, leadSession));

    await value(station.call('session.changePassword', { current: 'lead password 1', next: 'lead password 2' }, leadSession));
    const two = await ingestOne(clerk, 12);
    const second = await value(station.call('signoff.decide', { ingestId: two, decision: 'approved', password: 'lead password 2' }, leadSession));
    expect(second.signer).toBe('王队长');
    expect((await value(station.call('signoff.keys', {}, admin))).map((key) => key.keyId)).toEqual([first!.keyId]);

    // Forgotten: the admin sets a new password, the old key is revoked (kept), a new one made.
    await value(station.call('people.setPassword', { id: lead.id, password: 'lead password 3' }, admin));
    const after = await value(station.call('signoff.keys', {}, admin));
    expect(after).toHaveLength(2);
    expect(after[0]).toMatchObject({ keyId: first!.keyId, revokedAt: expect.any(String) });
    expect(after[1]).toMatchObject({ personId: lead.id, revokedAt: null });
    const leadAgain = await session('lead1', 'lead password 3');
    const three = await ingestOne(clerk, 13);
    await value(station.call('signoff.decide', { ingestId: three, decision: 'rejected', reason: '时间不对', password: 'lead password 3' }, leadAgain));
    expect(await value(station.call('signoff.verify', {}, {}))).toEqual({ checked: 3, ok: 3, problems: [] });

    const audit = await value(station.call('audit.list', { action: 'signing.keyMade' }, admin));
    expect(audit.map((row) => row.object)).toEqual([`person:${lead.id}`, `person:${lead.id}`]);
  }, 120_000);
});
