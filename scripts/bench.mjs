// npm run bench: the station next to plain tools, measured side by side in one run (issue 11).
//  - Single card: `station ingest` against `cp -r SRC DST && sync` from a recorder-like card,
//    unthrottled, at card-reader (90 MB/s) and USB 2.0 (40 MB/s) speeds; at 40 MB/s also against
//    the careful copy by hand (sha256sum, cp -r, sync, caches dropped, sha256sum -c). Then the
//    same card with every file four times as big, unthrottled: from the two, the station's CPU
//    for each ingest whatever its size and for each GiB it verifies.
//  - Rack: 8 cards, each throttled to 25 MB/s by its own blkio group, ingested by one station
//    process, against 8 parallel `cp -r` + one `sync`, and against the careful copy of all eight.
//  - The archive disk's own limits: durable sequential writes and O_DIRECT reads.
// Every row gives its wall time, MB/s, its time ÷ the station's with the goal, CPU seconds per GiB
// (the contender and its children; never the FUSE daemons serving the volumes) and the station's
// peak RSS. A run whose ingest did not archive every file with the right hash is reported as
// invalid and exits 1: measuring a broken ingest proves nothing.
//
// BENCH_QUICK=1 runs a small dry run (cards of about 80 and 190 MiB, 2 rack cards of 40 MiB, one round each) to
// check the script end to end; its figures mean nothing. BENCH_RACK_MODE=watch has the station take
// the rack as plugged-in cards (`station watch --auto-ingest`) instead of one `station ingest` with every path.
//
// Needs `npm run build:main` first (npm run bench does it) and Node 24 (it loads the TypeScript
// test helpers directly, letting Node strip their types, so tests and bench share one volume helper).
import { mkdir, mkdtemp, rm, stat } from 'node:fs/promises';
import { cpus, loadavg, release, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createExfatVolume } from '../tests/helpers/exfat-volume.ts';
import { missingRootFeatures } from '../tests/helpers/root-features.ts';
import { carefulCopy, copyAndSync } from './bench/by-hand.mjs';
import { measureDiskLimits } from './bench/disk-limits.mjs';
import { cgroupCpu, stationRunner, writeUsageHook } from './bench/measure.mjs';
import { Rack, benchRack, summarise } from './bench/rack.mjs';
import { checkReport, ingestAll, multiPathIngest } from './bench/station.mjs';
import { goalsMissed, markdownTable } from './bench/table.mjs';
import { fillWith, shortClip } from './bench/recorder-files.mjs';
import { GiB, MiB, fresh, seconds } from './bench/tools.mjs';

const quick = process.env.BENCH_QUICK === '1';
const plan = quick
  ? { cardScale: 1 / 20, cardVolumeMiB: 128, largeCardScale: 1 / 5, largeCardVolumeMiB: 256, unthrottledRounds: 1, rackCards: 2, rackScale: 0.09, rackVolumeMiB: 64, rackRounds: 1, diskMiB: 64 }
  : { cardScale: 1, cardVolumeMiB: 1024, largeCardScale: 4, largeCardVolumeMiB: 3400, unthrottledRounds: 3, rackCards: 8, rackScale: 1, rackVolumeMiB: 320, rackRounds: 3, diskMiB: 1024 };
/** Source speeds a desk meets: a UHS-I card in a USB 3 reader, and a recorder on USB 2.0; the station's goal against cp + sync at each. */
const throttledSpeeds = [
  { bytesPerSecond: 90_000_000, what: 'UHS-I card reader', cpGoal: 0.95, byHand: false },
  { bytesPerSecond: 40_000_000, what: 'USB 2.0', cpGoal: 0.97, byHand: true },
];
const rackBytesPerSecond = 25_000_000;
const goals = { cpuSecondsPerGiB: 2.5, byHand: 1.5, rackRssMB: 400, rackIngestVsCp: 1.1 };
const cliEntry = fileURLToPath(new URL('../out/cli/station.js', import.meta.url));

