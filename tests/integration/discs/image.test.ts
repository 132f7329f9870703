// The disc image: reproducible, and Chinese, odd and many names round-trip through osirrox.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { chmod, mkdir, stat, utimes, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { buildImage, type ImageEntry } from '../../../src-main/core/discs/build-image.js';
import { checkManifest, fileExtents } from '../../../src-main/core/discs/copy-checks.js';
import { StationError } from '../../../src-main/core/errors.js';
import { tempDir } from '../../helpers/temp-dir.js';

const run = promisify(execFile);
const sha256File = async (path: string): Promise<string> => {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
};

const oddNames = ['案件/执法记录仪 视频.mp4', "-x y\"it's\".txt", '--leading dash', 'a/b/c/深 层.bin'];

async function makeSources(dir: string): Promise<ImageEntry[]> {
  const entries: ImageEntry[] = [];
  for (const [i, name] of oddNames.entries()) {
    const source = join(dir, `source-${i}`);
    await writeFile(source, `content of ${name}\n`.repeat(1000 * (i + 1)));
    entries.push({ source, path: name });
  }
  return entries;
}

describe('buildImage', () => {
  it('gives the same image twice, and its files come back out with osirrox', async () => {
    const dir = tempDir('disc-image');
    const entries = await makeSources(dir);
    // Thousands of entries go through the options file, not the command line.
    const many = Array.from({ length: 3000 }, (_, i) => ({ source: entries[0]!.source, path: `many/file-${i} 名.txt` }));
    const request = { entries: [...entries, ...many], volumeId: 'CASE_2024_001', epochSeconds: 1_700_000_000 };
    const progress: number[] = [];
    const first = await buildImage({ ...request, out: join(dir, 'one.iso'), onBytes: (bytes) => progress.push(bytes) });
    // What may differ by the next build: the clock (folders xorriso makes), a source's access time, its mode.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    await utimes(entries[1]!.source, new Date(2001, 0, 1), (await stat(entries[1]!.source)).mtime);
    await chmod(entries[2]!.source, 0o600);
    const second = await buildImage({ ...request, out: join(dir, 'two.iso') });
    expect(second).toEqual(first);
    expect(await sha256File(join(dir, 'one.iso'))).toBe(first.sha256);
    expect(progress.at(-1)).toBe(first.bytes);
    expect((await fileExtents(`stdio:${join(dir, 'one.iso')}`)).length).toBe(oddNames.length + many.length);

    const out = join(dir, 'out');
    await run('osirrox', ['-indev', join(dir, 'one.iso'), '-extract', '/', out]);
    const manifest = await Promise.all(entries.map(async ({ source, path }) => `${await sha256File(source)}  ${path}\n`));
    await writeFile(join(dir, 'MANIFEST.sha256'), manifest.join(''));
    const { stdout } = await run('sha256sum', ['-c', join(dir, 'MANIFEST.sha256')], { cwd: out });
    expect(stdout.split('\n').filter((line) => line.endsWith(': OK'))).toHaveLength(oddNames.length);
  });

  it('refuses an existing image file and a bad volume id, and leaves nothing of a failed build', async () => {
    const dir = tempDir('disc-image');
    const entries = await makeSources(dir);
    await writeFile(join(dir, 'taken.iso'), 'x');
    const request = { entries, volumeId: 'V', epochSeconds: 0 };
    await expect(buildImage({ ...request, out: join(dir, 'taken.iso') })).rejects.toBeInstanceOf(StationError);
    await expect(buildImage({ ...request, volumeId: 'X'.repeat(33), out: join(dir, 'a.iso') })).rejects.toThrow(/volume id/);
    await expect(buildImage({ ...request, volumeId: '卷', out: join(dir, 'a.iso') })).rejects.toThrow(/volume id/);

    await expect(buildImage({ ...request, entries: [...entries, { source: join(dir, 'gone'), path: 'gone' }], out: join(dir, 'b.iso') })).rejects.toThrow();
    expect(existsSync(join(dir, 'b.iso'))).toBe(false);
    const aborted = new AbortController();
    aborted.abort();
    await expect(buildImage({ ...request, out: join(dir, 'c.iso'), signal: aborted.signal })).rejects.toThrow();
    expect(existsSync(join(dir, 'c.iso'))).toBe(false);
  });

  it('carries a sparse file over 4 GiB through the image and back', { timeout: 900_000 }, async () => {
    const dir = tempDir('disc-image-big');
    const big = join(dir, 'src', '大文件.bin');
    await mkdir(join(dir, 'src'));
    await run('truncate', ['-s', '4400M', big]);
    // A few real bytes, one of them past 4 GiB, so the second extent carries something.
    await run('sh', ['-c', `printf 'start' | dd of="$1" bs=1 seek=0 conv=notrunc status=none && printf 'past 4 GiB' | dd of="$1" bs=1 seek=4300000000 conv=notrunc status=none`, 'sh', big]);
    const expected = await sha256File(big);

    const image = join(dir, 'big.iso');
    await buildImage({ entries: [{ source: big, path: '视频/大文件.bin' }], volumeId: 'BIG', epochSeconds: 1_700_000_000, out: image });
    const [file] = await fileExtents(`stdio:${image}`);
    expect(file!.size).toBe(4400 * 1024 * 1024);
    expect(file!.extents.length).toBeGreaterThan(1);
    // The extents read straight from the image, as a burned copy's are read from its device.
    expect(await checkManifest(`stdio:${image}`, [{ path: '视频/大文件.bin', sha256: expected }])).toEqual({ ok: true, problems: [] });

    const out = join(dir, 'out');
    await run('osirrox', ['-indev', image, '-extract', '/', out]);
    expect(await sha256File(join(out, '视频', '大文件.bin'))).toBe(expected);
  });
});
