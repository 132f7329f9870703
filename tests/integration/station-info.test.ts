import { describe, expect, it } from 'vitest';
import { openStation } from '../../src-main/core/station.js';
import { tempDir } from '../helpers/temp-dir.js';

const desk = { name: 'wang', role: 'clerk' as const };

describe('station.info', () => {
  it('tells the interface when the host forces auto-ingest, so the switch does not claim otherwise', async () => {
    const plain = await openStation({ dataDir: tempDir('info-plain') });
    const forced = await openStation({ dataDir: tempDir('info-forced'), watch: { operator: 'wang', autoIngest: true } });
    try {
      const a = await plain.call('station.info', {}, desk);
      const b = await forced.call('station.info', {}, desk);
      expect(a.ok && a.value.autoIngestOverride).toBeNull();
      expect(b.ok && b.value.autoIngestOverride).toBe(true);
      expect(a.ok && a.value.zone).toBe('Asia/Shanghai');
      expect(a.ok && a.value.now).toMatch(/\+08:00$/);
    } finally {
      await plain.close();
      await forced.close();
    }
  });
});
