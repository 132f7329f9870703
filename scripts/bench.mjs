// npm run bench: how long `station ingest` takes next to `cp -r SRC DST && sync` from a
// recorder-like card, unthrottled and at card-reader and USB 2.0 speeds, and how much memory the ingest needs.
// The goal: cp+sync time ÷ ingest time ≥ 0.95, though the ingest also hashes, fsyncs, reads every
// file back from the disk and indexes it. A run whose ingest did not archive every file with the
// right hash is reported as invalid and exits 1: measuring a broken ingest proves nothing.
//
// Needs `npm run build:main` first (npm run bench does it) and Node 24 (it loads the TypeScript
// test helpers directly, letting Node strip their types, so tests and bench share one volume helper).
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { once } from 'node:events';
import { ffmpegPath } from '../out/native-tools/binaries.js';
import { createExfatVolume, dropCaches } from '../tests/helpers/exfat-volume.ts';
import { missingRootFeatures } from '../tests/helpers/root-features.ts';

const MiB = 1024 * 1024;
/** Source speeds a desk meets: a UHS-I card in a USB 3 reader, and a recorder on USB 2.0. */
const throttledSpeeds = [
  [90_000_000, 'UHS-I card reader'],
  [40_000_000, 'USB 2.0'],
];
const unthrottledRounds = 3;
const cliEntry = fileURLToPath(new URL('../out/src-main/hosts/cli/station.js', import.meta.url));

/** A body-worn recorder's card after a shift: a few long clips, audio notes, photos, a log. */
function cardLayout() {
  const files = [
    ['DCIM/100MEDIA/DSJ20240501_080000_0001.MP4', 200 * MiB],
    ['DCIM/100MEDIA/DSJ20240501_093000_0002.MP4', 180 * MiB],
    ['DCIM/100MEDIA/DSJ20240501_110000_0003.MP4', 150 * MiB],
    ['DCIM/100MEDIA/DSJ20240501_143000_0004.MP4', 120 * MiB],
  ];
  for (let i = 1; i <= 10; i++) files.push([`RECORD/REC_${String(i).padStart(4, '0')}.WAV`, 8 * MiB]);
  for (let i = 1; i <= 20; i++) files.push([`PHOTO/IMG_${String(i).padStart(4, '0')}.JPG`, 3 * MiB + i * 4096]);
  for (let i = 1; i <= 3; i++) files.push([`LOG/2024050${i}.TXT`, 2000 + i]);
  return files;
}

const mb = (bytes) => bytes / 1e6;
const seconds = (ms) => (ms / 1000).toFixed(1);
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Random bytes (a recorder's video does not compress), hashed as they are written. */
async function writeRandom(path, bytes) {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { flags: 'wx' });
  const hash = createHash('sha256');
  for (let left = bytes; left > 0; ) {
    const chunk = randomBytes(Math.min(left, 4 * MiB));
    hash.update(chunk);
    if (!out.write(chunk)) await once(out, 'drain');
    left -= chunk.length;
  }
  out.end();
  await once(out, 'close');
  return hash.digest('hex');
}

async function hashFile(path) {
  return createHash('sha256').update(await readFile(path)).digest('hex');
}

