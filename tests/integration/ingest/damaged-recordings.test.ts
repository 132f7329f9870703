import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { makeVideo, truncate } from '../media/make-media.js';

describe('an import of a card holding damaged recordings', () => {
  const root = tempDir('damaged');
  const card = join(root, 'card');
  let report: IngestReport;

  beforeAll(async () => {
    await mkdir(card, { recursive: true });
    await makeVideo(join(card, 'whole.mkv'), 2);
    await makeVideo(join(root, 'long.mkv'), 7);
    // The recorder lost power: the data stops, the container still says seven seconds.
    await truncate(join(root, 'long.mkv'), join(card, 'cut.mkv'), 0.4);
    await makeVideo(join(root, 'unfinished-whole.mp4'), 2);
    // Cut before its index was written: a recording that was never finished.
    await truncate(join(root, 'unfinished-whole.mp4'), join(card, 'unfinished.mp4'), 0.6);
    const run = runCliJson<IngestReport>(join(root, 'data'), ['ingest', card]);
    expect(run.status).toBe(0);
    report = run.json;
  }, 60_000);

  const file = (name: string) => report.files.find((f) => f.source === name);

  it('archives every one as it is, and says in the report which do not play to their end', () => {
    expect(report.totals).toMatchObject({ archived: 3, failed: 0 });
    expect(file('whole.mkv')).toMatchObject({ readable: true, problemCode: null, playsSeconds: null });
    expect(file('unfinished.mp4')).toMatchObject({ readable: false, problemCode: 'unfinished' });
  });

  it('calls a clip that plays part of its length cut short, with how much plays of how much it declares', () => {
    const cut = file('cut.mkv');
    expect(cut).toMatchObject({ readable: false, problemCode: 'cut-short' });
    expect(cut?.durationSeconds).toBeCloseTo(7, 0);
    expect(cut?.playsSeconds).toBeGreaterThan(0.5);
    expect(cut?.playsSeconds).toBeLessThan(6);
  });
});
