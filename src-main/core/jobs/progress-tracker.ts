const emitEveryMs = 250;
const speedWindowMs = 3000;

/** What a long job reports about itself: counts, the current item, speed and time left. */
export interface JobProgress<Phase extends string> {
  phase: Phase;
  filesDone: number;
  filesTotal: number;
  bytesDone: number;
  bytesTotal: number;
  currentFile: string | null;
  bytesPerSecond: number;
  secondsLeft: number | null;
}

type Counts<Phase extends string> = Omit<JobProgress<Phase>, 'bytesPerSecond' | 'secondsLeft'>;

/**
 * Keeps the running counts of a long job (an ingest, a burn) and reports them on a timer, about
 * four times a second, whatever the chunk rate; speed is averaged over the last few seconds so the
 * time left is steady.
 */
export class ProgressTracker<Phase extends string> {
  private readonly counts: Counts<Phase>;
  private readonly samples: { at: number; bytes: number }[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(
    phase: Phase,
    private readonly report: (progress: JobProgress<Phase>) => void,
    private readonly now: () => number = Date.now,
  ) {
    this.counts = { phase, filesDone: 0, filesTotal: 0, bytesDone: 0, bytesTotal: 0, currentFile: null };
  }

  start(): void {
    this.timer = setInterval(() => this.flush(), emitEveryMs);
    this.timer.unref();
  }

  update(change: Partial<Pick<Counts<Phase>, 'phase' | 'filesTotal' | 'bytesTotal' | 'currentFile'>>): void {
    Object.assign(this.counts, change);
  }

  addBytes(bytes: number): void {
    this.counts.bytesDone += bytes;
  }

  fileDone(): void {
    this.counts.filesDone += 1;
  }

  snapshot(): JobProgress<Phase> {
    const at = this.now();
    this.samples.push({ at, bytes: this.counts.bytesDone });
    while (this.samples.length > 2 && at - (this.samples[0]?.at ?? at) > speedWindowMs) this.samples.shift();
    const first = this.samples[0];
    const elapsed = first ? (at - first.at) / 1000 : 0;
    const speed = first && elapsed > 0 ? (this.counts.bytesDone - first.bytes) / elapsed : 0;
    const left = this.counts.bytesTotal - this.counts.bytesDone;
    return { ...this.counts, bytesPerSecond: Math.round(speed), secondsLeft: speed > 0 ? Math.ceil(left / speed) : null };
  }

  flush(): void {
    this.report(this.snapshot());
  }

  /** The last report, once: a second stop (a job's safety net after its own) says nothing more. */
  stop(): void {
    if (this.timer === null) return;
    clearInterval(this.timer);
    this.timer = null;
    this.flush();
  }
}
