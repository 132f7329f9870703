import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device, IngestReport } from '../../src-main/contract/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { makeFile, makeVideo } from '../helpers/make-media.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const caller = { name: 'test', role: 'admin' } as const;

async function call<T>(station: Station, name: 'recordings.list' | 'ingest.page', query: Record<string, unknown>): Promise<T> {
  const result = await station.call(name, query, caller);
  if (!result.ok) throw new Error(result.error.message);
  return result.value as T;
}

describe('the recordings list and the ingest history, sorted and filtered in the core', () => {
  const root = tempDir('sort-filter');
  const data = join(root, 'data');
  let station: Station;
  let deviceId: number;
  let names: (query: Record<string, unknown>) => Promise<string[]>;

  beforeAll(async () => {
    const registered = join(root, 'card1');
    // 08:30 and (in Shanghai) 01:00 on the 28th, which is still the 27th in UTC; and a file no player can read.
    makeVideo(join(registered, 'DCIM/1234567_012345_20261126083015_0001.MP4'), { seconds: 1, seed: 1, creationTime: '2026-11-26T00:30:15Z' });
    makeVideo(join(registered, 'DCIM/1234567_012345_20261128010000_0002.MP4'), { seconds: 2, seed: 2, creationTime: '2026-11-27T17:00:00Z' });
    makeFile(join(registered, 'DCIM/1234567_012345_20261126090000_0003.MP4'), 300_000, 3);
    const unregistered = join(root, 'card2');
    makeVideo(join(unregistered, 'CLIP0001.MP4'), { seconds: 3, seed: 4, creationTime: '2026-11-29T02:00:00Z' });

    deviceId = runCliJson<Device>(data, ['device', 'add', '--serial', '1234567', '--type', 'body-camera', '--name', '执法记录仪', '--json']).json.id;
    expect(runCliJson<IngestReport>(data, ['ingest', registered, '--json']).json.deviceId).toBe(deviceId);
    expect(runCliJson<IngestReport>(data, ['ingest', unregistered, '--json']).status).toBe(0);
    station = await openStation({ dataDir: data });
    names = async (query) =>
      (await call<{ rows: { originalName: string }[] }>(station, 'recordings.list', query)).rows.map((r) => r.originalName.split('/').pop() ?? '');
  });
  afterAll(() => station?.close());

  it('orders by any column, both ways, with rows lacking a value last', async () => {
    const bySize = await call<{ rows: { size: number }[] }>(station, 'recordings.list', { sort: 'size', order: 'asc' });
    const sizes = bySize.rows.map((r) => r.size);
    expect(sizes).toEqual([...sizes].sort((a, b) => a - b));
    expect(await names({ sort: 'size', order: 'desc' })).toEqual((await names({ sort: 'size', order: 'asc' })).reverse());
    // By the path on the card: card2's CLIP0001.MP4 lies at its root, before DCIM/.
    expect(await names({ sort: 'file', order: 'asc' })).toEqual(['CLIP0001.MP4', '1234567_012345_20261126083015_0001.MP4', '1234567_012345_20261126090000_0003.MP4', '1234567_012345_20261128010000_0002.MP4']);
    // The unreadable file has no duration: last whichever way.
    expect((await names({ sort: 'duration', order: 'asc' })).at(-1)).toBe('1234567_012345_20261126090000_0003.MP4');
    expect(await names({ sort: 'duration', order: 'desc' })).toEqual(['CLIP0001.MP4', '1234567_012345_20261128010000_0002.MP4', '1234567_012345_20261126083015_0001.MP4', '1234567_012345_20261126090000_0003.MP4']);
    const byDevice = await call<{ rows: { device: string | null }[] }>(station, 'recordings.list', { sort: 'device', order: 'asc' });
    expect(byDevice.rows.map((r) => r.device)).toEqual(['card2', '执法记录仪 (1234567)', '执法记录仪 (1234567)', '执法记录仪 (1234567)']);
    for (const sort of ['time', 'officer', 'kind', 'hash', 'status']) expect(await names({ sort, order: 'asc' })).toHaveLength(4);
  });

  it('filters by device, by damage and by days in the station zone', async () => {
    expect((await names({ deviceId, sort: 'file', order: 'asc' })).every((name) => name.startsWith('1234567_'))).toBe(true);
    expect(await names({ deviceId })).toHaveLength(3);
    expect(await names({ damaged: true })).toEqual(['1234567_012345_20261126090000_0003.MP4']);
    expect(await names({ from: '2026-11-28', to: '2026-11-28' })).toEqual(['1234567_012345_20261128010000_0002.MP4']);
    expect(await names({ from: '2026-11-27', to: '2026-11-27' })).toEqual([]);
    expect(await names({ from: '2026-11-28' })).toEqual(['CLIP0001.MP4', '1234567_012345_20261128010000_0002.MP4']);
  });

  it('pages the ingest history with its total, filtered by device and state, each with its device named', async () => {
    type Page = { total: number; rows: { source: string; device: string | null; state: string }[] };
    const all = await call<Page>(station, 'ingest.page', {});
    expect(all.total).toBe(2);
    expect(all.rows.map((r) => r.device)).toEqual(['card2', '执法记录仪 (1234567)']);
    const second = await call<Page>(station, 'ingest.page', { limit: 1, offset: 1 });
    expect(second).toEqual({ total: 2, rows: [all.rows[1]] });
    expect((await call<Page>(station, 'ingest.page', { deviceId })).rows.map((r) => r.source)).toEqual([join(root, 'card1')]);
    expect((await call<Page>(station, 'ingest.page', { state: 'failed' })).total).toBe(0);
    expect((await call<Page>(station, 'ingest.page', { sort: 'device', order: 'desc' })).rows.map((r) => r.device)).toEqual(['执法记录仪 (1234567)', 'card2']);
  });

  it('prints the same history from `station ingests --json`, paged and filtered by its options', () => {
    type Row = { ingestId: string; device: string | null; state: string };
    const all = runCliJson<Row[]>(data, ['ingests', '--json']);
    expect(all.status).toBe(0);
    expect(all.json.map((r) => r.device)).toEqual(['card2', '执法记录仪 (1234567)']);
    expect(runCliJson<Row[]>(data, ['ingests', '--json', '--limit', '1', '--offset', '1']).json).toEqual([all.json[1]]);
    expect(runCliJson<Row[]>(data, ['ingests', '--json', '--device', String(deviceId)]).json.map((r) => r.ingestId)).toEqual([all.json[1]?.ingestId]);
    expect(runCliJson<Row[]>(data, ['ingests', '--json', '--state', 'failed']).json).toEqual([]);
    expect(runCliJson<Row[]>(data, ['ingests', '--json', '--from', '2999-01-01']).json).toEqual([]);
    expect(runCliJson<unknown>(data, ['ingests', '--json', '--state', 'lost']).status).toBe(2);
  });
});
