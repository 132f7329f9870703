import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openSourceForCopy, type SourceReader } from '../../../src-main/core/archive/source-file.js';
import { createCopyBuffers, streamCopy, streamSource } from '../../../src-main/core/archive/stream-copy.js';
import { makeFile } from '../../helpers/make-media.js';
import { tempDir } from '../../helpers/temp-dir.js';

const MiB = 1024 * 1024;

async function sourceOf(bytes: number): Promise<{ source: SourceReader; content: Buffer }> {
  const path = join(tempDir('read-ahead'), 'clip.MP4');
  makeFile(path, bytes, 7);
  return { source: await openSourceForCopy(path), content: readFileSync(path) };
}

/** A card that reads well up to `failAt`, then fails every read (EIO, as a dying card). */
function failingCard(failAt: number): SourceReader {
  return {
    read: async (buffer, offset, length, position) => {
      if (position >= failAt) throw Object.assign(new Error('EIO: i/o error, read'), { code: 'EIO' });
      buffer.fill(1, offset, offset + length);
      return length;
    },
    close: async () => undefined,
  };
}

/** A write that hangs until `release()`, as behind another file's flush. */
function stalledWrite(): { stalled: Promise<void>; release(): void } {
  let release = (): void => undefined;
  const stalled = new Promise<void>((go) => (release = go));
  return { stalled, release };
}

describe('a source read while the archive disk stalls', () => {
  it('is read ahead into every buffer, no further, and written in order once the disk answers', async () => {
    const { source, content } = await sourceOf(9 * MiB + 5);
    const buffers = createCopyBuffers();
    let read = 0;
    const disk = stalledWrite();
    const written: Buffer[] = [];
    const positions: number[] = [];
    const copying = streamSource(
      source,
      buffers,
      async (buffer, length, position) => {
        if (positions.length === 0) await disk.stalled;
        positions.push(position);
        written.push(Buffer.from(buffer.subarray(0, length)));
      },
      (bytes) => (read += bytes),
      new AbortController().signal,
    );
    await expect.poll(() => read).toBe(buffers.length * MiB);
    // Every buffer is full and the first is still being written: the reads wait for it.
    await new Promise((go) => setTimeout(go, 100));
    expect(read).toBe(buffers.length * MiB);
    expect(positions).toEqual([]);
    disk.release();
    const result = await copying.finally(() => source.close());
    expect(positions).toEqual(Array.from({ length: 10 }, (_, i) => i * MiB));
    expect(Buffer.concat(written).equals(content)).toBe(true);
    expect(result).toEqual({ bytes: content.length, sha256: createHash('sha256').update(content).digest('hex') });
  });

  it('fails with the write that failed, and writes nothing after it', async () => {
    const { source } = await sourceOf(6 * MiB);
    const positions: number[] = [];
    const copying = streamSource(
      source,
      createCopyBuffers(),
      async (_buffer, _length, position) => {
        positions.push(position);
        if (position === MiB) throw new Error('ENOSPC: no space left on device');
      },
      () => undefined,
      new AbortController().signal,
    ).finally(() => source.close());
    await expect(copying).rejects.toThrow('ENOSPC');
    expect(positions).toEqual([0, MiB]);
  });

  it('fails with a card that fails only once the write it is still making has ended', async () => {
    const disk = stalledWrite();
    let settled = false;
    const copying = streamSource(failingCard(2 * MiB), createCopyBuffers(), () => disk.stalled, () => undefined, new AbortController().signal);
    void copying.catch(() => undefined).finally(() => (settled = true));
    // The card has failed by now; the buffer the stalled write reads from must not be let go.
    await new Promise((go) => setTimeout(go, 100));
    expect(settled).toBe(false);
    disk.release();
    await expect(copying).rejects.toThrow('EIO');
  });

  it('makes none of the writes queued when it is stopped', async () => {
    const disk = stalledWrite();
    const stop = new AbortController();
    const positions: number[] = [];
    let read = 0;
    const copying = streamSource(
      failingCard(Infinity),
      createCopyBuffers(),
      async (_buffer, _length, position) => {
        positions.push(position);
        await disk.stalled;
      },
      (bytes) => (read += bytes),
      stop.signal,
    );
    await expect.poll(() => read).toBe(4 * MiB);
    stop.abort();
    disk.release();
    await expect(copying).rejects.toThrow(/abort/i);
    expect(positions).toEqual([0]);
  });
});

describe('a copy that cannot start', () => {
  it('tells the disk is full before anything about the files, and reads nothing', async () => {
    const dir = tempDir('cannot-start');
    const target = join(dir, 'clip.MP4.partial');
    let read = 0;
    const copying = streamCopy(join(dir, 'gone.MP4'), target, createCopyBuffers(), (bytes) => (read += bytes), new AbortController().signal, () =>
      Promise.reject(new Error('archive disk full: 2 GB needed, 1 GB free')),
    );
    await expect(copying).rejects.toThrow('archive disk full');
    expect(read).toBe(0);
    // The target was created beside the check and is left (closed) for the caller to remove, as any failed copy's.
    expect(existsSync(target)).toBe(true);
  });
});
