import { statfsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { capacityOf } from '../../../src-main/core/volumes/capacity.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('capacity of a mounted volume', () => {
  const dir = tempDir('capacity');

  it('gives size and free space from statfs', async () => {
    const stats = statfsSync(dir);
    const capacity = await capacityOf(dir);
    expect(capacity).toEqual({ sizeBytes: stats.blocks * stats.bsize, freeBytes: expect.any(Number) });
    if (capacity === null || capacity === 'gone') throw new Error('no capacity');
    expect(capacity.freeBytes).toBeGreaterThan(0);
    expect(capacity.freeBytes).toBeLessThanOrEqual(capacity.sizeBytes);
  });

  it('says gone for a mount point that no longer exists', async () => {
    expect(await capacityOf(join(dir, 'unplugged'))).toBe('gone');
  });
});
