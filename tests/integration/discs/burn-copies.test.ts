// Two copies burned from one image onto stdio files: identical, all three checks pass on each, and
// one byte flipped on copy B is caught by every check that reads it.
import { createHash, randomBytes } from 'node:crypto';
import { open, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildImage } from '../../../src-main/core/discs/build-image.js';
import { checkManifest, checkMd5, fileExtents, readBackSha256 } from '../../../src-main/core/discs/copy-checks.js';
import { runTool } from '../../../src-main/core/process/index.js';
import { xorrisoBurner } from '../../../native-tools/disc-burners/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

const files: Record<string, Buffer> = {
  '案件/执法记录仪 01.mp4': randomBytes(3 * 1024 * 1024 + 123),
  "notes/it's \"quoted\".txt": Buffer.from('kept for the case\n'),
  'README.txt': Buffer.from('what is on this disc\n'),
};
const victim = '案件/执法记录仪 01.mp4';
const manifest = Object.entries(files).map(([path, data]) => ({ path, sha256: createHash('sha256').update(data).digest('hex') }));

describe('burning two copies to stdio drives', () => {
  // Made as the suite is collected: tempDir removes it after the file (a hook's own folder never would be).
  const dir = tempDir('disc-burn');
  let image: { bytes: number; sha256: string };
  let imagePath: string;

  beforeAll(async () => {
    const entries = await Promise.all(
      Object.entries(files).map(async ([path, data], i) => {
        const source = join(dir, `source-${i}`);
        await writeFile(source, data);
        return { source, path };
      }),
    );
    imagePath = join(dir, 'disc.iso');
    image = await buildImage({ entries, volumeId: 'CASE_7', epochSeconds: 1_700_000_000, out: imagePath });
  });

  it('burns identical copies that pass all three checks, and finds a flipped byte', async () => {
    const drives = { A: `stdio:${join(dir, 'copyA.bin')}`, B: `stdio:${join(dir, 'copyB.bin')}` };
    for (const drive of Object.values(drives)) {
      expect(await xorrisoBurner.media(runTool, drive)).toMatchObject({ kind: 'stdio file', blank: true });
      const progress: number[] = [];
      await xorrisoBurner.burn(runTool, { image: imagePath, bytes: image.bytes, drive, onBytes: (bytes) => progress.push(bytes) });
      expect(progress.at(-1)).toBe(image.bytes);
      expect(await readBackSha256(drive, image.bytes)).toBe(image.sha256);
      expect(await checkMd5(drive)).toEqual({ ok: true, problems: [] });
      expect(await checkManifest(drive, manifest)).toEqual({ ok: true, problems: [] });
    }
    expect(await readFile(join(dir, 'copyA.bin'))).toEqual(await readFile(join(dir, 'copyB.bin')));
    expect((await stat(join(dir, 'copyA.bin'))).size).toBe(image.bytes);

    // One byte inside the video's data on copy B.
    const extents = await fileExtents(drives.B);
    const target = extents.find((file) => file.path === victim)!;
    const copyB = await open(join(dir, 'copyB.bin'), 'r+');
    const at = target.extents[0]!.lba * 2048 + 1000;
    const byte = Buffer.alloc(1);
    await copyB.read(byte, 0, 1, at);
    await copyB.write(Buffer.from([byte[0]! ^ 0xff]), 0, 1, at);
    await copyB.close();

    expect(await readBackSha256(drives.B, image.bytes)).not.toBe(image.sha256);
    const md5 = await checkMd5(drives.B);
    expect(md5.ok).toBe(false);
    expect(md5.problems).toContain(`MD5 mismatch: /${victim}`);
    expect(await checkManifest(drives.B, manifest)).toEqual({ ok: false, problems: [`SHA-256 mismatch: ${victim}`] });
    // Copy A is untouched and still passes.
    expect((await checkManifest(drives.A, manifest)).ok).toBe(true);
  });

  it('refuses a written copy as not blank, and fails clearly on a medium shorter than the image', async () => {
    const drive = `stdio:${join(dir, 'used.bin')}`;
    await xorrisoBurner.burn(runTool, { image: imagePath, bytes: image.bytes, drive });
    await expect(xorrisoBurner.burn(runTool, { image: imagePath, bytes: image.bytes, drive })).rejects.toMatchObject({ failure: 'not-blank' });
    await expect(readBackSha256(drive, image.bytes + 2048)).rejects.toThrow(/ends at byte/);
  });

  it('fails checkMd5 on a disc with no MD5s, and names files missing from the disc', async () => {
    const plain = join(dir, 'plain.iso');
    await runTool('xorriso', ['-outdev', `stdio:${plain}`, '-map', join(dir, 'source-2'), '/README.txt', '-commit'], { timeoutMs: 60_000 });
    const result = await checkMd5(`stdio:${plain}`);
    expect(result.ok).toBe(false);
    expect(result.problems.join('\n')).toMatch(/MD5/);
    const missing = await checkManifest(`stdio:${plain}`, manifest);
    expect(missing.problems).toEqual([`missing: ${manifest[0]!.path}`, `missing: ${manifest[1]!.path}`]);
  });
});
