import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSourceForCopy, type SourceReader } from '../../../src-main/core/archive/source-file.js';
import { createCopyBuffers, streamSource } from '../../../src-main/core/archive/stream-copy.js';
import { makeFile } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const MiB = 1024 * 1024;

async function sourceOf(bytes: number): Promise<{ source: SourceReader; content: Buffer }> {
  const path = join(tempDir('read-ahead'), 'clip.MP4');
  makeFile(path, bytes, 7);
  return { source: await openSourceForCopy(path), content: readFileSync(path) };
}

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((go) => setTimeout(go, 5));
}

describe('a source read while the archive disk stalls', () => {
  it('is read ahead into every buffer, no further, and written in order once the disk answers', async () => {
    const { source, content } = await sourceOf(9 * MiB + 5);
    const buffers = createCopyBuffers();
    let read = 0;
    let release = (): void => undefined;
    const stalled = new Promise<void>((go) => (release = go));
    const written: Buffer[] = [];
    const positions: number[] = [];
    const copying = streamSource(
      source,
      buffers,
      async (buffer, length, position) => {
        // The first write hangs, as behind another file's flush.
        if (positions.length === 0) await stalled;
        positions.push(position);
        written.push(Buffer.from(buffer.subarray(0, length)));
      },
      (bytes) => (read += bytes),
      new AbortController().signal,
    );
    await until(() => read === buffers.length * MiB);
    // Every buffer is full and the first is still being written: the reads wait for it.
    await new Promise((go) => setTimeout(go, 100));
    expect(read).toBe(buffers.length * MiB);
    expect(positions).toEqual([]);
    release();
    const result = await copying.finally(() => source.close());
    expect(positions).toEqual(Array.from({ length: 10 }, (_, i) => i * MiB));
    expect(Buffer.concat(written).equals(content)).toBe(true);
    expect(result).toEqual({ bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
  });

  it('fails with the write that failed, once no write is left running', async () => {
    const { source } = await sourceOf(6 * MiB);
    let running = 0;
    let after = -1;
    const copying = streamSource(
      source,
      createCopyBuffers(),
      async (_buffer, _length, position) => {
        running += 1;
        await new Promise((go) => setTimeout(go, 20));
        running -= 1;
        if (position === MiB) throw new Error('ENOSPC: no space left on device');
      },
      () => undefined,
      new AbortController().signal,
    ).finally(() => {
      after = running;
      return source.close();
    });
    await expect(copying).rejects.toThrow('ENOSPC');
    expect(after).toBe(0);
  });
});
