import { findCalibrationCode, type CalibrationCode } from './calibration-code.js';
import { MAX_VIDEOS_SEARCHED, searchKeyframesOnly, type DescribedFile } from './drift-bases.js';
import { epochMs } from './timed-file.js';

/**
 * The calibration-code searches one ingest begins while its card is still copying, one at a time,
 * so that the clock step finds their answers ready instead of searching after the last file.
 *
 * Once a video shows the code, no video that starts later is searched: the clock step takes the
 * code of the earliest video that shows one, so their answers could not change the drift. A card
 * whose clip was filmed at check-out, as the office's procedure asks, then costs one search instead
 * of four or more (one start of ffmpeg each, on a single card). A video left out here is searched
 * by the clock step itself if it ever gets to it.
 */
export class EarlySearches {
  /** By archived path; undefined for a video left out. A search that failed rejects. */
  private readonly answers = new Map<string, Promise<CalibrationCode | null | undefined>>();
  private last: Promise<unknown> = Promise.resolve();
  /** Device time at the start of the earliest video found to show the code. */
  private codeFoundFromMs = Infinity;

  constructor(private readonly signal: AbortSignal) {}

  /** Searches `path` once the searches begun before it have ended. */
  begin(path: string, video: DescribedFile): void {
    const startMs = epochMs(video.recordedAt) ?? Infinity;
    if (startMs > this.codeFoundFromMs || this.answers.size >= MAX_VIDEOS_SEARCHED) return;
    const answer = this.last.then(async () => {
      if (startMs > this.codeFoundFromMs || this.signal.aborted) return undefined;
      const code = await findCalibrationCode(path, { signal: this.signal, keyframesOnly: searchKeyframesOnly(video.durationSeconds) });
      if (code !== null) this.codeFoundFromMs = Math.min(this.codeFoundFromMs, startMs);
      return code;
    });
    this.last = answer.catch(() => null);
    this.answers.set(path, answer);
  }

  /** Settles once every search begun has ended (no ffmpeg of the ingest outlives it). */
  settled(): Promise<unknown> {
    return this.last;
  }

  /** The clock step's search: the early answer where there is one, else a search now (stopped with the ingest). */
  readonly findCode: typeof findCalibrationCode = async (path, options) => {
    const early = await this.answers.get(path);
    return early === undefined ? findCalibrationCode(path, { ...options, signal: this.signal }) : early;
  };
}
