import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport, StationEvent } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeFile } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const desk = { name: 'wang', role: 'clerk' as const };

describe('two ingests at once', () => {
  it('count the same content, copied from two cards at the same moment, once archived and once duplicate', async () => {
    const root = tempDir('concurrent');
    const names = ['1.MP4', '2.MP4', '3.MP4', '4.MP4'];
    for (const card of ['a', 'b']) names.forEach((name, i) => makeFile(join(root, card, name), 24 * 1024 * 1024, i + 70));
    const station = await openStation({ dataDir: join(root, 'data') });
    try {
      const ended = new Set<string>();
      const allEnded = new Promise<void>((resolve) =>
        station.onEvent((event: StationEvent) => {
          if (event.type === 'ingest.completed' || event.type === 'ingest.failed') ended.add(event.ingestId);
          if (ended.size === 2) resolve();
        }),
      );
      const starts = await Promise.all(['a', 'b'].map((card) => station.call('ingest.start', { sourcePath: join(root, card) }, desk)));
      const ids = starts.map((s) => (s.ok ? s.value.ingestId : ''));
      await allEnded;
      const reports = await Promise.all(ids.map(async (ingestId) => (await station.call('ingest.get', { ingestId }, desk)) as { ok: true; value: IngestReport }));
      const totals = reports.map((r) => r.value.totals);
      expect(totals.map((t) => t.failed)).toEqual([0, 0]);
      expect(totals[0]!.archived + totals[1]!.archived).toBe(names.length);
      expect(totals[0]!.duplicate + totals[1]!.duplicate).toBe(names.length);
      const verify = await station.call('archive.verify', {}, desk);
      expect(verify.ok && verify.value).toEqual({ checked: names.length, problems: [] });

      const overlapping = await station.call('ingest.start', { sourcePath: root }, desk);
      expect(overlapping.ok).toBe(true);
      const inside = await station.call('ingest.start', { sourcePath: join(root, 'a') }, desk);
      expect(inside).toMatchObject({ ok: false, error: { code: 'busy' } });
    } finally {
      await station.close();
    }
  }, 120_000);

  it('closing the station while an ingest is being recorded ends that ingest too: none is left running', async () => {
    const root = tempDir('close-while-starting');
    makeFile(join(root, 'card', '1.MP4'), 4 * 1024 * 1024, 81);
    // The close lands at a different step of the start each time: before the checks, while the
    // ingest is recorded and its bag made, after it is queued.
    for (const ms of [0, 5, 10, 20, 30, 45, 60, 80, 120]) {
      const dataDir = join(root, `data-${ms}`);
      const station = await openStation({ dataDir });
      const start = station.call('ingest.start', { sourcePath: join(root, 'card') }, desk);
      await new Promise((next) => setTimeout(next, ms));
      await station.close();
      const started = await start;

      const reopened = await openStation({ dataDir });
      try {
        const list = await reopened.call('ingest.list', {}, desk);
        const ended = [];
        for (const { ingestId } of list.ok ? list.value : []) {
          const report = await reopened.call('ingest.get', { ingestId }, desk);
          if (report.ok) ended.push(`${report.value.state} ${report.value.reasonCode ?? ''}`.trim());
        }
        // Refused as the station stopped, or recorded and then cancelled by the stop (or done before
        // it): never left running for the next start to find interrupted.
        if (started.ok) expect({ ms, ended }).toEqual({ ms, ended: [expect.stringMatching(/^(failed cancelled|completed)$/)] });
        else expect({ ms, ended, error: started.error.code }).toEqual({ ms, ended: [], error: 'busy' });
      } finally {
        await reopened.close();
      }
    }
  }, 60_000);
});
