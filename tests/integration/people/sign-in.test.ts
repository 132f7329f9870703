import Database from 'better-sqlite3';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AuditRow, Person, SessionStatus } from '../../../src-main/contract/index.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { openStation } from '../../../src-main/core/station.js';
import { tempDir } from '../../helpers/temp-dir.js';

const desk = { name: 'desk-pc', role: 'admin' } as const;
const adminPassword = 'correct horse 1';
const clerkPassword = 'battery staple 2';

describe('people, accounts and sign-in', () => {
  let station: Station;
  beforeEach(async () => {
    station = await openStation({ dataDir: join(tempDir('people'), 'data') });
  });
  afterEach(() => station.close());

  const value = async <T>(promise: Promise<{ ok: true; value: T } | { ok: false; error: { code: string; message: string } }>): Promise<T> => {
    const result = await promise;
    if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
    return result.value;
  };
  const signIn = async (login: string, password: string): Promise<{ session: string; status: SessionStatus } | { error: string }> => {
    const result = await station.call('session.signIn', { login, password }, {});
    return result.ok ? { session: result.value.session!, status: result.value.status } : { error: result.error.code };
  };

  it('runs open until an admin account exists, then needs a signed-in person for every command', async () => {
    expect(await value(station.call('session.status', {}, {}))).toMatchObject({ state: 'open', person: null });
    // A clerk's account alone keeps it open: only an admin can manage the others.
    await value(station.call('people.add', { name: '王内勤', roles: ['clerk'], login: 'wang', password: clerkPassword }, desk));
    expect((await station.call('devices.list', {}, desk)).ok).toBe(true);

    const admin = await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'zhao', password: adminPassword }, desk));
    expect(admin).toMatchObject({ name: '赵管理', roles: ['admin'], login: 'zhao', active: true, officerNumber: null });
    expect(await value(station.call('session.status', {}, {}))).toMatchObject({ state: 'signed-out' });
    const refused = await station.call('devices.list', {}, desk);
    expect(refused).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    // The two checks anyone may run on the archive need nobody.
    expect((await station.call('archive.verify', {}, {})).ok).toBe(true);
    expect((await station.call('audit.verify', {}, {})).ok).toBe(true);

    const signedIn = await signIn('zhao', adminPassword);
    if ('error' in signedIn) throw new Error(signedIn.error);
    expect(signedIn.status).toMatchObject({ state: 'signed-in', person: { id: admin.id } });
    expect((await station.call('devices.list', {}, { session: signedIn.session })).ok).toBe(true);
    // A login and password per command, as the command line gives them.
    expect((await station.call('devices.list', {}, { login: 'ZHAO', password: adminPassword })).ok).toBe(true);
  });

  it('gives each command the role of the person that allows it, and refuses the rest', async () => {
    await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'zhao', password: adminPassword }, desk));
    const admin = { login: 'zhao', password: adminPassword };
    await value(station.call('people.add', { name: '王内勤', roles: ['clerk', 'officer'], officerNumber: 'a12345', login: 'wang', password: clerkPassword }, admin));
    const clerk = { login: 'wang', password: clerkPassword };

    expect(await station.call('people.add', { name: '李', roles: ['officer'] }, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await station.call('audit.list', {}, clerk)).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    const added = await value(station.call('devices.add', { type: 'body-camera', serial: '7654321' }, clerk));
    const rows = await value(station.call('audit.list', {}, admin));
    expect(rows.find((row) => row.action === 'devices.add' && row.object === `device:${added.id}`)).toMatchObject({ actor: '王内勤', role: 'clerk' });
    // Officer numbers are stored as recorders write them: six capitals or digits, one person each.
    const people = await value(station.call('people.list', {}, clerk));
    expect(people.find((person) => person.login === 'wang')?.officerNumber).toBe('A12345');
    expect(await station.call('people.add', { name: '重复', officerNumber: 'A12345' }, admin)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
  });

  it('locks an account after five wrong passwords in a row, and records every attempt without the password', async () => {
    await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'zhao', password: adminPassword }, desk));
    const codes: string[] = [];
    for (let attempt = 0; attempt < 5; attempt += 1) {
      const result = await signIn('zhao', `wrong password ${attempt}`);
      codes.push('error' in result ? result.error : 'signed-in');
    }
    expect(codes).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated', 'locked']);
    // Locked: even the right password waits.
    expect(await signIn('zhao', adminPassword)).toEqual({ error: 'locked' });
    expect(await station.call('devices.list', {}, { login: 'zhao', password: adminPassword })).toMatchObject({ ok: false, error: { code: 'locked' } });
    expect(await signIn('nobody', adminPassword)).toEqual({ error: 'unauthenticated' });

    // Straight from the table: reading it through audit.list would need an admin, and this one waits.
    const db = new Database(join(station.dataDir, 'station.db'), { readonly: true });
    let rows: { action: string; details_json: string }[];
    try {
      rows = db.prepare('SELECT action, details_json FROM audit_log ORDER BY seq').all() as typeof rows;
    } finally {
      db.close();
    }
    expect(rows.map((row) => row.action)).toEqual([
      'people.add',
      ...Array<string>(5).fill('session.sign-in-failed'),
      'account.locked',
      'session.sign-in-refused',
      'session.sign-in-refused',
      'session.sign-in-failed',
    ]);
    const everything = rows.map((row) => row.details_json).join('\n');
    expect(everything).not.toContain(adminPassword);
    expect(everything).not.toContain('wrong password');
    expect((await value(station.call('audit.verify', {}, {}))).ok).toBe(true);
  });

  it('signs out, locks and unlocks a session with the same person’s password', async () => {
    await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'zhao', password: adminPassword }, desk));
    const signedIn = await signIn('zhao', adminPassword);
    if ('error' in signedIn) throw new Error(signedIn.error);
    const session = { session: signedIn.session };
    expect(await value(station.call('session.lock', {}, session))).toMatchObject({ state: 'locked' });
    expect(await station.call('devices.list', {}, session)).toMatchObject({ ok: false, error: { code: 'session-locked' } });
    expect(await station.call('session.unlock', { password: 'not it at all' }, session)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await value(station.call('session.unlock', { password: adminPassword }, session))).toMatchObject({ state: 'signed-in' });
    expect((await station.call('devices.list', {}, session)).ok).toBe(true);

    const out: SessionStatus = await value(station.call('session.signOut', {}, session));
    expect(out).toMatchObject({ state: 'signed-out', person: null });
    expect(await station.call('devices.list', {}, session)).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('never lets the last admin go, which would open the station to anyone', async () => {
    const admin = await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'zhao', password: adminPassword }, desk));
    const asAdmin = { login: 'zhao', password: adminPassword };
    expect(await station.call('people.update', { id: admin.id, active: false }, asAdmin)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await station.call('people.update', { id: admin.id, roles: ['clerk'] }, asAdmin)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await value(station.call('session.status', {}, {}))).toMatchObject({ state: 'signed-out' });
    // With a second admin the first may step down.
    await value(station.call('people.add', { name: '钱管理', roles: ['admin'], login: 'qian', password: clerkPassword }, asAdmin));
    expect(await value(station.call('people.update', { id: admin.id, roles: ['clerk'] }, asAdmin))).toMatchObject({ roles: ['clerk'] });
  });

  it('signs a person out everywhere when an admin makes them inactive or sets a new password', async () => {
    await value(station.call('people.add', { name: '赵管理', roles: ['admin'], login: 'zhao', password: adminPassword }, desk));
    const admin = { login: 'zhao', password: adminPassword };
    const clerk: Person = await value(station.call('people.add', { name: '王内勤', roles: ['clerk'], login: 'wang', password: clerkPassword }, admin));
    const first = await signIn('wang', clerkPassword);
    if ('error' in first) throw new Error(first.error);
    await value(station.call('people.setPassword', { id: clerk.id, password: 'a brand new one' }, admin));
    expect(await station.call('devices.list', {}, { session: first.session })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await signIn('wang', clerkPassword)).toEqual({ error: 'unauthenticated' });

    const second = await signIn('wang', 'a brand new one');
    if ('error' in second) throw new Error(second.error);
    await value(station.call('people.update', { id: clerk.id, active: false }, admin));
    expect(await station.call('devices.list', {}, { session: second.session })).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(await signIn('wang', 'a brand new one')).toEqual({ error: 'unauthenticated' });

    const rows: AuditRow[] = await value(station.call('audit.list', {}, admin));
    const reset = rows.find((row) => row.action === 'people.setPassword');
    expect(reset).toMatchObject({ actor: '赵管理', object: `person:${clerk.id}` });
    expect(JSON.stringify(reset?.details)).not.toContain('a brand new one');
  });
});
