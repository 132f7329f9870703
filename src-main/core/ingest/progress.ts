import type { IngestProgress } from '../../contract/index.js';

const emitEveryMs = 250;
const speedWindowMs = 3000;

/**
 * Keeps the running counts of an ingest and reports them on a timer, about four times a second,
 * whatever the chunk rate; speed is averaged over the last few seconds so time left is steady.
 */
export class ProgressTracker {
  private readonly state: IngestProgress;
  private readonly samples: { at: number; bytes: number }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    ingestId: string,
    private readonly report: (progress: IngestProgress) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.state = {
      ingestId,
      phase: 'scanning',
      filesDone: 0,
      filesTotal: 0,
      bytesDone: 0,
      bytesTotal: 0,
      currentFile: null,
      bytesPerSecond: 0,
      secondsLeft: null,
    };
  }

  start(): void {
    this.timer = setInterval(() => this.flush(), emitEveryMs);
    this.timer.unref();
  }

  update(change: Partial<Pick<IngestProgress, 'phase' | 'filesTotal' | 'bytesTotal' | 'currentFile'>>): void {
    Object.assign(this.state, change);
  }

  addBytes(bytes: number): void {
    this.state.bytesDone += bytes;
  }

  fileDone(): void {
    this.state.filesDone += 1;
  }

  snapshot(): IngestProgress {
    const at = this.now();
    this.samples.push({ at, bytes: this.state.bytesDone });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > speedWindowMs) this.samples.shift();
    const first = this.samples[0];
    const elapsed = first ? (at - first.at) / 1000 : 0;
    const speed = first && elapsed > 0 ? (this.state.bytesDone - first.bytes) / elapsed : 0;
    const left = this.state.bytesTotal - this.state.bytesDone;
    return {
      ...this.state,
      bytesPerSecond: Math.round(speed),
      secondsLeft: speed > 0 ? Math.ceil(left / speed) : null,
    };
  }

  flush(): void {
    this.report(this.snapshot());
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }
}
