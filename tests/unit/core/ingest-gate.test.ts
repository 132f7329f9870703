import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ArchiveDiskGate, initialDiskConcurrency, maxDiskConcurrency, tuneWindowMs, type CpuLoad, type VerifiedBytes } from '../../../src-main/core/ingest/archive-disk-gate.js';

/** The CPU as the test says it is: the unit under test is the gate's ordering and concurrency, not the machine. */
function cpu(): CpuLoad & { busy: boolean; measuring: boolean } {
  return {
    busy: false,
    measuring: false,
    enable() { this.measuring = true; },
    saturated() { return this.busy; },
    disable() { this.measuring = false; },
  };
}

const sleep = (ms: number) => new Promise<void>((next) => setTimeout(next, ms));

describe('the archive disk gate: fair turns', () => {
  let gate: ArchiveDiskGate;
  beforeEach(() => {
    gate = new ArchiveDiskGate(cpu());
  });
  afterEach(() => gate.close());

  it('serves a slow card between a fast card\'s many queued files, and never two of one card at once', async () => {
    const started: string[] = [];
    const running = new Map<string, number>();
    let overlapInOneCard = false;
    const operation = (card: string, ms: number) => async () => {
      started.push(card);
      running.set(card, (running.get(card) ?? 0) + 1);
      if (running.get(card)! > 1) overlapInOneCard = true;
      await sleep(ms);
      running.set(card, running.get(card)! - 1);
    };
    // Three fast cards queue twelve files each at once, more than the two slots can take.
    const fast = ['a', 'b', 'c'].flatMap((card) => Array.from({ length: 12 }, () => gate.lane(card).run(1, operation(card, 3))));
    // The slow card's one file arrives while they wait.
    await sleep(10);
    const before = started.length;
    const slow = gate.lane('slow').run(1, operation('slow', 3));
    await slow;
    // Served least recently (never): the slow card's file takes the very next free slot.
    expect(started.indexOf('slow')).toBe(before);
    await Promise.all(fast);
    expect(overlapInOneCard).toBe(false);
    // Round-robin: while all three fast cards had work, none got two turns ahead of another.
    const fastOnly = started.filter((card) => card !== 'slow');
    for (let i = 0; i < 30; i += 1) {
      const counts = ['a', 'b', 'c'].map((card) => fastOnly.slice(0, i + 1).filter((c) => c === card).length);
      expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
    }
  });

  it('runs a slow and a fast source to the end, each file verified once, in the order each card copied them', async () => {
    const verified: string[] = [];
    const source = async (card: string, files: number, readMs: number) => {
      const lane = gate.lane(card);
      const placed: Promise<void>[] = [];
      for (let i = 0; i < files; i += 1) {
        await sleep(readMs); // stage 1: the card's own speed
        placed.push(lane.run(1, async () => {
          await sleep(4);
          verified.push(`${card}${i}`);
        }));
      }
      await Promise.all(placed);
    };
    await Promise.all([source('fast', 40, 1), source('slow', 5, 25)]);
    for (const [card, files] of [['fast', 40], ['slow', 5]] as const) {
      const own = verified.filter((name) => name.startsWith(card));
      expect(own).toEqual(Array.from({ length: files }, (_, i) => `${card}${i}`));
    }
  });

  it('lets a failed operation free its slot and tells its ingest why', async () => {
    const lane = gate.lane('a');
    await expect(lane.run(1, () => Promise.reject(new Error('read-back differs')))).rejects.toThrow('read-back differs');
    await expect(lane.run(1, () => Promise.resolve('next'))).resolves.toBe('next');
  });
});

/**
 * A disk whose total throughput depends on how many reads run at once (`curve`, bytes per ms):
 * each operation takes its share of it, a MiB at a time, and tells the gate each MiB as it is read
 * (as the read-back does) when given `verified`.
 */
function simulatedDisk(curve: (concurrent: number) => number) {
  let concurrent = 0;
  const chunk = 1024 * 1024;
  return {
    async read(bytes: number, verified?: VerifiedBytes) {
      concurrent += 1;
      for (let left = bytes; left > 0; left -= chunk) {
        const now = Math.min(chunk, left);
        await sleep(now / (curve(concurrent) / concurrent));
        verified?.(now);
      }
      concurrent -= 1;
    },
  };
}