/** A body-worn recorder's card after a shift: a few long clips, audio notes, photos, a log. */
function cardLayout(scale) {
  const size = (bytes) => Math.max(4096, Math.round(bytes * scale));
  const files = [
    ['DCIM/100MEDIA/DSJ20240501_080000_0001.MP4', size(200 * MiB)],
    ['DCIM/100MEDIA/DSJ20240501_093000_0002.MP4', size(180 * MiB)],
    ['DCIM/100MEDIA/DSJ20240501_110000_0003.MP4', size(150 * MiB)],
    ['DCIM/100MEDIA/DSJ20240501_143000_0004.MP4', size(120 * MiB)],
    ['DCIM/100MEDIA/DSJ20240501_160000_0005.MP4', shortClip],
  ];
  for (let i = 1; i <= 10; i++) files.push([`RECORD/REC_${String(i).padStart(4, '0')}.WAV`, size(8 * MiB)]);
  for (let i = 1; i <= 20; i++) files.push([`PHOTO/IMG_${String(i).padStart(4, '0')}.JPG`, size(3 * MiB + i * 4096)]);
  for (let i = 1; i <= 3; i++) files.push([`LOG/2024050${i}.TXT`, 2000 + i]);
  return files;
}

/** A card to ingest: an exFAT volume on a loop device where the machine allows, else a folder; filled with `cardLayout(scale)`. */
async function fillCard({ workDir, name, scale, volumeMiB, onVolume, log }) {
  let source;
  if (onVolume) {
    const volume = await createExfatVolume({ sizeMiB: volumeMiB, label: name, parentDir: workDir });
    source = volume.mountpoint;
    onVolume(volume);
  } else {
    source = join(workDir, name);
    await mkdir(source);
  }
  log(`Filling ${source} …`);
  const expected = await fillWith(source, cardLayout(scale), workDir);
  const bytes = await bytesOf(source, expected);
  log(`  ${expected.size} files, ${(bytes / MiB).toFixed(0)} MiB`);
  return { source, expected, bytes };
}

/**
 * What an ingest costs whatever its size, and what each GiB adds, from the station's CPU on the
 * two unthrottled cards (same layout, the larger one's files four times as big).
 */
function fixedAndPerGiB(small, large) {
  const [smallCpuMs, largeCpuMs] = [small, large].map(({ runs }) => summarise(runs.station).cpuMs);
  if (smallCpuMs == null || largeCpuMs == null) return null;
  const perGiB = (largeCpuMs - smallCpuMs) / 1000 / ((large.bytes - small.bytes) / GiB);
  return { perGiB, fixed: smallCpuMs / 1000 - perGiB * (small.bytes / GiB) };
}

function splitNote(split) {
  if (split === null) return 'Station CPU: not measured, so no split into each ingest and each GiB is given.';
  if (split.perGiB <= 0) return 'Station CPU: the larger card took no more CPU than the smaller one in this run (other work on the machine), so no split is given.';
  return (
    `Station CPU from the two unthrottled cards: about ${split.fixed.toFixed(2)} CPU-s for each ingest whatever its size ` +
    `(its start, the calibration searches, the first start of each tool) and ${split.perGiB.toFixed(2)} CPU-s for each GiB it verifies.`
  );
}

async function bytesOf(root, expected) {
  let total = 0;
  for (const [relative] of expected) total += (await stat(join(root, relative))).size;
  return total;
}

/** The single card: cp + sync and the station, alternating who goes first, and the careful copy where asked. */
class SingleCard {
  constructor({ workDir, source, expected, coldReads, station, problems, log }) {
    Object.assign(this, { workDir, source, expected, coldReads, station, problems, log });
    this.verification = null;
  }

  fresh(name) {
    return fresh(join(this.workDir, name), this.coldReads);
  }

  async cp() {
    const target = await this.fresh('cp-target');
    const result = await copyAndSync([this.source], [target]);
    await rm(target, { recursive: true, force: true });
    return result;
  }

  async ingest(label) {
    const dataDir = await this.fresh('station-data');
    const { result, reports, problems } = await ingestAll(this.station, dataDir, [this.source]);
    const report = reports.get(this.source);
    this.problems.push(...problems.map((p) => `${label}: ${p}`), ...checkReport(label, report, this.expected));
    this.verification ??= report?.files?.[0]?.verification ?? null;
    await rm(dataDir, { recursive: true, force: true });
    return result;
  }

  async byHand(label) {
    const target = await this.fresh('hand-target');
    const result = await carefulCopy([this.source], [target], this.workDir, this.coldReads);
    if (!result.ok) this.problems.push(`${label}: the careful copy by hand found a differing copy`);
    await rm(target, { recursive: true, force: true });
    return result;
  }

