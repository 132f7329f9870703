import { afterEach, describe, expect, it } from 'vitest';
import type { StationEvent } from '../../../src-main/contract/index.js';
import { startTestServer, type TestServer } from './test-server.js';

/** Reads the stream until `done` is satisfied by everything received so far. */
async function readUntil(body: ReadableStream<Uint8Array>, done: (text: string) => boolean): Promise<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  try {
    while (!done(text)) {
      const chunk = await reader.read();
      if (chunk.done) break;
      text += decoder.decode(chunk.value, { stream: true });
    }
  } finally {
    reader.releaseLock();
  }
  return text;
}

const until = async (check: () => boolean): Promise<void> => {
  for (let i = 0; i < 200 && !check(); i += 1) await new Promise((resolve) => setTimeout(resolve, 10));
};

describe('browser host: events as Server-Sent Events', () => {
  let t: TestServer;
  afterEach(() => t.stop());

  it('delivers each station event as one data line of JSON', async () => {
    t = await startTestServer();
    const controller = new AbortController();
    const response = await fetch(`${t.base}/api/events`, { headers: t.auth, signal: controller.signal });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const body = response.body!;
    await readUntil(body, (text) => text.includes(': connected\n\n'));
    expect(t.station.listeners()).toBe(1);

    const started: StationEvent = { type: 'ingest.started', ingestId: 'i-1', source: '/media/卡 1', mountpoint: null };
    const failed: StationEvent = { type: 'ingest.failed', ingestId: 'i-1', mountpoint: null, reason: 'line one\nline two', reasonCode: 'copy-failed' };
    t.station.emit(started);
    t.station.emit(failed);
    const text = await readUntil(body, (received) => received.includes('ingest.failed'));
    const dataLines = text.split('\n\n').filter((block) => block.startsWith('data: '));
    expect(dataLines.map((block) => JSON.parse(block.slice('data: '.length)) as unknown)).toEqual([started, failed]);

    controller.abort();
    await until(() => t.station.listeners() === 0);
    expect(t.station.listeners()).toBe(0);
  });

  it('sends comment heartbeats on an idle stream', async () => {
    t = await startTestServer({ options: { heartbeatMs: 30 } });
    const controller = new AbortController();
    const response = await fetch(`${t.base}/api/events`, { headers: t.auth, signal: controller.signal });
    const text = await readUntil(response.body!, (received) => received.split(': heartbeat\n\n').length > 2);
    expect(text).not.toContain('data:');
    controller.abort();
  });

  it('ends open streams when the server closes', async () => {
    t = await startTestServer();
    const response = await fetch(`${t.base}/api/events`, { headers: t.auth });
    const reader = response.body!.getReader();
    await reader.read();
    await t.server.close();
    let ended = false;
    while (!ended) ended = (await reader.read()).done;
    expect(t.station.listeners()).toBe(0);
  });
});
