import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../src-main/hosts/server/index.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { as, openOffice, password, value, type Office } from './office.js';

/** Browser mode over a real station: the media route serves state-secret footage to the head only. */
describe('confidential media over HTTP', () => {
  let office: Office | undefined;
  let server: RunningServer | undefined;
  let clip: Buffer;
  beforeAll(async () => {
    const root = tempDir('confidential-http');
    office = await openOffice(root);
    clip = await readFile(join(root, 'card/DCIM/1234567_054321_20261126090000_0002.MP4'));
    await value(office.station.call('confidentiality.classify', { recordingId: office.other.id, level: 'state-secret' }, as('clerk')));
    server = await startServer(office.station, { port: 0, rendererDir: join(root, 'renderer'), openAs: { name: '值班员', role: 'admin' } });
  });
  afterAll(async () => {
    await server?.close();
    await office?.station.close();
  });

  const base = () => `http://127.0.0.1:${server!.port}`;
  async function signIn(login: string): Promise<Record<string, string>> {
    const response = await fetch(`${base()}/api/command/session.signIn`, {
      method: 'POST',
      headers: { 'X-Station-Token': server!.token, 'Content-Type': 'application/json' },
      body: JSON.stringify({ login, password }),
    });
    const cookie = response.headers.getSetCookie().find((one) => one.startsWith(`station-session-${server!.port}=`));
    if (!cookie) throw new Error(`no session for ${login}`);
    return { 'X-Station-Token': server!.token, Cookie: cookie.split(';')[0]! };
  }

  it('answers 403 and no bytes to a lead, and the recording to the head', async () => {
    const id = office!.other.id;
    const lead = await signIn('lead');
    const refused = await fetch(`${base()}/media/${id}`, { headers: lead });
    expect(refused.status).toBe(403);
    const body = Buffer.from(await refused.arrayBuffer());
    expect(body.includes(clip.subarray(0, 64))).toBe(false);
    expect(refused.headers.get('content-type')).toMatch(/^text\/plain/);
    expect((await fetch(`${base()}/media/${id}/thumbnail`, { headers: lead })).status).toBe(403);
    // Nor will the station sign a URL for it.
    const signed = (await (await fetch(`${base()}/api/sign/media/${id}`, { method: 'POST', headers: lead })).json()) as { ok: boolean; error?: { code: string } };
    expect(signed).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    // The lead's other recording plays.
    expect((await fetch(`${base()}/media/${office!.own.id}`, { headers: { ...lead, Range: 'bytes=0-9' } })).status).toBe(206);

    const head = await signIn('head');
    const served = await fetch(`${base()}/media/${id}`, { headers: head });
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(clip)).toBe(true);
    const frame = await fetch(`${base()}/media/${id}/thumbnail`, { headers: head });
    expect(frame.status).toBe(200);
    expect(frame.headers.get('content-type')).toBe('image/jpeg');
  });
});
