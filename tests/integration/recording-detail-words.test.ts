import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { IngestReport, RecordingDetail } from '../../src-main/contract/index.js';
import { openDatabase } from '../../src-main/core/db/database.js';
import { migrations } from '../../src-main/core/db/migrations/index.js';
import { openStation } from '../../src-main/core/station.js';
import type { Station } from '../../src-main/core/station-api.js';
import { makeVideo } from '../helpers/make-media.js';
import { runCliJson } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

const caller = { name: 'test', role: 'admin' } as const;

describe('a recording detail the interface can put in the user’s words', () => {
  const root = tempDir('detail-words');
  const card = join(root, 'card');
  const data = join(root, 'data');
  let station: Station | undefined;
  afterAll(() => station?.close());

  async function detailOf(name: string): Promise<RecordingDetail> {
    station ??= await openStation({ dataDir: data });
    const list = await station.call('recordings.list', { search: name }, caller);
    if (!list.ok || list.value.rows.length !== 1) throw new Error(`no single recording named ${name}`);
    const detail = await station.call('recordings.get', { id: list.value.rows[0]!.id }, caller);
    if (!detail.ok) throw new Error(detail.error.message);
    return detail.value;
  }

  it('gives a damaged recording a problem code, a name time 8 h off its metadata the finding, and older problem words a code too', async () => {
    // Local time written as UTC, as many body cameras do: the name says 08:30 Shanghai, the metadata 16:30.
    makeVideo(join(card, 'DCIM/1234567_012345_20261126083015_0001.MP4'), { seed: 1, creationTime: '2026-11-26T08:30:15Z' });
    makeVideo(join(card, 'DCIM/1234567_012345_20261126083115_0002.MP4'), { seed: 2, creationTime: '2026-11-26T00:31:15Z' });
    const whole = join(card, 'DCIM/whole.MP4');
    makeVideo(whole, { seconds: 3, seed: 3 });
    // The recorder lost power: the index (written last) never reached the card.
    const bytes = readFileSync(whole);
    writeFileSync(join(card, 'DCIM/flat-battery.MP4'), bytes.subarray(0, Math.floor(bytes.length / 2)));
    expect(runCliJson<IngestReport>(data, ['ingest', card]).json.findings).toContainEqual({
      kind: 'timezone-mismatch',
      source: 'DCIM/1234567_012345_20261126083015_0001.MP4',
      hours: -8,
    });

    expect(await detailOf('0001.MP4')).toMatchObject({ nameTimeOffHours: -8, recordedAtSource: 'QuickTime:CreateDate', problemCode: null });
    expect(await detailOf('0002.MP4')).toMatchObject({ nameTimeOffHours: null });
    const damaged = await detailOf('flat-battery');
    expect(damaged).toMatchObject({ readable: false, problemCode: 'unfinished', playsSeconds: null });
    expect(damaged.problem).toMatch(/"moov" atom\) is missing/);

    // A problem stored before problems had codes keeps its words and reads as unexplained.
    await station?.close();
    station = undefined;
    const db = openDatabase(join(data, 'station.db'), migrations);
    db.prepare(`UPDATE recordings SET problem = 'ffprobe cannot read this file: old words' WHERE id = ?`).run(damaged.id);
    db.close();
    expect(await detailOf('flat-battery')).toMatchObject({ problemCode: 'unexplained', problem: 'ffprobe cannot read this file: old words' });
  });
});