describe('the archive disk gate: concurrency found as it runs', () => {
  let load: ReturnType<typeof cpu>;
  let gate: ArchiveDiskGate;
  let stopped = false;
  beforeEach(() => {
    vi.useFakeTimers();
    load = cpu();
    gate = new ArchiveDiskGate(load);
    stopped = false;
  });
  afterEach(() => {
    stopped = true;
    gate.close();
    vi.useRealTimers();
  });

  /** Sixteen cards, each with copied files (of `fileBytes`) always waiting for the disk. */
  function sixteenCards(disk: ReturnType<typeof simulatedDisk>, fileBytes = 16 * 1024 * 1024) {
    for (let card = 0; card < 16; card += 1) {
      const lane = gate.lane(`card-${card}`);
      void (async () => {
        while (!stopped) await lane.run(fileBytes, (verified) => disk.read(fileBytes, verified));
      })();
    }
  }

  /** The concurrency after each of `windows` tuning windows. */
  async function watch(windows: number): Promise<number[]> {
    const seen: number[] = [];
    for (let i = 0; i < windows; i += 1) {
      await vi.advanceTimersByTimeAsync(tuneWindowMs);
      seen.push(gate.concurrency);
    }
    return seen;
  }

  it('climbs while the disk gives more, and settles where it stops giving more', async () => {
    // An SSD-like curve: 100 MB/s per read up to six at once, then each more read costs a quarter.
    let peak = 6;
    const disk = simulatedDisk((c) => (c <= peak ? 100_000 * c : (100_000 * peak) / (1 + 0.3 * (c - peak))));
    sixteenCards(disk);
    expect(gate.concurrency).toBe(initialDiskConcurrency);
    const climbing = await watch(20);
    expect(Math.max(...climbing)).toBeGreaterThanOrEqual(peak);
    // Past the peak it is pushed back: it stays around the peak, never runs away to the maximum.
    const settled = climbing.slice(10);
    expect(Math.max(...settled)).toBeLessThanOrEqual(peak + 1);
    expect(Math.min(...settled)).toBeGreaterThanOrEqual(peak - 1);
    expect(Math.max(...climbing)).toBeLessThan(maxDiskConcurrency);

    // The disk gets slower with many readers (a spinning disk seeking): the gate steps down to the new peak.
    peak = 2;
    const falling = await watch(20);
    expect(Math.min(...falling)).toBeLessThanOrEqual(peak);
    expect(Math.max(...falling.slice(10))).toBeLessThanOrEqual(peak + 1);
  });

  it('counts bytes as they are read back, so files longer than a window still show the rate it climbs on', async () => {
    // Each file takes five windows at the start: counted only at their ends, most windows would see nothing.
    sixteenCards(simulatedDisk((c) => 100_000 * c), 5 * tuneWindowMs * 100_000);
    const climbing = await watch(8);
    expect(climbing.at(-1)).toBeGreaterThanOrEqual(initialDiskConcurrency + 5);
  });

  it('gives slots back while the CPU is saturated, down to one, and takes them again when it is not', async () => {
    sixteenCards(simulatedDisk((c) => 100_000 * c));
    const free = await watch(6);
    expect(free.at(-1)).toBeGreaterThan(initialDiskConcurrency);
    load.busy = true;
    const saturated = await watch(10);
    expect(saturated.at(-1)).toBe(1);
    load.busy = false;
    const again = await watch(4);
    expect(again.at(-1)).toBeGreaterThan(1);
  });

  it('holds when the disk is not the limit: cards slower than the disk never change it', async () => {
    const disk = simulatedDisk((c) => 100_000 * c);
    // Two cards whose copies arrive far apart: nothing ever waits for a slot.
    for (const card of ['a', 'b']) {
      const lane = gate.lane(card);
      void (async () => {
        while (!stopped) {
          await sleep(500);
          await lane.run(1024 * 1024, () => disk.read(1024 * 1024));
        }
      })();
    }
    expect(await watch(10)).toEqual(Array.from({ length: 10 }, () => initialDiskConcurrency));
  });

  it('measures only while it has work: nothing before the first operation, nothing after a window found idle', async () => {
    expect(load.measuring).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    await gate.lane('a').run(1, () => Promise.resolve());
    expect(load.measuring).toBe(true);
    await vi.advanceTimersByTimeAsync(tuneWindowMs);
    expect(load.measuring).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    // Work again: the measure starts again.
    await gate.lane('b').run(1, () => Promise.resolve());
    expect(load.measuring).toBe(true);
  });
});
