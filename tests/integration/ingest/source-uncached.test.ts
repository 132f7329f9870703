import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCopyBuffers, streamCopy } from '../../../src-main/core/archive/stream-copy.js';
import { openSourceForCopy } from '../../../src-main/core/archive/source-file.js';
import { sha256Of } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const MiB = 1024 * 1024;

/** Writes `mib` MiB of random bytes past the page cache (dd oflag=direct): none of the file is cached after. */
function uncachedFile(dir: string, mib: number): string {
  const path = join(dir, 'clip.MP4');
  execFileSync('dd', ['if=/dev/urandom', `of=${path}`, 'bs=1M', `count=${mib}`, 'oflag=direct', 'status=none']);
  return path;
}

/** Pages of the file in the page cache, by util-linux fincore. */
const cachedPages = (path: string): number => Number(execFileSync('fincore', ['--noheadings', '--output', 'PAGES', path], { encoding: 'utf8' }).trim());

// The system temp folder must be a file system with O_DIRECT (a disk, not tmpfs) for this to say anything.
function uncachedUnavailable(): string | null {
  const dir = tempDir('uncached-probe');
  const probe = spawnSync('dd', ['if=/dev/zero', `of=${join(dir, 'probe')}`, 'bs=4096', 'count=1', 'oflag=direct', 'status=none']);
  if (probe.status !== 0) return 'the temp folder refuses O_DIRECT (tmpfs?)';
  return spawnSync('fincore', ['--version']).status === 0 ? null : 'no fincore (util-linux)';
}

const reason = uncachedUnavailable();

describe.skipIf(reason !== null)(`a source read for the copy${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('is read past the page cache, every byte of it', async () => {
    const dir = tempDir('uncached');
    const source = uncachedFile(dir, 5);
    expect(cachedPages(source)).toBe(0);
    const copy = join(dir, 'copy.MP4');
    const { sha256, bytes } = await streamCopy(source, copy, createCopyBuffers(), () => {}, new AbortController().signal);
    // Read once, not kept: the card's bytes did not pass through the cache (checked before this
    // test reads the file itself, through the cache).
    expect(cachedPages(source)).toBe(0);
    expect(bytes).toBe(5 * MiB);
    expect(sha256).toBe(sha256Of(source));
    expect(readFileSync(copy).equals(readFileSync(source))).toBe(true);
  });

  it('goes on through the cache, the same file, when a read is refused uncached', async () => {
    const dir = tempDir('uncached');
    const source = uncachedFile(dir, 1);
    const reader = await openSourceForCopy(source);
    try {
      const [buffer] = createCopyBuffers() as [Buffer];
      // An offset that is not a whole block is refused by O_DIRECT (EINVAL): the reader falls back.
      const read = await reader.read(buffer, 1, 4096, 4097);
      expect(read).toBe(4096);
      expect(buffer.subarray(1, 4097).equals(readFileSync(source).subarray(4097, 8193))).toBe(true);
      // From then on through the cache: the rest is read, whatever its alignment.
      expect(await reader.read(buffer, 0, MiB, 0)).toBe(MiB);
      expect(cachedPages(source)).toBeGreaterThan(0);
    } finally {
      await reader.close();
    }
  });
});
