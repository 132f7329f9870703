import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { describe, expect, it } from 'vitest';
import { openStation } from '../../../src-main/core/station.js';
import { makeFile } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const auditor = { name: 'sun', role: 'auditor' } as const;

describe('commands that change something write their own audit row', () => {
  it('names who cancelled an ingest, beside who started it', async () => {
    const root = tempDir('audit-cancel');
    for (const n of [1, 2, 3]) makeFile(join(root, 'card', `REC000${n}.MP4`), 32 * 1024 * 1024, n);
    const station = await openStation({ dataDir: join(root, 'data') });
    try {
      const started = await station.call('ingest.start', { sourcePath: join(root, 'card') }, { name: 'wang', role: 'clerk' });
      if (!started.ok) throw new Error(started.error.message);
      const { ingestId } = started.value;
      expect(await station.call('ingest.cancel', { ingestId }, { name: 'li', role: 'lead' })).toEqual({ ok: true, value: { cancelled: true } });
      for (;;) {
        const report = await station.call('ingest.get', { ingestId }, auditor);
        if (report.ok && report.value.state !== 'running') break;
        await sleep(50);
      }
      const rows = await station.call('audit.list', {}, auditor);
      expect(rows.ok && rows.value.map((row) => [row.action, row.actor, row.object])).toEqual([
        ['ingest.start', 'wang', `ingest:${ingestId}`],
        ['ingest.cancel', 'li', `ingest:${ingestId}`],
        ['ingest.finish', 'wang', `ingest:${ingestId}`],
      ]);
    } finally {
      await station.close();
    }
  }, 120_000);
});
