// The rack: several recorders back at the end of a shift, each an exFAT volume on its own loop
// device, each throttled by its own blkio group (a USB 2.0 recorder behind a shared hub). One
// station process ingests them all, against `cp -r` from every card at once + one `sync`, and
// against the careful copy by hand of every card at once. Caches are dropped before each.
import { mkdir, readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { createExfatVolume } from '../../tests/helpers/exfat-volume.ts';
import { carefulCopy, copyAndSync } from './by-hand.mjs';
import { fuseNotMeasured } from './measure.mjs';
import { ingestAll, watchAll, checkReport } from './station.mjs';
import { fillWith, shortClip } from './recorder-files.mjs';
import { MiB, fresh, median, seconds } from './tools.mjs';

/** A recorder's card after a shift, `scale` of full size: GA/T 947 names carrying its serial (so a watcher recognises it). */
export function rackCardLayout(serial, scale) {
  const size = (bytes) => Math.max(4096, Math.round(bytes * scale));
  const name = (sequence, ext) => `${serial}_123456_20261126${String(8 + sequence).padStart(2, '0')}0015_${String(sequence).padStart(4, '0')}.${ext}`;
  const files = [
    [`DCIM/${name(1, 'MP4')}`, size(80 * MiB)],
    [`DCIM/${name(2, 'MP4')}`, size(80 * MiB)],
    [`DCIM/${name(3, 'MP4')}`, size(40 * MiB)],
    [`DCIM/${serial}_123456_20261126160015_0004.MP4`, shortClip],
  ];
  for (let i = 1; i <= 6; i++) files.push([`RECORD/${name(10 + i, 'WAV')}`, size(2 * MiB)]);
  for (let i = 1; i <= 10; i++) files.push([`PHOTO/${name(20 + i, 'JPG')}`, size(MiB + i * 4096)]);
  files.push([`LOG/${serial}.LOG`, 2000]);
  return files;
}

/** Each volume's blkio group, read from its FUSE daemon: the rack needs one per card. */
async function blkioGroupOf(pid) {
  const line = (await readFile(`/proc/${pid}/cgroup`, 'utf8')).split('\n').find((l) => /:blkio:/.test(l));
  return line?.split(':')[2] ?? null;
}

export class Rack {
  /** @param {{count: number, scale: number, volumeMiB: number, bytesPerSecond: number, workDir: string}} options */
  static async create({ count, scale, volumeMiB, bytesPerSecond, workDir }) {
    const rack = new Rack(workDir);
    try {
      for (let i = 0; i < count; i++) {
        const serial = String(7000001 + i);
        const volume = await createExfatVolume({ sizeMiB: volumeMiB, label: `DSJ-RACK${i + 1}`, parentDir: workDir });
        const card = { serial, volume, source: volume.mountpoint, expected: null };
        rack.cards.push(card);
        card.expected = await fillWith(volume.mountpoint, rackCardLayout(serial, scale), workDir);
      }
      for (const card of rack.cards) await card.volume.throttle(bytesPerSecond);
      const groups = new Set(await Promise.all(rack.cards.map((card) => blkioGroupOf(card.volume.fusePid))));
      if (groups.size !== count || groups.has('/')) throw new Error(`the ${count} volumes are not each in a blkio group of their own: ${[...groups].join(', ')}`);
    } catch (error) {
      await rack.destroy();
      throw error;
    }
    return rack;
  }

  constructor(workDir) {
    this.workDir = workDir;
    this.cards = [];
  }

  get sources() {
    return this.cards.map((card) => card.source);
  }

  get files() {
    return this.cards.reduce((total, card) => total + card.expected.size, 0);
  }

  async destroy() {
    for (const card of this.cards) await card.volume.destroy().catch((error) => console.error(`cleanup of ${card.source} failed: ${error}`));
  }
}

/**
 * Runs the three contenders on the rack `rounds` times, each from cold caches, and returns their
 * table rows. `station` is the station runner, `multiPath` whether `station ingest` takes them all.
 */
export async function benchRack({ rack, bytes, rounds, station, cliEntry, multiPath, coldReads, problems, log }) {
  const freshDir = (name) => fresh(join(rack.workDir, name), coldReads);
  const targets = (dir) => rack.cards.map((_, i) => join(dir, `card-${i + 1}`));
  const runs = { cp: [], station: [], hand: [] };
  // While the station runs, the FUSE daemons must be neither in its CPU group nor its children.
  let fuse = null;
  const onStart = ({ child, group }) => {
    setTimeout(() => {
      fuseNotMeasured(rack.cards.map((card) => card.volume.fusePid), child.pid, group).then((ok) => (fuse = (fuse ?? true) && ok), () => undefined);
    }, 1000).unref();
  };
  for (let round = 0; round < rounds; round++) {
    const cpDir = await freshDir('rack-cp');
    await mkdir(cpDir);
    runs.cp.push(await copyAndSync(rack.sources, targets(cpDir)));
    await rm(cpDir, { recursive: true, force: true });
    log(`  rack, round ${round + 1}: ${rack.cards.length} × cp -r + sync ${seconds(runs.cp.at(-1).ms)} s`);

    const dataDir = await freshDir('rack-station');
    const timeoutMs = 120_000 + (bytes / 1e6) * 1000;
    const outcome = multiPath
      ? await ingestAll(station, dataDir, rack.sources, onStart)
      : await watchAll(station, cliEntry, dataDir, rack.cards, timeoutMs, onStart);
    problems.push(...outcome.problems.map((p) => `rack: ${p}`));
    for (const card of rack.cards) problems.push(...checkReport(`rack ${card.source}`, outcome.reports.get(card.source), card.expected));
    runs.station.push(outcome.result);
    await rm(dataDir, { recursive: true, force: true });
    log(`  rack, round ${round + 1}: station ${multiPath ? 'ingest' : 'watch --auto-ingest'} ${seconds(outcome.result.ms)} s`);

    const handDir = await freshDir('rack-hand');
    await mkdir(handDir);
    const hand = await carefulCopy(rack.sources, targets(handDir), rack.workDir, coldReads);
    if (!hand.ok) problems.push('rack: the careful copy by hand found a differing copy');
    runs.hand.push(hand);
    await rm(handDir, { recursive: true, force: true });
    log(`  rack, round ${round + 1}: by hand ${seconds(hand.ms)} s`);
  }
  return { runs, fuseNotMeasured: fuse };
}

/** Medians of a contender's runs: time and CPU by median, RSS by the highest seen. */
export function summarise(results) {
  const cpu = results.map((r) => r.cpuMs);
  return {
    ms: median(results.map((r) => r.ms)),
    cpuMs: cpu.some((c) => c == null) ? null : median(cpu),
    maxRssKiB: results.some((r) => r.maxRssKiB == null) ? null : Math.max(...results.map((r) => r.maxRssKiB)),
  };
}
