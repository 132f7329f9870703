import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

interface Shown {
  id: number;
  name: string;
  officerNumber: string | null;
  certNumber: string | null;
  unit: string | null;
  roles: string[];
  login: string | null;
}
type Refusal = { error: { code: string; message: string } };

const admin = { STATION_PASSWORD: 'admin password 1' };

describe('station person and credentials on the command line', () => {
  it('adds people, then needs --user with a password from the environment or a file, exiting 3 when refused for who asks', () => {
    const root = tempDir('person-cli');
    const data = join(root, 'data');
    // Open: no admin yet, so the command line runs as before.
    const first = runCliJson<Shown>(data, ['person', 'add', '--name', '赵管理', '--roles', 'admin', '--login', 'zhao', '--unit', '区统计局执法队'], { STATION_NEW_PASSWORD: admin.STATION_PASSWORD });
    expect(first.status).toBe(0);
    expect(first.json).toMatchObject({ name: '赵管理', roles: ['admin'], login: 'zhao', unit: '区统计局执法队', officerNumber: null, certNumber: null });
    expect(first.json.id).toBeGreaterThan(0);

    const anonymous = runCliJson<Refusal>(data, ['person', 'list']);
    expect(anonymous.status).toBe(3);
    expect(anonymous.json.error.code).toBe('unauthenticated');
    expect(runCliJson<Refusal>(data, ['--user', 'zhao', 'person', 'list'])).toMatchObject({ status: 3, json: { error: { code: 'unauthenticated' } } });

    const officer = runCliJson<Shown>(data, ['--user', 'zhao', 'person', 'add', '--name', '李执法', '--officer-number', '012345', '--cert-number', '440106001', '--roles', 'officer'], admin);
    expect(officer.json).toMatchObject({ name: '李执法', officerNumber: '012345', certNumber: '440106001', roles: ['officer'], login: null });
    const passwordFile = join(root, 'clerk-password');
    writeFileSync(passwordFile, 'clerk password 2\n');
    const clerk = runCliJson<Shown>(data, ['--user', 'zhao', 'person', 'add', '--name', '王内勤', '--roles', 'clerk', '--login', 'wang', '--new-password-file', passwordFile], admin);
    expect(clerk.status).toBe(0);

    const listed = runCliJson<Shown[]>(data, ['--user', 'wang', '--password-file', passwordFile, 'person', 'list']);
    expect(listed.status).toBe(0);
    expect(listed.json.map((person) => person.name).sort()).toEqual(['李执法', '王内勤', '赵管理'].sort());
    const forbidden = runCliJson<Refusal>(data, ['--user', 'wang', '--password-file', passwordFile, 'person', 'add', '--name', '某人']);
    expect(forbidden).toMatchObject({ status: 3, json: { error: { code: 'forbidden' } } });
    // Refused for what it asks, not for who asks: exit 1.
    const taken = runCliJson<Refusal>(data, ['--user', 'zhao', 'person', 'add', '--name', '重号', '--officer-number', '012345'], admin);
    expect(taken).toMatchObject({ status: 1, json: { error: { code: 'invalid-input' } } });

    // Watching (it reports and ingests what is plugged in) needs a person too.
    expect(runCliJson<Refusal>(data, ['watch'])).toMatchObject({ status: 3, json: { error: { code: 'unauthenticated' } } });
    // Checking the archive and the chain needs nobody.
    expect(runCli(data, ['verify']).status).toBe(0);
    expect(runCli(data, ['audit', 'verify']).status).toBe(0);
  });

  it('locks the account after five wrong passwords, and says so with exit 3', () => {
    const data = join(tempDir('person-lock'), 'data');
    expect(runCli(data, ['person', 'add', '--name', '赵管理', '--roles', 'admin', '--login', 'zhao'], { STATION_NEW_PASSWORD: admin.STATION_PASSWORD }).status).toBe(0);
    // A command that asks the core several things (checkout) still checks the password once: one failure.
    const commandLines = [['checkout', '--device', 'X1', '--officer', '012345', '--battery', 'ok', '--storage', 'ok', '--clock', 'ok'], ...Array.from({ length: 4 }, () => ['person', 'list'])];
    const codes = commandLines.map((args) => runCliJson<Refusal>(data, ['--user', 'zhao', ...args], { STATION_PASSWORD: 'not the password' }));
    expect(codes.map((run) => [run.status, run.json.error.code])).toEqual([
      [3, 'unauthenticated'],
      [3, 'unauthenticated'],
      [3, 'unauthenticated'],
      [3, 'unauthenticated'],
      [3, 'locked'],
    ]);
    const right = runCli(data, ['--user', 'zhao', 'person', 'list'], admin);
    expect(right.status).toBe(3);
    expect(right.stderr).toMatch(/locked until/);
  });
});
