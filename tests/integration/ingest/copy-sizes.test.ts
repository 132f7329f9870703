import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCopyBuffers } from '../../../src-main/core/archive/stream-copy.js';
import { copyToPartial, verifyAndPlace } from '../../../src-main/core/ingest/file-pipeline.js';
import { diskLane } from '../../helpers/disk-lane.js';
import { makeFile, sha256Of } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const MiB = 1024 * 1024;

// The copy is written past the page cache in whole 4 KiB blocks and cut to length after the last:
// every size around a block or a chunk boundary must come out byte for byte.
describe('a copy written past the page cache', () => {
  it.each([0, 1, 4095, 4096, 4097, MiB - 1, MiB, MiB + 1, 3 * MiB + 12_345, 8 * MiB, 9 * MiB + 7])('of %i bytes is the source, byte for byte', async (bytes) => {
    const dir = tempDir('copy-sizes');
    const source = join(dir, 'clip.MP4');
    makeFile(source, bytes, bytes % 251);
    const io = { buffers: createCopyBuffers(), onBytes: () => {}, signal: new AbortController().signal, folders: new Set<string>() };
    const copied = await copyToPartial(
      { relative: 'clip.MP4', absolute: Buffer.from(source), originalNameHex: null, size: bytes, mtimeMs: 0, atimeMs: 0 },
      join(dir, 'out', 'clip.MP4'),
      io,
    );
    expect(statSync(copied.partialPath).mode & 0o777).toBe(0o600);
    const placed = await verifyAndPlace(copied, diskLane());
    const target = join(dir, 'out', 'clip.MP4');
    expect(statSync(target).size).toBe(bytes);
    expect(placed.verifiedSha256).toBe(sha256Of(source));
    expect(readFileSync(target).equals(readFileSync(source))).toBe(true);
  });
});
