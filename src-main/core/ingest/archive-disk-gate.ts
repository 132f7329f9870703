import { availableParallelism } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';

/**
 * The archive disk's bandwidth, shared by every ingest: each file's read-back (the reading part of
 * stage 2) passes through here. Stage 1 of each ingest reads its own card and is not gated, nor are
 * stage 2's fsyncs and renaming, which wait for the file system's journal rather than the disk's
 * bandwidth; the disk is the one thing all of them share, so it is the one thing scheduled.
 *
 * - Fair: a free slot goes to the ingest served least recently (one that has just arrived, or a
 *   slow card back after a while, first), one operation at a time: a round-robin, so a fast card
 *   with a long queue of copied files never keeps a slow card's file waiting behind all of them.
 * - One operation per ingest at a time: one ingest's files are read back in the order they were
 *   copied, and one card's queue never fills every slot.
 * - Adaptive: how many operations run at once is found as it runs, from the verified bytes per
 *   second and the CPU (see `tune`).
 */

/** Two at once to begin: what the station ran before it measured anything, safe on a spinning disk. */
export const initialDiskConcurrency = 2;
/** One ingest's operation per slot and at most 16 ingests (`maxConcurrentIngests`): more slots could never be used. */
export const maxDiskConcurrency = 16;
/**
 * How long the throughput is measured before the concurrency is judged. Bytes count as they are read
 * back, not when a file ends, so a window shorter than one file's verification still sees a steady
 * rate. A second: eight cards' stage 2 fell behind their copies for the ten seconds that windows of
 * five took to climb two steps, and the rack waited for it after its last byte was read.
 */
export const tuneWindowMs = 1_000;
/** Changes smaller than this are noise (files end at uneven moments): the concurrency holds. */
const significantChange = 0.1;
/**
 * The event loop answering this late on average (ms) means the station's one thread has no room:
 * hashing and events already wait, and more disk work at once would only queue behind them.
 */
const saturatedLoopDelayMs = 50;
/** This share of every core used by the station's process is a saturated CPU (children, ffmpeg, need the rest). */
const saturatedCpuShare = 0.9;

/**
 * Tells, once per window, whether the CPU was saturated during it. Measured only between `enable`
 * and `disable`: while the disk has no work the station pays nothing for it.
 */
export interface CpuLoad {
  enable(): void;
  saturated(): boolean;
  disable(): void;
}

/** The station's own CPU: its event loop's delay and its process's CPU time, sampled per window. */
export function processCpuLoad(): CpuLoad {
  // Sampling wakes the process 50 times a second, so it runs only while the gate has work.
  const delay = monitorEventLoopDelay({ resolution: 20 });
  let usage = process.cpuUsage();
  let at = performance.now();
  return {
    enable() {
      delay.reset();
      delay.enable();
      usage = process.cpuUsage();
      at = performance.now();
    },
    saturated() {
      const lagMs = delay.mean / 1e6;
      delay.reset();
      const used = process.cpuUsage(usage);
      const now = performance.now();
      const share = (used.user + used.system) / 1000 / Math.max(1, now - at) / availableParallelism();
      usage = process.cpuUsage();
      at = now;
      return lagMs > saturatedLoopDelayMs || share > saturatedCpuShare;
    },
    disable: () => delay.disable(),
  };
}

/** What an operation tells the gate as it reads back: bytes verified since it last told. */
export type VerifiedBytes = (bytes: number) => void;

/** One ingest's way through the gate. */
export interface DiskLane {
  /**
   * Runs `operation` when this ingest's turn comes. `bytes` is what it verifies: whatever of it the
   * operation did not tell as it went is counted when it ends.
   */
  run<T>(bytes: number, operation: (verified: VerifiedBytes) => Promise<T>): Promise<T>;
}

export class ArchiveDiskGate {
  private limit = initialDiskConcurrency;
  private active = 0;
  /** Ingests with an operation running now. */
  private readonly busy = new Set<string>();
  /** Waiting operations by ingest, in the order each ingest copied them. */
  private readonly waiting = new Map<string, (() => void)[]>();
  /** When each ingest with work was last given a slot (a count of slots given), for the round-robin. */
  private readonly lastServed = new Map<string, number>();
  private served = 0;
  private verifiedBytes = 0;
  private windowStartMs = performance.now();
  /** Some ingest's operation was ready but found every slot taken, during this window: the limit was binding. */
  private limited = false;
  private lastRate: number | null = null;
  /** The way the last step went: a step that paid is followed by another the same way. */
  private direction: 1 | -1 = 1;
  /** The tuning windows' clock: running only while the gate has work (see `watch`). */
  private timer: NodeJS.Timeout | null = null;

