import { diffByKey } from './diff-by-key.js';
import type { Volume, VolumeSink } from './volume.js';

/** Looks at the system once and returns the volumes offered now, by a key stable while a volume stays mounted. */
export type VolumeScan = (known: ReadonlyMap<string, Volume>) => Promise<Map<string, Volume>>;

export interface VolumePollerTiming {
  pollMs: number;
  /** After a trigger, poll this often for `burstMs`: the event that triggers comes just before the mount. */
  fastPollMs?: number;
  burstMs?: number;
}

const asError = (error: unknown): Error => (error instanceof Error ? error : new Error(String(error)));

/**
 * Runs a scan on a timer (never two at once), reports what appeared and went, and goes quiet on stop:
 * stop() waits for a scan in flight, whose results are then dropped.
 */
export class VolumePoller {
  private sink: VolumeSink | null = null;
  private known = new Map<string, Volume>();
  private timer: NodeJS.Timeout | null = null;
  private inFlight: Promise<void> | null = null;
  private triggeredDuringScan = false;
  private fastUntil = 0;
  private readonly fastPollMs: number;
  private readonly burstMs: number;

  constructor(
    private readonly scan: VolumeScan,
    private readonly timing: VolumePollerTiming,
  ) {
    this.fastPollMs = timing.fastPollMs ?? 50;
    this.burstMs = timing.burstMs ?? 3000;
  }

  /** Resolves after the first scan has reported the volumes present now. */
  async start(sink: VolumeSink): Promise<void> {
    this.sink = sink;
    await this.cycle();
  }

  /** Something is about to change (a mount folder made before its mount): scan now, then often for a while. */
  trigger(): void {
    if (this.sink === null) return;
    this.fastUntil = Date.now() + this.burstMs;
    this.scanNow();
  }

  /**
   * Something has changed (a mount already in the table): one scan now, or once more right after
   * the scan in flight, which may have read the table before the change. No burst: nothing more is coming.
   */
  scanNow(): void {
    if (this.sink === null) return;
    if (this.inFlight !== null) this.triggeredDuringScan = true;
    else this.wake(0);
  }

  async stop(): Promise<void> {
    this.sink = null;
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
    await this.inFlight;
  }

  private wake(delayMs: number): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.cycle(), delayMs);
  }

  private async cycle(): Promise<void> {
    this.timer = null;
    if (this.sink === null || this.inFlight !== null) return;
    this.inFlight = this.scanAndReport();
    try {
      await this.inFlight;
    } finally {
      this.inFlight = null;
    }
    if (this.sink === null) return;
    const again = this.triggeredDuringScan;
    this.triggeredDuringScan = false;
    this.wake(again ? 0 : Date.now() < this.fastUntil ? this.fastPollMs : this.timing.pollMs);
  }

  private async scanAndReport(): Promise<void> {
    let current: Map<string, Volume>;
    try {
      current = await this.scan(this.known);
    } catch (error) {
      this.sink?.error(asError(error));
      return;
    }
    const sink = this.sink;
    if (sink === null) return;
    const { added, removed } = diffByKey(this.known, current);
    this.known = current;
    // Gone first: a card swapped at the same mount point within one poll reads as out, then in.
    for (const volume of removed) sink.detach(volume);
    for (const volume of added) sink.attach(volume);
  }
}
