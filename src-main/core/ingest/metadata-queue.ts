import { toAbsolute } from '../archive/index.js';
import type { Database } from '../db/index.js';
import type { StationLog } from '../log/index.js';
import type { MediaInspector, MediaMetadata } from '../media/index.js';
import { pendingMetadata, saveMetadata } from '../recordings/index.js';

/** exiftool and ffprobe at once; while a card is copying, one, so the copy keeps a core (2-core stations). */
const concurrencyIdle = 2;
const concurrencyWhileCopying = 1;

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

  /** An ingest's copy stage began or ended: metadata yields the CPU to copies. */
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
    const limit = this.copying > 0 ? concurrencyWhileCopying : concurrencyIdle;
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
