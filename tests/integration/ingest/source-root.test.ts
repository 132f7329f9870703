import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceRootIdentity, sourceStillThere } from '../../../src-main/core/ingest/source-root.js';
import { tempDir } from '../../helpers/temp-dir.js';

// Without root or FUSE: what the pulled-card sim test shows on a real card, on plain folders.
describe('whether a source is still there, asked after a read error', () => {
  it('is there while its root is the same directory, readable', async () => {
    const root = join(tempDir('source-root'), 'card');
    mkdirSync(root);
    const identity = await sourceRootIdentity(root);
    expect(await sourceStillThere(root, identity)).toBe(true);
  });

  it('is gone when another, readable directory stands at its path (a detached mount point, a card swapped)', async () => {
    const work = tempDir('source-root');
    const root = join(work, 'card');
    mkdirSync(root);
    const identity = await sourceRootIdentity(root);
    renameSync(root, join(work, 'card-pulled'));
    mkdirSync(root);
    expect(await sourceStillThere(root, identity)).toBe(false);
  });

  it('is gone when its root no longer exists', async () => {
    const root = join(tempDir('source-root'), 'card');
    mkdirSync(root);
    const identity = await sourceRootIdentity(root);
    rmSync(root, { recursive: true });
    expect(await sourceStillThere(root, identity)).toBe(false);
  });
});
