import type { QrReader } from './qr-reader.js';
import { searchQueue } from './search-slots.js';
import { parseStationClockText } from './station-clock-code.js';
import { sampleFramesOfEach, type FrameSampling, type FramesOfEach, type SampledFrame } from './video-frames.js';

export interface CalibrationCode {
  /** Where the frame sits in the video, seconds from its start. */
  frameSeconds: number;
  /** The station's time the code states, epoch milliseconds. */
  trueTimeMs: number;
}

// The screen changes its code every 100 ms or less, and an officer holds the recorder on it for a
// few seconds: five frames a second finds it within 0.2 s of it becoming readable, at a fifth of
// the decoding a full frame rate would cost.
// Measured on 1080p footage: at 640×360 with a blur of one pixel a code 200 pixels high (a fifth
// of the picture) still reads. The blur matters more than it looks: on grainy (night) footage it
// takes the decoder from about 210 ms to about 10 ms a frame, because grain binarizes into many
// false finder patterns; 854×480 costs three to four times as much for no gain.
const SAMPLING: Omit<FrameSampling, 'seconds'> = { perSecond: 5, width: 640, height: 360, blurSigma: 1 };

// A clip shows its code in its first readable frames, found in well under a second; footage of dense
// texture can make the QR search take hundreds of milliseconds a frame. Past this, a video is given
// up as having no code, so a card without a clip costs an ingest seconds, not minutes.
const SEARCH_BUDGET_MS = 4000;
// ffmpeg is stopped after this long, whatever it is doing.
const FFMPEG_TIMEOUT_MS = 60_000;
/**
 * Searches waiting together (a rack's cards) share one ffmpeg, up to this many: each more video
 * costs its decoding and about 12 MB, not another start of ffmpeg (60 ms of CPU and 68 MB).
 */
const MAX_BATCH = 4;

export interface SearchOptions {
  /** How much of the start of the video is looked at (default 5 seconds). */
  seconds?: number;
  signal?: AbortSignal;
  /** Look at the key frames only: for long recordings, which may begin with a calibration shot but rarely do. */
  keyframesOnly?: boolean;
}

interface Search {
  path: string;
  options: SearchOptions;
  resolve(code: CalibrationCode | null): void;
  reject(error: unknown): void;
}

const enqueue = searchQueue(searchBatch, MAX_BATCH);

/**
 * The first frame in the first `seconds` (default 5) of a video that shows a station calibration
 * code, or null when none does. Throws when ffmpeg cannot read the video.
 */
export function findCalibrationCode(videoPath: string, options: SearchOptions = {}): Promise<CalibrationCode | null> {
  return new Promise((resolve, reject) => enqueue({ path: videoPath, options, resolve, reject }));
}

/**
 * Aborted once every one of `signals` is: ffmpeg serves the batch until nobody wants its frames.
 * `release` takes its listeners off the ingests' signals again: an ingest's signal lives as long as
 * the ingest, which searches up to twelve videos, and would otherwise hold a listener for each.
 */
function whenAllAborted(signals: readonly (AbortSignal | undefined)[]): { signal: AbortSignal | undefined; release(): void } {
  const given = signals.filter((signal) => signal !== undefined);
  if (given.length < signals.length) return { signal: undefined, release: () => undefined };
  const all = new AbortController();
  const check = (): void => {
    if (given.every((signal) => signal.aborted)) all.abort();
  };
  for (const signal of given) signal.addEventListener('abort', check, { once: true });
  check();
  return { signal: all.signal, release: () => given.forEach((signal) => signal.removeEventListener('abort', check)) };
}

/** Settles every search of the batch, whatever happens; resolves whether the reader is still sound. */
async function searchBatch(batch: Search[], reader: QrReader): Promise<boolean> {
  try {
    return await searchTogether(batch, reader);
  } catch (error) {
    // No ffmpeg to start at all, or another surprise: every search not yet answered is told so.
    for (const search of batch) search.reject(error);
    return false;
  }
}

/**
 * One ffmpeg for the batch. One video ffmpeg cannot read ends the run for all: then each search
 * without a code is run again on its own, so a damaged neighbour never hides a code or makes a
 * good video look unreadable.
 */
async function searchTogether(batch: Search[], reader: QrReader): Promise<boolean> {
  const cancel = whenAllAborted(batch.map((search) => search.options.signal));
  let outcomes: PromiseSettledResult<CalibrationCode | null>[];
  let run: FramesOfEach | undefined;
  try {
    run = sampleFramesOfEach(
      batch.map((search) => ({ path: search.path, sampling: { ...SAMPLING, seconds: search.options.seconds ?? 5, keyframesOnly: search.options.keyframesOnly ?? false } })),
      { timeoutMs: FFMPEG_TIMEOUT_MS, signal: cancel.signal },
    );
    // One sequence of frames per search, in the batch's order.
    outcomes = await Promise.allSettled(run.videos.map((frames, index) => searchFrames(frames, batch[index]?.options.signal, reader)));
  } finally {
    await run?.stop();
    cancel.release();
  }
  const alone = batch.length > 1 && (await run.failure) !== null;
  let sound = true;
  for (const [index, search] of batch.entries()) {
    const outcome = outcomes[index];
    if (outcome?.status === 'fulfilled' && (outcome.value !== null || !alone)) search.resolve(outcome.value);
    else if (alone) sound = (await searchTogether([search], reader)) && sound;
    else {
      sound = false;
      search.reject(outcome?.status === 'rejected' ? outcome.reason : new Error('no outcome'));
    }
  }
  return sound;
}

async function searchFrames(frames: AsyncGenerator<SampledFrame>, signal: AbortSignal | undefined, reader: QrReader): Promise<CalibrationCode | null> {
  let firstFrameAt: number | null = null;
  for await (const frame of frames) {
    signal?.throwIfAborted();
    // Counted from the first frame, so a slow start of ffmpeg on a busy machine costs no frames.
    firstFrameAt ??= performance.now();
    if (performance.now() - firstFrameAt > SEARCH_BUDGET_MS) return null;
    const text = await reader.read(frame.gray, SAMPLING.width, SAMPLING.height);
    const trueTimeMs = text === null ? null : parseStationClockText(text);
    if (trueTimeMs !== null) return { frameSeconds: frame.seconds, trueTimeMs };
  }
  return null;
}
