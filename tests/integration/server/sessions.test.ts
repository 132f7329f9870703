import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commands, Role, type CommandName } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { startServer, type RunningServer } from '../../../src-main/hosts/server/index.js';
import { lockedUntil } from '../../../src-renderer/features/session/locked-until.js';

interface Answer {
  status: number;
  body: { ok: boolean; value?: unknown; error?: { code: string; message: string } } | null;
  setCookies: string[];
}

/** A command that changes something, and an input it accepts, for each command the roles are tried on. */
const tried: { name: CommandName; input: (dir: string) => unknown }[] = [
  { name: 'people.add', input: () => ({ name: '试用人员' }) },
  { name: 'settings.update', input: () => ({ idleLockMinutes: 15 }) },
  { name: 'audit.list', input: () => ({}) },
  { name: 'ingest.start', input: (dir) => ({ sourcePath: path.join(dir, 'no-such-card') }) },
];

/** Browser mode's sign-in over real HTTP, on a real station: the session cookie and who may do what. */
describe('browser mode sessions over a real station', () => {
  let dir = '';
  let station: Station;
  let server: RunningServer;
  const cookieName = () => `station-session-${server.port}`;

  async function command(name: string, input: unknown, { token = true, cookie = null as string | null } = {}): Promise<Answer> {
    const headers: Record<string, string> = { 'Content-Type': 'application/json' };
    if (token) headers['X-Station-Token'] = server.token;
    if (cookie !== null) headers.Cookie = `${cookieName()}=${cookie}`;
    const response = await fetch(`http://127.0.0.1:${server.port}/api/command/${name}`, { method: 'POST', headers, body: JSON.stringify(input) });
    const text = await response.text();
    let body: Answer['body'] = null;
    try {
      body = JSON.parse(text) as Answer['body'];
    } catch {
      // A 401 answers in plain text.
    }
    return { status: response.status, body, setCookies: response.headers.getSetCookie() };
  }

  /** The session id the server set, read from its Set-Cookie the way a browser would. */
  const sessionFrom = (answer: Answer): string => {
    const own = answer.setCookies.find((cookie) => cookie.startsWith(`${cookieName()}=`));
    if (!own) throw new Error(`no session cookie in ${JSON.stringify(answer.setCookies)}`);
    return own.slice(cookieName().length + 1).split(';')[0]!;
  };

  async function signIn(login: string, password: string): Promise<string> {
    const answer = await command('session.signIn', { login, password });
    expect(answer.body?.ok, JSON.stringify(answer.body)).toBe(true);
    return sessionFrom(answer);
  }

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'station-sessions-'));
    station = await openStation({ dataDir: path.join(dir, 'data') });
    // As `station serve` starts it: the one who started it acts as admin while the station runs open.
    server = await startServer(station, { port: 0, rendererDir: path.join(dir, 'renderer'), openAs: { name: '值班员', role: 'admin' } });
  });
  afterAll(async () => {
    await server.close();
    await station.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('runs open with the token alone until an admin exists, then needs a sign-in', async () => {
    expect((await command('session.status', {})).body?.value).toMatchObject({ state: 'open', person: null });
    const added = await command('people.add', { name: '王管理', roles: ['admin'], login: 'admin', password: 'admin-pass-1' });
    expect(added.body).toMatchObject({ ok: true, value: { name: '王管理', login: 'admin', roles: ['admin'] } });
    expect((await command('session.status', {})).body?.value).toMatchObject({ state: 'signed-out', person: null });
    // With the token but no session cookie: the core asks for a sign-in.
    expect((await command('devices.list', {})).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('sets the session in an HttpOnly, SameSite=Strict cookie that expires, and never tells the page the id', async () => {
    const answer = await command('session.signIn', { login: 'admin', password: 'admin-pass-1' });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ ok: true, value: { session: null, status: { state: 'signed-in', person: { login: 'admin' } } } });
    expect(answer.setCookies).toHaveLength(1);
    const attributes = answer.setCookies[0]!.split(';').map((part) => part.trim());
    expect(attributes).toEqual(expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/']));
    const maxAge = attributes.find((part) => part.startsWith('Max-Age='));
    expect(Number(maxAge?.slice('Max-Age='.length))).toBeGreaterThan(0);
    const session = sessionFrom(answer);
    expect(session.length).toBeGreaterThan(20);

    expect((await command('devices.list', {}, { cookie: session })).body).toMatchObject({ ok: true });
    // The cookie alone opens nothing: every request still needs the start token in its header.
    const withoutToken = await command('devices.list', {}, { token: false, cookie: session });
    expect(withoutToken.status).toBe(401);
    expect(withoutToken.body).toBeNull();
  });

  it('clears the cookie on sign-out, and the old session id no longer works', async () => {
    const session = await signIn('admin', 'admin-pass-1');
    const out = await command('session.signOut', {}, { cookie: session });
    expect(out.body).toMatchObject({ ok: true, value: { state: 'signed-out' } });
    expect(out.setCookies).toHaveLength(1);
    const attributes = out.setCookies[0]!.split(';').map((part) => part.trim());
    expect(attributes[0]).toBe(`${cookieName()}=`);
    expect(attributes).toEqual(expect.arrayContaining(['Max-Age=0', 'HttpOnly', 'SameSite=Strict', 'Path=/']));
    expect((await command('devices.list', {}, { cookie: session })).body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
  });

  it('sets no cookie for a wrong password', async () => {
    const answer = await command('session.signIn', { login: 'admin', password: 'not-it-at-all' });
    expect(answer.body).toMatchObject({ ok: false, error: { code: 'unauthenticated' } });
    expect(answer.setCookies).toEqual([]);
  });

  it('locks an account after five wrong passwords until the time the audit chain records, which the page reads from the refusal', async () => {
    const admin = await signIn('admin', 'admin-pass-1');
    const added = await command('people.add', { name: '周忘记', roles: ['clerk'], login: 'forgetful', password: 'right-pass-1' }, { cookie: admin });
    expect(added.body?.ok).toBe(true);
    const codes: string[] = [];
    let last: Answer | null = null;
    for (let attempt = 1; attempt <= 6; attempt += 1) {
      last = await command('session.signIn', { login: 'forgetful', password: `wrong-${attempt}` });
      codes.push(last.body?.error?.code ?? 'ok');
    }
    expect(codes).toEqual(['unauthenticated', 'unauthenticated', 'unauthenticated', 'unauthenticated', 'locked', 'locked']);
    const rows = (await command('audit.list', {}, { cookie: admin })).body?.value as { action: string; details: { until?: string } }[];
    const until = rows.findLast((row) => row.action === 'account.locked')?.details.until;
    expect(until).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/);
    expect(lockedUntil({ code: 'locked', message: last!.body!.error!.message })).toBe(`${until!.slice(0, 10)} ${until!.slice(11, 19)}`);
  });

  it('lets each role do what commands.ts says, and refuses the rest as forbidden', async () => {
    const admin = await signIn('admin', 'admin-pass-1');
    const sessions = new Map<string, string>();
    for (const role of Role.options) {
      const login = `${role}-one`;
      const added = await command('people.add', { name: `${role} 人员`, roles: [role], login, password: `${role}-pass-12` }, { cookie: admin });
      expect(added.body?.ok, JSON.stringify(added.body)).toBe(true);
      sessions.set(role, await signIn(login, `${role}-pass-12`));
    }
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const role of Role.options) {
      for (const { name, input } of tried) {
        const answer = await command(name, input(dir), { cookie: sessions.get(role)! });
        expect(answer.status).toBe(200);
        const allowed = (commands[name].roles as readonly string[]).includes(role);
        // Allowed commands may still fail for what they ask (a card that is not there), never for who asks.
        outcomes.push(`${role} ${name} ${answer.body?.error?.code === 'forbidden' ? 'forbidden' : 'allowed'}`);
        expected.push(`${role} ${name} ${allowed ? 'allowed' : 'forbidden'}`);
        if (allowed && name !== 'ingest.start') expect(answer.body?.ok, `${role} ${name}: ${JSON.stringify(answer.body)}`).toBe(true);
      }
    }
    expect(outcomes).toEqual(expected);
    // The admin-only command is refused to every other role; one of them is allowed it.
    expect(expected.filter((line) => line.includes('people.add allowed'))).toEqual(['admin people.add allowed']);
  });
});
