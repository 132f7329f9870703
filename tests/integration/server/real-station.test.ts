import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditRow, IngestSummary, RecordingPage, StationEvent } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import type { Station } from '../../../src-main/core/station-api.js';
import { startServer, type RunningServer } from '../../../src-main/hosts/server/index.js';

const run = promisify(execFile);

/** The browser host over the real core: ingest a card made with ffmpeg, then play it back by range. */
describe('browser host over a real station', () => {
  let dir = '';
  let station: Station;
  let server: RunningServer;
  let clip: Buffer;
  const base = () => `http://127.0.0.1:${server.port}`;
  const command = async (name: string, input: unknown): Promise<unknown> => {
    const response = await fetch(`${base()}/api/command/${name}`, {
      method: 'POST',
      headers: { 'X-Station-Token': server.token, 'Content-Type': 'application/json' },
      body: JSON.stringify(input),
    });
    expect(response.status).toBe(200);
    return response.json();
  };

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'station-real-'));
    const card = path.join(dir, 'card', 'DCIM', '100MEDIA');
    await mkdir(card, { recursive: true });
    const clipPath = path.join(card, 'REC0001.MP4');
    await run('ffmpeg', ['-hide_banner', '-loglevel', 'error', '-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x240:rate=15', '-c:v', 'libx264', '-pix_fmt', 'yuv420p', clipPath]);
    clip = await readFile(clipPath);
    station = await openStation({ dataDir: path.join(dir, 'data') });
    server = await startServer(station, { port: 0, rendererDir: path.join(dir, 'renderer'), openAs: { name: '值班员', role: 'clerk' } });
  });
  afterAll(async () => {
    await server.close();
    await station.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('ingests through HTTP, reports over SSE and streams the archived copy by range', async () => {
    const events = await fetch(`${base()}/api/events`, { headers: { 'X-Station-Token': server.token } });
    const reader = events.body!.getReader();
    await reader.read();

    const started = (await command('ingest.start', { sourcePath: path.join(dir, 'card') })) as { ok: true; value: { ingestId: string } };
    expect(started.ok).toBe(true);

    const decoder = new TextDecoder();
    let text = '';
    const received: StationEvent[] = [];
    while (!received.some((event) => event.type === 'ingest.completed' || event.type === 'ingest.failed')) {
      const chunk = await reader.read();
      if (chunk.done) throw new Error('event stream ended before the ingest did');
      text += decoder.decode(chunk.value, { stream: true });
      const blocks = text.split('\n\n');
      text = blocks.pop() ?? '';
      for (const block of blocks) if (block.startsWith('data: ')) received.push(JSON.parse(block.slice(6)) as StationEvent);
    }
    await reader.cancel();
    expect(received.at(-1)).toMatchObject({ type: 'ingest.completed', ingestId: started.value.ingestId, totals: { archived: 1 } });

    const page = (await command('recordings.list', {})) as { ok: true; value: RecordingPage };
    expect(page.value.rows).toHaveLength(1);
    const id = page.value.rows[0]!.id;

    const whole = await fetch(`${base()}/media/${id}`, { headers: { 'X-Station-Token': server.token } });
    expect(whole.headers.get('content-type')).toBe('video/mp4');
    expect(Buffer.from(await whole.arrayBuffer()).equals(clip)).toBe(true);

    const tail = await fetch(`${base()}/media/${id}`, { headers: { 'X-Station-Token': server.token, Range: 'bytes=-1024' } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get('content-range')).toBe(`bytes ${clip.length - 1024}-${clip.length - 1}/${clip.length}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(clip.subarray(clip.length - 1024))).toBe(true);
  });

  it('records in the audit chain who played a recording and who took a receipt, when the page signs their URLs', async () => {
    const rows = async (action: string): Promise<AuditRow[]> => {
      const listed = await station.call('audit.list', {}, { name: 'sun', role: 'auditor' });
      if (!listed.ok) throw new Error(listed.error.message);
      return listed.value.filter((row) => row.action === action);
    };
    const sign = (resource: string) =>
      fetch(`${base()}/api/sign${resource}`, { method: 'POST', headers: { 'X-Station-Token': server.token } }).then((r) => r.json() as Promise<{ ok: boolean; value?: { url: string } }>);
    const page = (await command('recordings.list', {})) as { ok: true; value: RecordingPage };
    const id = page.value.rows[0]!.id;
    const [ingest] = ((await command('ingest.list', {})) as { ok: true; value: IngestSummary[] }).value;

    const plays = (await rows('recordings.play')).length;
    const signed = await sign(`/media/${id}`);
    expect(signed.ok).toBe(true);
    const played = await rows('recordings.play');
    expect(played).toHaveLength(plays + 1);
    expect(played.at(-1)).toMatchObject({ actor: '值班员', role: 'clerk', object: `recording:${id}`, details: { kind: 'view' } });
    // Loading the signed URL is the playback the row recorded, not another one.
    expect((await fetch(`${base()}${signed.value!.url}`, { headers: { Range: 'bytes=0-9' } })).status).toBe(206);
    expect(await rows('recordings.play')).toHaveLength(plays + 1);
    // The token alone, no signature: the same question is asked, and the same row written.
    expect((await fetch(`${base()}/media/${id}`, { headers: { 'X-Station-Token': server.token, Range: 'bytes=0-9' } })).status).toBe(206);
    expect(await rows('recordings.play')).toHaveLength(plays + 2);

    expect((await sign(`/receipt/${ingest!.ingestId}`)).ok).toBe(true);
    expect(await rows('ingest.receipt')).toMatchObject([{ actor: '值班员', role: 'clerk', object: `ingest:${ingest!.ingestId}`, details: { kind: 'view' } }]);
    // A receipt of no ingest: refused, and nothing recorded.
    expect(await sign('/receipt/no-such-ingest')).toMatchObject({ ok: false, error: { code: 'not-found' } });
    expect(await rows('ingest.receipt')).toHaveLength(1);
  });
});