  async compare(label, rounds, withByHand) {
    const runs = { cp: [], station: [], hand: [] };
    for (let round = 0; round < rounds; round++) {
      const order = round % 2 === 0 ? ['cp', 'station'] : ['station', 'cp'];
      if (withByHand) order.push('hand');
      for (const which of order) {
        const result = which === 'cp' ? await this.cp() : which === 'station' ? await this.ingest(label) : await this.byHand(label);
        runs[which].push(result);
        this.log(`  ${label}, round ${round + 1}: ${{ cp: 'cp -r + sync', station: 'station ingest', hand: 'by hand' }[which]} ${seconds(result.ms)} s`);
      }
    }
    return runs;
  }
}

/** Table rows of one source: each baseline compared with the station's time. */
function rowsOf(source, bytes, runs, { cpGoal, cpGoalText, rssGoalMB }) {
  const station = summarise(runs.station);
  const cp = summarise(runs.cp);
  const rows = [
    { source, contender: 'station', bytes, ...station, cpuGoal: goals.cpuSecondsPerGiB, rssGoalMB },
    { source, contender: 'cp -r + sync', bytes, ...cp, maxRssKiB: null, vs: { ratio: cp.ms / station.ms, min: cpGoal, goal: cpGoalText } },
  ];
  if (runs.hand.length > 0) {
    const hand = summarise(runs.hand);
    rows.push({ source, contender: 'by hand: sha256sum, cp -r, sync, drop caches, sha256sum -c', bytes, ...hand, maxRssKiB: null, vs: { ratio: hand.ms / station.ms, min: goals.byHand, goal: `≥ ${goals.byHand}` } });
  }
  return rows;
}

