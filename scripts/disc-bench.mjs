// npm run bench (second part): an archival disc of DVD size, built, burned to a stdio drive (a file
// as the drive, as xorriso allows) and verified three ways, next to what the same bytes cost with
// plain tools measured in the same run: `cp -r` + sync for the image, `cp` + sync for the burn,
// one `sha256sum` of the copy (caches dropped) for the three checks. Burning to a real DVD runs at
// the drive's speed (16× DVD ≈ 22 MB/s); this measures what the station adds around the drive.
//
// Needs `npm run build:main` first and Node 24 (it loads a TypeScript test helper directly).
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { xorrisoBurner } from '../out/native-tools/disc-burners/index.js';
import { buildImage } from '../out/src-main/core/discs/build-image.js';
import { checkManifest, checkMd5, readBackSha256 } from '../out/src-main/core/discs/copy-checks.js';
import { runTool } from '../out/src-main/core/process/index.js';
import { dropCaches } from '../tests/helpers/exfat-volume.ts';
import { missingRootFeatures } from '../tests/helpers/root-features.ts';
import { MiB, mbPerSecond, mustRun, seconds, writeRandom } from './bench/tools.mjs';

/** BENCH_QUICK=1 (a dry run of the benchmark itself): the same files at 1/64 of their size. */
const scale = process.env.BENCH_QUICK === '1' ? 1 / 64 : 1;
/** About 4.2 GiB of recorder-like files: what one DVD+R (4,700,372,992 bytes) holds of a case. */
const layout = [
  ['data/I1/DCIM/DSJ20240501_080000_0001.MP4', 1100 * MiB],
  ['data/I1/DCIM/DSJ20240501_093000_0002.MP4', 1100 * MiB],
  ['data/I1/DCIM/DSJ20240501_110000_0003.MP4', 1000 * MiB],
  ['data/I2/DCIM/DSJ20240502_140000_0001.MP4', 1000 * MiB],
  ['data/I2/RECORD/REC_0001.WAV', 40 * MiB],
].map(([path, bytes]) => [path, Math.round(bytes * scale)]);

async function timed(what, work) {
  const started = performance.now();
  const result = await work();
  return { what, ms: performance.now() - started, result };
}

async function main() {
  const missing = missingRootFeatures();
  const coldReads = missing === null;
  if (!coldReads) console.log(`Caches cannot be dropped (${missing}): reads may come from memory.`);
  const work = await mkdtemp(join(tmpdir(), 'disc-bench-'));
  try {
    const source = join(work, 'source');
    const manifest = [];
    let bytes = 0;
    for (const [path, size] of layout) {
      manifest.push({ path, sha256: await writeRandom(join(source, path), size) });
      bytes += size;
    }
    console.log(`\nDisc benchmark: ${layout.length} files, ${(bytes / MiB).toFixed(0)} MiB (a DVD+R holds 4,700,372,992 bytes)`);
    const entries = layout.map(([path]) => ({ source: join(source, path), path }));

    if (coldReads) await dropCaches();
    const copyTree = await timed('cp -r + sync', async () => {
      await mustRun('cp', ['-r', source, join(work, 'copied')]);
      await mustRun('sync', []);
    });
    await rm(join(work, 'copied'), { recursive: true });
    if (coldReads) await dropCaches();
    const image = await timed('image', () => buildImage({ entries, volumeId: 'EVID_BENCH', epochSeconds: 1_700_000_000, out: join(work, 'image.iso') }));
    const imageBytes = image.result.bytes;
    if (imageBytes > 4_700_372_992) throw new Error(`the image (${imageBytes} bytes) is larger than a DVD+R`);

    if (coldReads) await dropCaches();
    const copyImage = await timed('cp + sync', async () => {
      await mustRun('cp', [join(work, 'image.iso'), join(work, 'plain-copy.iso')]);
      await mustRun('sync', []);
    });
    if (coldReads) await dropCaches();
    const drive = `stdio:${join(work, 'copyA.iso')}`;
    const burn = await timed('burn', () => xorrisoBurner.burn(runTool, { image: join(work, 'image.iso'), bytes: imageBytes, drive }));

    if (coldReads) await dropCaches();
    const shaSum = await timed('sha256sum', () => mustRun('sha256sum', [join(work, 'plain-copy.iso')]));
    await rm(join(work, 'plain-copy.iso'));
    if (coldReads) await dropCaches();
    const verify = await timed('three checks', async () => {
      const read = await readBackSha256(drive, imageBytes);
      const md5 = await checkMd5(drive);
      const files = await checkManifest(drive, manifest);
      return read === image.result.sha256 && md5.ok && files.ok;
    });
    if (!verify.result) {
      console.error('INVALID: the burned copy did not pass its checks');
      process.exitCode = 1;
    }

    const row = (name, station, plain) =>
      `| ${name} | ${plain.what}: ${seconds(plain.ms)} s (${mbPerSecond(plain === copyTree ? bytes : imageBytes, plain.ms).toFixed(0)} MB/s) | ${seconds(station.ms)} s (${mbPerSecond(imageBytes, station.ms).toFixed(0)} MB/s) | ${(plain.ms / station.ms).toFixed(2)} |`;
    console.log(`\n| step | plain tools | station | ratio (plain ÷ station) |\n|---|---|---|---|`);
    console.log(row('build the image', image, copyTree));
    console.log(row('burn to a stdio drive', burn, copyImage));
    console.log(row('verify (read back + MD5 + manifest)', verify, shaSum));
    const total = image.ms + burn.ms + verify.ms;
    console.log(`\nBuild, burn and verify one DVD-sized copy: ${seconds(total)} s; image ${imageBytes} bytes, SHA-256 ${image.result.sha256}.`);
    console.log(`(${coldReads ? 'caches dropped before each step' : 'caches not dropped'}; file size ${(await stat(join(work, 'copyA.iso'))).size} bytes on the stdio drive.)`);
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

await main();