function run(command, args, options = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Fills the source; returns the expected SHA-256 of every file by relative path. */
async function fillCard(root, scratch) {
  const expected = new Map();
  for (const [relative, bytes] of cardLayout()) expected.set(relative, await writeRandom(join(root, relative), bytes));
  // One real clip, so the ingest's metadata stage (ffprobe, exiftool) has real work too.
  const clip = join(scratch, 'clip.mp4');
  const made = await run(ffmpegPath(), [
    '-v', 'error', '-y', '-f', 'lavfi', '-i', 'testsrc=duration=5:size=640x360:rate=25',
    '-f', 'lavfi', '-i', 'sine=duration=5', '-c:v', 'libx264', '-preset', 'ultrafast', '-c:a', 'aac', clip,
  ]);
  if (made.code !== 0) throw new Error(`ffmpeg failed: ${made.stderr}`);
  const relative = 'DCIM/100MEDIA/DSJ20240501_160000_0005.MP4';
  await writeFile(join(root, relative), await readFile(clip));
  expected.set(relative, await hashFile(clip));
  return expected;
}

/** Writes the process's resource usage (maxRSS, CPU) to a file as it exits: loaded with `node --import`. */
async function writeUsageHook(workDir) {
  const hook = join(workDir, 'usage-hook.mjs');
  const usageFile = join(workDir, 'usage.json');
  await writeFile(
    hook,
    `import { writeFileSync } from 'node:fs';\nprocess.on('exit', () => writeFileSync(${JSON.stringify(usageFile)}, JSON.stringify(process.resourceUsage())));\n`,
  );
  return { hookUrl: pathToFileURL(hook).href, usageFile };
}

class Bench {
  /** @param {{workDir: string, source: string, sourceKind: string, expected: Map<string, string>, totalBytes: number, coldReads: boolean, usage: {hookUrl: string, usageFile: string}}} setup */
  constructor(setup) {
    Object.assign(this, setup);
    this.loadAtStart = loadavg()[0].toFixed(1);
    this.problems = [];
    this.verification = null;
  }

  /** Both contenders start alike: no earlier output on the disk, nothing of the source in memory. */
  async fresh(name) {
    const target = join(this.workDir, name);
    await rm(target, { recursive: true, force: true });
    if (this.coldReads) await dropCaches();
    return target;
  }

  async cpAndSync() {
    const target = await this.fresh('cp-target');
    const started = performance.now();
    const result = await run('sh', ['-c', 'cp -r -- "$1" "$2" && sync', 'sh', this.source, target]);
    const ms = performance.now() - started;
    if (result.code !== 0) throw new Error(`cp failed: ${result.stderr}`);
    await rm(target, { recursive: true, force: true });
    return { ms };
  }

  async ingest(label) {
    const dataDir = await this.fresh('station-data');
    await rm(this.usage.usageFile, { force: true });
    // Straight on this Node (24): bin/station.js would only re-exec on an older one.
    const args = ['--import', this.usage.hookUrl, cliEntry, '--data', dataDir, 'ingest', this.source, '--json'];
    const started = performance.now();
    const result = await run(process.execPath, args);
    const ms = performance.now() - started;
    const usage = JSON.parse(await readFile(this.usage.usageFile, 'utf8'));
    this.check(label, result);
    await rm(dataDir, { recursive: true, force: true });
    return { ms, maxRssKiB: usage.maxRSS, cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000 };
  }

  /** The ingest must have archived every file, each with the hash the file was written with. */
  check(label, result) {
    let report;
    try {
      report = JSON.parse(result.stdout);
    } catch {
      this.problems.push(`${label}: no JSON report (exit ${result.code}): ${result.stderr.slice(0, 500)}`);
      return;
    }
    const wrong = [];
    for (const [relative, sha256] of this.expected) {
      const file = report.files.find((f) => f.source === relative);
      if (!file || file.status !== 'archived' || file.sha256 !== sha256) wrong.push(`${relative}: ${file ? `${file.status} ${file.reason ?? ''}` : 'missing'}`);
    }
    if (result.code !== 0 || report.state !== 'completed' || report.files.length !== this.expected.size || wrong.length > 0) {
      this.problems.push(`${label}: exit ${result.code}, state ${report.state}, ${report.files.length} files; ${wrong.slice(0, 5).join('; ')}`);
    }
    this.verification ??= report.files[0]?.verification ?? null;
  }

  /** Alternates which contender goes first, so neither always gets the warmer disk. */
  async compare(label, rounds) {
    const cp = [];
    const ingest = [];
    for (let round = 0; round < rounds; round++) {
      const pair = round % 2 === 0 ? ['cp', 'ingest'] : ['ingest', 'cp'];
      for (const which of pair) {
        if (which === 'cp') cp.push(await this.cpAndSync());
        else ingest.push(await this.ingest(label));
        const last = which === 'cp' ? cp.at(-1) : ingest.at(-1);
        console.log(`  ${label}, round ${round + 1}: ${which === 'cp' ? 'cp -r + sync ' : 'station ingest'} ${seconds(last.ms)} s`);
      }
    }
    const cpMs = median(cp.map((r) => r.ms));
    const ingestMs = median(ingest.map((r) => r.ms));
    return {
      label,
      rounds,
      cpMs,
      ingestMs,
      ratio: cpMs / ingestMs,
      maxRssKiB: Math.max(...ingest.map((r) => r.maxRssKiB)),
      cpuMs: median(ingest.map((r) => r.cpuMs)),
    };
  }
}

function table(bench, rows, skipped) {
  const total = mb(bench.totalBytes);
  const lines = [
    `Source: ${bench.expected.size} files, ${(bench.totalBytes / MiB).toFixed(0)} MiB (${bench.sourceKind}); ` +
      `${cpus().length} cores, Linux ${release()}, Node ${process.versions.node}; read-back: ${bench.verification ?? 'n/a'}; ` +
      `times are medians, caches ${bench.coldReads ? 'dropped before every run' : 'NOT dropped (not root)'}; ` +
      `load average ${bench.loadAtStart} at the start, ${loadavg()[0].toFixed(1)} at the end (other work on the machine skews the figures).`,
    '',
    '| Source speed | cp -r + sync | station ingest | ratio (cp+sync ÷ ingest) | ingest peak RSS | ingest CPU (own process) |',
    '|---|---|---|---|---|---|',
  ];
  for (const r of rows) {
    lines.push(
      `| ${r.label} | ${seconds(r.cpMs)} s (${(total / (r.cpMs / 1000)).toFixed(0)} MB/s) | ` +
        `${seconds(r.ingestMs)} s (${(total / (r.ingestMs / 1000)).toFixed(0)} MB/s) | **${r.ratio.toFixed(2)}** | ` +
        `${(r.maxRssKiB / 1024).toFixed(0)} MiB | ${seconds(r.cpuMs)} s |`,
    );
  }
  if (skipped) lines.push('', `Throttled runs skipped: ${skipped}`);
  return lines.join('\n');
}

async function main() {
  const workDir = await mkdtemp(join(tmpdir(), 'station-bench-'));
  const missing = missingRootFeatures({ throttle: true });
  let volume;
  const cleanUp = async () => {
    await volume?.destroy().catch((error) => console.error(`cleanup of the test volume failed: ${error}`));
    await rm(workDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  try {
    let source;
    let sourceKind;
    if (missing === null) {
      volume = await createExfatVolume({ sizeMiB: 1024, label: 'DSJ-BENCH', parentDir: workDir });
      source = volume.mountpoint;
      sourceKind = 'exFAT on a loop device through FUSE';
    } else {
      console.log(`No loop-device volume (${missing}); the source is a plain folder on the local disk.`);
      source = join(workDir, 'DSJ-BENCH');
      sourceKind = 'plain folder on the local disk';
    }
    console.log(`Filling ${source} …`);
    const fillStarted = performance.now();
    const expected = await fillCard(source, workDir);
    let totalBytes = 0;
    for (const [relative] of expected) totalBytes += (await stat(join(source, relative))).size;
    console.log(`  ${expected.size} files, ${(totalBytes / MiB).toFixed(0)} MiB in ${seconds(performance.now() - fillStarted)} s`);
    const usage = await writeUsageHook(workDir);
    const bench = new Bench({ workDir, source, sourceKind, expected, totalBytes, coldReads: missing === null, usage });

    const rows = [await bench.compare('unthrottled', unthrottledRounds)];
    let skipped = null;
    if (volume) {
      for (const [bytesPerSecond, what] of throttledSpeeds) {
        await volume.throttle(bytesPerSecond);
        rows.push(await bench.compare(`${bytesPerSecond / 1e6} MB/s (${what})`, 1));
      }
      await volume.throttle(null);
    } else skipped = missing;

    console.log(`\n${table(bench, rows, skipped)}\n`);
    if (bench.problems.length > 0) {
      console.error(`INVALID: the ingest did not archive every file correctly:\n${bench.problems.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
}

await main();
