import { beforeEach, describe, expect, it } from 'vitest';
import { StationError } from '../../../src-main/core/errors.js';
import type { StationLog } from '../../../src-main/core/log/index.js';
import { createRouter, type Handlers } from '../../../src-main/core/router.js';

const calls: string[] = [];
const handlers = {
  'station.info': () => ({ stationName: 's', dataDir: '/d', zone: 'Asia/Shanghai', now: 'n', version: '1' }),
  'ingest.get': ({ ingestId }: { ingestId: string }) => {
    throw new StationError('not-found', `no ingest ${ingestId}`);
  },
  'ingest.start': ({ sourcePath }: { sourcePath: string }) => {
    calls.push(sourcePath);
    return { ingestId: 'x' };
  },
  'archive.verify': () => {
    throw new Error('disk exploded');
  },
} as unknown as Handlers;

/** Internal errors go to the station's log, with the error itself (and so its stack). */
const logged: { event: string; error: unknown }[] = [];
const log: StationLog = { info: () => undefined, error: (event, error) => logged.push({ event, error }), close: () => Promise.resolve() };

describe('the command router', () => {
  const router = createRouter(handlers, log);
  beforeEach(() => {
    calls.length = 0;
  });
  const clerk = { name: 'wang', role: 'clerk' as const };

  it('wraps a handler result as an ok value', async () => {
    expect(await router.dispatch('station.info', {}, clerk)).toMatchObject({ ok: true, value: { stationName: 's' } });
  });

  it('turns unknown commands, bad input, forbidden roles and thrown errors into error values', async () => {
    expect(await router.dispatch('drop.tables', {}, clerk)).toMatchObject({ ok: false, error: { code: 'unknown-command' } });
    expect(await router.dispatch('ingest.start', { sourcePath: 42 }, clerk)).toMatchObject({ ok: false, error: { code: 'invalid-input' } });
    expect(await router.dispatch('ingest.start', { sourcePath: '/x' }, { name: 'li', role: 'auditor' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    expect(calls).toEqual([]);
    expect(await router.dispatch('ingest.get', { ingestId: 'q' }, clerk)).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'no ingest q' },
    });
    expect(await router.dispatch('archive.verify', {}, clerk)).toEqual({ ok: false, error: { code: 'internal', message: 'disk exploded' } });
    expect(logged).toEqual([{ event: 'command.failed', error: new Error('disk exploded') }]);
  });

  it('passes parsed input to the handler', async () => {
    expect(await router.dispatch('ingest.start', { sourcePath: '/media/card' }, clerk)).toEqual({ ok: true, value: { ingestId: 'x' } });
    expect(calls).toEqual(['/media/card']);
  });
});
