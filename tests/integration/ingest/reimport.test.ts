import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { openStation } from '../../../src-main/core/station.js';
import { makeVideo } from '../../helpers/make-media.js';
import { runCliJson } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

const clerk = { name: 'wang', role: 'clerk' as const };

describe('a card imported again', () => {
  it('says when it was imported before, and lists for a duplicates-only re-import what the card holds', async () => {
    const root = tempDir('reimport');
    const data = join(root, 'data');
    for (const n of [1, 2, 3]) makeVideo(join(root, `card/CLIP000${n}.MP4`), { seed: n });
    const first = runCliJson<IngestReport>(data, ['ingest', join(root, 'card')]).json;
    const again = runCliJson<IngestReport>(data, ['ingest', join(root, 'card')]).json;
    expect(again.totals).toMatchObject({ files: 3, duplicate: 3, archived: 0 });

    const station = await openStation({ dataDir: data });
    try {
      const listed = await station.call('recordings.list', { ingestId: again.ingestId, offset: 0, limit: 10 }, clerk);
      if (!listed.ok) throw new Error(JSON.stringify(listed.error));
      expect(listed.value.total).toBe(3);
      // Each was first archived by the first import: that is how the interface marks it as already in the archive.
      expect(listed.value.rows.map((r) => r.ingestId)).toEqual([first.ingestId, first.ingestId, first.ingestId]);
      const ingests = await station.call('ingest.list', { limit: 10 }, clerk);
      if (!ingests.ok) throw new Error(JSON.stringify(ingests.error));
      expect(first.importedBefore).toBeNull();
      expect(again.importedBefore).toBe(ingests.value.find((i) => i.ingestId === first.ingestId)?.startedAt);
    } finally {
      await station.close();
    }
  }, 120_000);
});
