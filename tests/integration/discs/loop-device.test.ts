// A loop device of exactly DVD+R size as the drive: xorriso reads its capacity, a burn that does not
// fit is refused before a byte is written, and a burn that fits passes all three checks read back
// from the block device itself.
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, open, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mediaCapacity } from '../../../src-main/contract/discs.js';
import { buildImage } from '../../../src-main/core/discs/build-image.js';
import { checkManifest, checkMd5, readBackSha256 } from '../../../src-main/core/discs/copy-checks.js';
import { runTool } from '../../../src-main/core/process/index.js';
import { xorrisoBurner } from '../../../native-tools/disc-burners/index.js';

const run = promisify(execFile);

async function missingLoopSupport(): Promise<string | null> {
  if (process.getuid?.() !== 0) return 'loop devices need root';
  if (!existsSync('/dev/loop-control')) return 'no loop devices (/dev/loop-control)';
  return run('losetup', ['--version'], { env: { ...process.env, PATH: `${process.env.PATH}:/usr/sbin:/sbin` } }).then(
    () => null,
    () => 'no losetup on PATH',
  );
}
const skipReason = await missingLoopSupport();
if (skipReason !== null) console.warn(`skipping loop-device disc tests: ${skipReason}`);

const dvdPlusR = mediaCapacity['dvd+r'];

async function firstBlocks(device: string): Promise<Buffer> {
  const handle = await open(device, 'r');
  try {
    const { buffer } = await handle.read(Buffer.alloc(64 * 1024), 0, 64 * 1024, 0);
    return buffer;
  } finally {
    await handle.close();
  }
}

describe.skipIf(skipReason !== null)('a loop device of DVD+R size as the drive', () => {
  let dir: string;
  let loop: string | null = null;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'station-disc-loop-'));
    const backing = join(dir, 'dvd+r.bin');
    await writeFile(backing, '');
    await truncate(backing, dvdPlusR);
    loop = (await run('losetup', ['-f', '--show', backing])).stdout.trim();
  });

  afterAll(async () => {
    if (loop !== null) await run('losetup', ['-d', loop]);
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('reports its exact capacity, refuses what does not fit, and burns what does', async () => {
    const drive = `stdio:${loop}`;
    expect(await xorrisoBurner.media(runTool, drive)).toEqual({ kind: 'stdio file', blank: true, freeBytes: dvdPlusR });

    const data = Buffer.from('evidence on a DVD+R\n'.repeat(5000));
    await writeFile(join(dir, 'clip.txt'), data);
    const out = join(dir, 'disc.iso');
    const image = await buildImage({ entries: [{ source: join(dir, 'clip.txt'), path: '片段/clip.txt' }], volumeId: 'LOOP', epochSeconds: 1_700_000_000, out });

    await expect(xorrisoBurner.burn(runTool, { image: out, bytes: dvdPlusR + 1, drive })).rejects.toMatchObject({ name: 'BurnError', failure: 'disc-full' });
    expect((await firstBlocks(loop!)).every((byte) => byte === 0)).toBe(true);

    await xorrisoBurner.burn(runTool, { image: out, bytes: image.bytes, drive });
    expect(await readBackSha256(drive, image.bytes)).toBe(image.sha256);
    expect(await checkMd5(drive)).toEqual({ ok: true, problems: [] });
    const sha256 = createHash('sha256').update(data).digest('hex');
    expect(await checkManifest(drive, [{ path: '片段/clip.txt', sha256 }])).toEqual({ ok: true, problems: [] });
  });
});
