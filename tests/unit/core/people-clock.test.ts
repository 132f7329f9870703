import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuditTrail, openStationKey } from '../../../src-main/core/audit/index.js';
import { openDatabase, type Database } from '../../../src-main/core/db/index.js';
import { Authenticator } from '../../../src-main/core/people/authenticator.js';
import { hashPassword, passwordMatches } from '../../../src-main/core/people/password-hash.js';
import { insertPerson, recordSignInFailure, setAccount } from '../../../src-main/core/people/people-store.js';
import { SessionRegistry } from '../../../src-main/core/people/session-registry.js';
import { checkPassword, failuresBeforeLock, lockMs } from '../../../src-main/core/people/sign-in.js';
import { defaultSettings } from '../../../src-main/core/settings/settings-store.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Sign-in against a clock the test moves: lock expiry and idle lock without waiting. */
describe('sign-in over time', () => {
  let db: Database;
  let now = Date.UTC(2026, 11, 6, 1, 0, 0);
  let env: Parameters<typeof checkPassword>[0] & { settings: () => typeof defaultSettings };

  beforeEach(async () => {
    const dir = tempDir('people-clock');
    db = openDatabase(join(dir, 'station.db'));
    const key = await openStationKey(dir, { create: true });
    env = { db, audit: new AuditTrail(db, key!, () => now), now: () => now, iso: (ms) => new Date(ms).toISOString(), settings: () => ({ ...defaultSettings, idleLockMinutes: 10 }) };
    const id = insertPerson(db, { name: '赵管理', officerNumber: null, certNumber: null, unit: null, roles: ['admin'] }, now);
    setAccount(db, id, 'zhao', await hashPassword('the right one'), now);
  });
  afterEach(() => db.close());

  const attempt = (password: string) =>
    checkPassword(env, 'zhao', password, 'session.sign-in').then(
      () => 'ok',
      (error: { code: string }) => error.code,
    );

  it('keeps scrypt hashes that check the password and nothing else', async () => {
    const stored = await hashPassword('口令 with 中文');
    expect(stored).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await passwordMatches('口令 with 中文', stored)).toBe(true);
    expect(await passwordMatches('口令 with 中文 ', stored)).toBe(false);
    expect(await hashPassword('口令 with 中文')).not.toBe(stored);
  });

  it('opens a locked account again once five minutes have passed, with a fresh count', async () => {
    for (let i = 1; i < failuresBeforeLock; i += 1) expect(await attempt('wrong')).toBe('unauthenticated');
    expect(await attempt('wrong')).toBe('locked');
    now += lockMs - 1000;
    expect(await attempt('the right one')).toBe('locked');
    now += 2000;
    // The count starts again: four more wrong ones do not lock it, a fifth does.
    for (let i = 1; i < failuresBeforeLock; i += 1) expect(await attempt('wrong')).toBe('unauthenticated');
    expect(await attempt('the right one')).toBe('ok');
    for (let i = 1; i < failuresBeforeLock; i += 1) expect(await attempt('wrong')).toBe('unauthenticated');
    expect(await attempt('wrong')).toBe('locked');
  });

  it('refuses even the right password when the account locked while it was being checked (guesses sent side by side)', async () => {
    const checking = attempt('the right one');
    // Another attempt, elsewhere, locked the account after this one looked but before scrypt answered.
    recordSignInFailure(db, 1, failuresBeforeLock, now + lockMs);
    expect(await checking).toBe('locked');
  });

  it('keeps an unknown login out of the chain, which cannot forget what was typed there', async () => {
    await checkPassword(env, 'my-secret-password', 'x', 'session.sign-in').catch(() => undefined);
    const row = db.prepare("SELECT actor, details_json FROM audit_log WHERE action = 'session.sign-in-failed'").get() as { actor: string; details_json: string };
    expect(`${row.actor} ${row.details_json}`).not.toContain('my-secret-password');
    expect(row.actor).toMatch(/^unknown:[0-9a-f]{12}$/);
  });

  it('locks a session idle past the setting, and counts only commands as activity', async () => {
    const sessions = new SessionRegistry(() => now);
    const authenticator = new Authenticator(env, sessions);
    const session = sessions.open(1);
    now += 9 * 60_000;
    expect((await authenticator.identify({ session })).name).toBe('赵管理');
    now += 9 * 60_000;
    // Asking where one stands is not activity.
    expect(authenticator.status({ session }).state).toBe('signed-in');
    now += 2 * 60_000;
    expect(authenticator.status({ session }).state).toBe('locked');
    await expect(authenticator.identify({ session })).rejects.toMatchObject({ code: 'session-locked' });
    const actions = (db.prepare('SELECT action, details_json FROM audit_log').all() as { action: string; details_json: string }[]).map((row) => `${row.action} ${row.details_json}`);
    expect(actions).toEqual(['session.locked {"reason":"idle"}']);
  });

  it('ends a session twelve hours after sign-in, active or not', async () => {
    const sessions = new SessionRegistry(() => now);
    const authenticator = new Authenticator(env, sessions);
    const openedAt = now;
    const session = sessions.open(1);
    // Busy all day, never idle as long as the lock's ten minutes.
    while (now + 9 * 60_000 <= openedAt + 12 * 3_600_000) {
      now += 9 * 60_000;
      await authenticator.identify({ session });
    }
    now = openedAt + 12 * 3_600_000 + 60_000;
    await expect(authenticator.identify({ session })).rejects.toMatchObject({ code: 'unauthenticated' });
  });
});