  /** Built in every station process, CLI commands too: it measures nothing until disk work arrives. */
  constructor(private readonly cpu: CpuLoad = processCpuLoad()) {}

  /** How many operations may run at once now. */
  get concurrency(): number {
    return this.limit;
  }

  lane(ingestId: string): DiskLane {
    return { run: (bytes, operation) => this.run(ingestId, bytes, operation) };
  }

  close(): void {
    this.unwatch();
  }

  /** Starts the windows and the CPU's measure with the first work after an idle time; a new window begins. */
  private watch(): void {
    if (this.timer) return;
    this.cpu.enable();
    this.verifiedBytes = 0;
    this.windowStartMs = performance.now();
    this.limited = false;
    // An idle time is a quiet window: the first binding one after it tries one more.
    this.lastRate = null;
    this.timer = setInterval(() => this.tune(), tuneWindowMs);
    // A station with nothing to copy is not kept alive by its gate.
    this.timer.unref();
  }

  private unwatch(): void {
    if (!this.timer) return;
    clearInterval(this.timer);
    this.timer = null;
    this.cpu.disable();
  }

  private async run<T>(ingestId: string, bytes: number, operation: (verified: VerifiedBytes) => Promise<T>): Promise<T> {
    this.watch();
    await new Promise<void>((start) => {
      const queue = this.waiting.get(ingestId);
      if (queue) queue.push(start);
      else this.waiting.set(ingestId, [start]);
      this.dispatch();
    });
    let told = 0;
    try {
      return await operation((verified) => {
        told += verified;
        this.verifiedBytes += verified;
      });
    } finally {
      // A failed verification read the disk all the same.
      this.verifiedBytes += Math.max(0, bytes - told);
      this.active -= 1;
      this.busy.delete(ingestId);
      // An ingest with nothing left here is forgotten: back after a pause, it is served first.
      if (!this.waiting.has(ingestId)) this.lastServed.delete(ingestId);
      this.dispatch();
    }
  }

  /** Of the ingests with an operation waiting and none running, the one served least recently. */
  private nextReady(): string | undefined {
    let next: string | undefined;
    for (const ingestId of this.waiting.keys()) {
      if (this.busy.has(ingestId)) continue;
      if (next === undefined || (this.lastServed.get(ingestId) ?? -1) < (this.lastServed.get(next) ?? -1)) next = ingestId;
    }
    return next;
  }

  private dispatch(): void {
    for (let ready = this.nextReady(); ready !== undefined; ready = this.nextReady()) {
      if (this.active >= this.limit) {
        this.limited = true;
        return;
      }
      const queue = this.waiting.get(ready) ?? [];
      const start = queue.shift();
      if (queue.length === 0) this.waiting.delete(ready);
      this.lastServed.set(ready, (this.served += 1));
      this.active += 1;
      this.busy.add(ready);
      start?.();
    }
  }

  /**
   * Once a window, a hill climb on the verified bytes per second. A saturated CPU takes one slot
   * away (more disk work would only wait for the CPU). Otherwise only a window in which the limit
   * was binding (work waited for a slot) says anything about the disk: against the window before,
   * a rate that rose by more than the noise earns another step the same way, one that fell steps
   * back the other way, a flat one holds. The first binding window after a quiet one (or after the
   * CPU was saturated) tries one more. One step a window, so each is judged by the next.
   * A gate found idle stops measuring until work comes again.
   */
  private tune(): void {
    this.climb();
    if (this.active === 0 && this.waiting.size === 0) this.unwatch();
  }

  private climb(): void {
    const now = performance.now();
    const rate = this.verifiedBytes / Math.max(1, now - this.windowStartMs);
    this.verifiedBytes = 0;
    this.windowStartMs = now;
    const limited = this.limited || (this.nextReady() !== undefined && this.active >= this.limit);
    this.limited = false;
    const previous = this.lastRate;
    this.lastRate = limited ? rate : null;
    if (this.cpu.saturated()) {
      this.lastRate = null;
      this.step(-1);
    } else if (!limited) {
      return;
    } else if (previous === null) {
      this.step(+1);
    } else if (rate > previous * (1 + significantChange)) {
      this.step(this.direction);
    } else if (rate < previous * (1 - significantChange)) {
      this.step(-this.direction as 1 | -1);
    }
    this.dispatch();
  }

  private step(direction: 1 | -1): void {
    this.limit = Math.min(maxDiskConcurrency, Math.max(1, this.limit + direction));
    // At either end the only thing left to learn is the other way.
    this.direction = this.limit === 1 ? 1 : this.limit === maxDiskConcurrency ? -1 : direction;
  }
}
