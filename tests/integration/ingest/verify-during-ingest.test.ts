import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStation } from '../../../src-main/core/station.js';
import { makeFile } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const desk = { name: 'wang', role: 'clerk' as const };
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('station verify while an ingest is running', () => {
  it('checks what is already archived against the index and calls nothing altered or unknown', async () => {
    const root = tempDir('verify-running');
    const source = join(root, 'card');
    for (let i = 0; i < 8; i += 1) makeFile(join(source, `${i}.MP4`), 48 * 1024 * 1024, i + 40);
    const station = await openStation({ dataDir: join(root, 'data') });
    try {
      const started = await station.call('ingest.start', { sourcePath: source }, desk);
      if (!started.ok) throw new Error(started.error.message);
      const { ingestId } = started.value;
      let checkedWhileRunning = false;
      for (let tries = 0; tries < 500 && !checkedWhileRunning; tries += 1) {
        const page = await station.call('recordings.list', { ingestId }, desk);
        const report = await station.call('ingest.get', { ingestId }, desk);
        if (page.ok && page.value.total > 0 && report.ok && report.value.state === 'running') {
          const verify = await station.call('archive.verify', {}, desk);
          expect(verify.ok && verify.value.problems).toEqual([]);
          expect(verify.ok && verify.value.checked).toBeGreaterThan(0);
          checkedWhileRunning = true;
        } else await sleep(20);
      }
      expect(checkedWhileRunning).toBe(true);
    } finally {
      await station.close();
    }
  }, 120_000);
});
