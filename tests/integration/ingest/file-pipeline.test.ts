import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCopyBuffers } from '../../../src-main/core/archive/stream-copy.js';
import type { DiskLane } from '../../../src-main/core/ingest/archive-disk-gate.js';
import { diskLane as lane } from '../../helpers/disk-lane.js';
import { copyToPartial, SourceChanged, verifyAndPlace } from '../../../src-main/core/ingest/file-pipeline.js';
import { makeFile, sha256Of } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const io = () => ({ buffers: createCopyBuffers(), onBytes: () => {}, signal: new AbortController().signal, folders: new Set<string>() });


function listed(path: string) {
  const stats = statSync(path);
  return { relative: 'x', absolute: Buffer.from(path), originalNameHex: null, size: stats.size, mtimeMs: stats.mtimeMs, atimeMs: stats.atimeMs };
}

describe('the copy of one file', () => {
  it('copies, verifies from disk and places a read-only copy with the same bytes', async () => {
    const dir = tempDir('pipeline');
    const source = join(dir, 'clip.MP4');
    makeFile(source, 5 * 1024 * 1024 + 17, 3);
    const copied = await copyToPartial(listed(source), join(dir, 'out', 'clip.MP4'), io());
    const placed = await verifyAndPlace(copied, lane());
    expect(placed.sha256).toBe(sha256Of(source));
    expect(placed.verifiedSha256).toBe(placed.sha256);
    expect(sha256Of(join(dir, 'out', 'clip.MP4'))).toBe(placed.sha256);
    expect(readdirSync(join(dir, 'out'))).toEqual(['clip.MP4']);
  });

  it('holds its turn at the disk gate for the read-back only, telling the bytes as they are read', async () => {
    const dir = tempDir('turn');
    const source = join(dir, 'clip.MP4');
    makeFile(source, 20 * 1024 * 1024 + 5, 7);
    const target = join(dir, 'out', 'clip.MP4');
    const copied = await copyToPartial(listed(source), target, io());
    const told: number[] = [];
    let placedDuringTurn: boolean | null = null;
    const watched: DiskLane = {
      run: async (bytes, operation) => {
        expect(bytes).toBe(copied.bytes);
        const result = await operation((verified) => told.push(verified));
        placedDuringTurn = existsSync(target);
        return result;
      },
    };
    await verifyAndPlace(copied, watched);
    // The renaming (and its folder's fsync) waits for the journal, not the disk's bandwidth: after the turn.
    expect(placedDuringTurn).toBe(false);
    expect(existsSync(target)).toBe(true);
    expect(told.length).toBeGreaterThan(1);
    expect(told.reduce((sum, n) => sum + n, 0)).toBe(copied.bytes);
  });

  it('refuses a file that is not as long as when it was listed, and leaves no partial copy', async () => {
    const dir = tempDir('changed');
    const source = join(dir, 'clip.MP4');
    makeFile(source, 2 * 1024 * 1024, 4);
    const asListed = listed(source);
    makeFile(source, 1024 * 1024, 4);
    const target = join(dir, 'out', 'clip.MP4');
    await expect(copyToPartial(asListed, target, io())).rejects.toBeInstanceOf(SourceChanged);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('never puts a copy over a file already archived under that name (a case-insensitive disk)', async () => {
    const dir = tempDir('taken');
    const source = join(dir, 'a.mp4');
    makeFile(source, 1024 * 1024, 5);
    const target = join(dir, 'out', 'A.MP4');
    const copied = await copyToPartial(listed(source), target, io());
    makeFile(target, 4096, 6);
    const before = sha256Of(target);
    await expect(verifyAndPlace(copied, lane())).rejects.toThrow(/already has the name/);
    expect(sha256Of(target)).toBe(before);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });
});
