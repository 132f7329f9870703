import { toAbsolute } from '../archive/index.js';
import type { Database } from '../db/index.js';
import type { StationLog } from '../log/index.js';
import type { MediaInspector, MediaMetadata } from '../media/index.js';
import { pendingMetadata, saveMetadata } from '../recordings/index.js';

/**
 * Files described at once (exiftool, then ffprobe). While a single card is copying, one, so its copy
 * keeps a core on a 2-core station. Several cards bring files faster than one at a time can
 * describe them, and a description waits on the disk more than it uses the CPU: two then (a rack
 * of eight, described one at a time, still had about two seconds of them to do after its last byte
 * was verified; 1.2 s with two). Once no card copies, what is left is all the station waits for:
 * four, two in the exiftool pool and two in ffprobe (1.0 s).
 */
const concurrency = (copying: number): number => (copying === 0 ? 4 : copying === 1 ? 1 : 2);

/**
 * Reads metadata from archived copies (never the source) beside the copy, so the slow card is
 * never waited on for exiftool or ffprobe. Failures are stored as the file's problem, not thrown.
 */
export class MetadataQueue {
  private readonly waiting: { id: number; path: string; done: (metadata: MediaMetadata | null) => void }[] = [];
  private running = 0;
  private copying = 0;
  private idle: (() => void)[] = [];

  constructor(
    private readonly db: Database,
    private readonly inspector: () => MediaInspector,
    private readonly log: StationLog,
  ) {}

  /** Recordings an earlier, interrupted run archived but never described. */
  describePending(dataDir: string): void {
    for (const pending of pendingMetadata(this.db)) void this.add(pending.id, toAbsolute(dataDir, pending.archivePath));
  }

  /** Resolves with what was read, or null when it could not be; never rejects. */
  add(id: number, path: string): Promise<MediaMetadata | null> {
    return new Promise((done) => {
      this.waiting.push({ id, path, done });
      this.pump();
    });
  }

  /** An ingest's copy stage began or ended: metadata yields the CPU to a single card's copy. */
  copyStarted(): void {
    this.copying += 1;
  }

  copyEnded(): void {
    this.copying -= 1;
    this.pump();
  }

  drained(): Promise<void> {
    if (this.running === 0 && this.waiting.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  private pump(): void {
    const limit = concurrency(this.copying);
    while (this.running < limit && this.waiting.length > 0) {
      const next = this.waiting.shift();
      if (!next) break;
      this.running += 1;
      void this.inspect(next.id, next.path).then(next.done).finally(() => {
        this.running -= 1;
        this.pump();
        if (this.running === 0 && this.waiting.length === 0) this.idle.splice(0).forEach((resolve) => resolve());
      });
    }
  }

  private async inspect(id: number, path: string): Promise<MediaMetadata | null> {
    try {
      const metadata = await this.inspector().inspect(path);
      const ms = metadata.recordedAt === null ? null : Date.parse(metadata.recordedAt);
      saveMetadata(this.db, id, metadata, ms === null || Number.isNaN(ms) ? null : ms);
      return metadata;
    } catch (error) {
      this.log.error('metadata.unreadable', error, { recordingId: id });
      return null;
    }
  }
}