async function main() {
  const workDir = await mkdtemp(join(tmpdir(), 'station-bench-'));
  const missing = missingRootFeatures({ throttle: true });
  const coldReads = missing === null;
  const log = (line) => console.log(line);
  const problems = [];
  const notes = [];
  let volume;
  let rack;
  const cleanUp = async () => {
    await volume?.destroy().catch((error) => console.error(`cleanup of the test volume failed: ${error}`));
    await rack?.destroy();
    await rm(workDir, { recursive: true, force: true });
  };
  process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
  const loadAtStart = loadavg()[0].toFixed(1);
  const rows = [];
  try {
    const station = stationRunner(cliEntry, await writeUsageHook(workDir));
    if (quick) log('BENCH_QUICK=1: a dry run on small sizes; its figures mean nothing.');

    log('The archive disk …');
    const disk = await measureDiskLimits(workDir, plan.diskMiB, coldReads);
    rows.push({ source: 'archive disk', contender: 'dd write, conv=fdatasync', bytes: disk.bytes, ms: disk.writeMs });
    rows.push({ source: 'archive disk', contender: 'dd read, iflag=direct', bytes: disk.bytes, ms: disk.readMs });

    if (!coldReads) log(`No loop-device volume (${missing}); the source is a plain folder on the local disk, nothing is throttled, there is no rack.`);
    const onVolume = coldReads ? (made) => (volume = made) : null;
    const { source, expected, bytes: cardBytes } = await fillCard({ workDir, name: 'DSJ-BENCH', scale: plan.cardScale, volumeMiB: plan.cardVolumeMiB, onVolume, log });
    const card = new SingleCard({ workDir, source, expected, coldReads, station, problems, log });
    const cardName = `card (${(cardBytes / MiB).toFixed(0)} MiB)`;
    const unthrottled = await card.compare('unthrottled', plan.unthrottledRounds, false);
    rows.push(...rowsOf(`${cardName}, unthrottled`, cardBytes, unthrottled, { cpGoal: null, cpGoalText: '' }));
    if (volume) {
      for (const speed of throttledSpeeds) {
        await volume.throttle(speed.bytesPerSecond);
        const label = `${speed.bytesPerSecond / 1e6} MB/s (${speed.what})`;
        const runs = await card.compare(label, 1, speed.byHand);
        rows.push(...rowsOf(`${cardName}, ${label}`, cardBytes, runs, { cpGoal: speed.cpGoal, cpGoalText: `≥ ${speed.cpGoal}` }));
      }
      await volume.destroy();
      volume = undefined;
    }

    // The same card with every file four times as big: how much of the CPU per GiB is the ingest's own, whatever its size.
    const large = await fillCard({ workDir, name: 'DSJ-LARGE', scale: plan.largeCardScale, volumeMiB: plan.largeCardVolumeMiB, onVolume, log });
    const largeCard = new SingleCard({ workDir, source: large.source, expected: large.expected, coldReads, station, problems, log });
    const largeRuns = await largeCard.compare('larger card, unthrottled', plan.unthrottledRounds, false);
    rows.push(...rowsOf(`larger card (${(large.bytes / MiB).toFixed(0)} MiB), unthrottled`, large.bytes, largeRuns, { cpGoal: null, cpGoalText: '' }));
    await volume?.destroy();
    volume = undefined;
    const split = fixedAndPerGiB({ runs: unthrottled, bytes: cardBytes }, { runs: largeRuns, bytes: large.bytes });
    notes.push(splitNote(split));

    if (coldReads) {
      log(`The rack: ${plan.rackCards} cards at ${rackBytesPerSecond / 1e6} MB/s each …`);
      rack = await Rack.create({ count: plan.rackCards, scale: plan.rackScale, volumeMiB: plan.rackVolumeMiB, bytesPerSecond: rackBytesPerSecond, workDir });
      let rackBytes = 0;
      for (const c of rack.cards) rackBytes += await bytesOf(c.source, c.expected);
      const multiPath = multiPathIngest();
      const { runs, fuseNotMeasured } = await benchRack({ rack, bytes: rackBytes, rounds: plan.rackRounds, station, cliEntry, multiPath, coldReads, problems, log });
      const rackName = `rack: ${plan.rackCards} cards × ${(rackBytes / plan.rackCards / MiB).toFixed(0)} MiB, ${rackBytesPerSecond / 1e6} MB/s each`;
      const min = 1 / goals.rackIngestVsCp;
      rows.push(...rowsOf(rackName, rackBytes, runs, { cpGoal: min, cpGoalText: `ingest ≤ ${goals.rackIngestVsCp} × cp (≥ ${min.toFixed(2)})`, rssGoalMB: goals.rackRssMB }));
      notes.push(
        `Rack: ${rack.files} files; the station took them all as ${multiPath ? `one \`station ingest\` with ${plan.rackCards} paths` : '`station watch --auto-ingest --any-volume` (BENCH_RACK_MODE=watch), timed to the last card\'s end'}; ` +
          `FUSE daemons outside the measured CPU: ${fuseNotMeasured === null ? 'not checked' : fuseNotMeasured ? 'yes (checked during the run)' : 'NO'}.`,
      );
      if (fuseNotMeasured === false) problems.push('rack: a FUSE daemon was counted with the station');
    }

    console.log(
      `\n${quick ? '**Dry run (BENCH_QUICK=1): sizes too small for the figures to mean anything.**\n\n' : ''}` +
        `${cpus().length} cores, Linux ${release()}, Node ${process.versions.node}; read-back: ${card.verification ?? 'n/a'}; ` +
        `times are medians (rounds: ${plan.unthrottledRounds} unthrottled, 1 throttled, ${plan.rackRounds} on the rack); caches ${coldReads ? 'dropped before every contender' : 'NOT dropped (not root)'}; ` +
        `CPU: ${cgroupCpu() ? 'a cpuacct cgroup per contender (it and all it starts)' : 'the station\'s own and its waited-for children\'s'}; RSS: the station process's peak. ` +
        `Load average ${loadAtStart} at the start, ${loadavg()[0].toFixed(1)} at the end (other work on the machine skews the figures).` +
        `${notes.length > 0 ? `\n${notes.join('\n')}` : ''}\n\n${markdownTable(rows)}\n`,
    );
    const missed = goalsMissed(rows);
    if (missed.length > 0) console.log(`Goals not reached:\n${missed.map((m) => `- ${m}`).join('\n')}\n`);
    if (problems.length > 0) {
      console.error(`INVALID: the ingest did not archive every file correctly:\n${problems.join('\n')}`);
      process.exitCode = 1;
    }
  } finally {
    await cleanUp();
  }
}

await main();
