import type { QrReader } from './qr-reader.js';
import { inSearchSlot } from './search-slots.js';
import { parseStationClockText } from './station-clock-code.js';
import { sampleFrames, type FrameSampling } from './video-frames.js';

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
const SAMPLING: Omit<FrameSampling, 'seconds'> = { perSecond: 5, width: 640, height: 360, blurSigma: 1, timeoutMs: 60_000 };

// A clip shows its code in its first readable frames, found in well under a second; footage of dense
// texture can make the QR search take hundreds of milliseconds a frame. Past this, a video is given
// up as having no code, so a card without a clip costs an ingest seconds, not minutes.
const SEARCH_BUDGET_MS = 4000;

/**
 * The first frame in the first `seconds` (default 5) of a video that shows a station calibration
 * code, or null when none does. Throws when ffmpeg cannot read the video.
 */
export interface SearchOptions {
  seconds?: number;
  signal?: AbortSignal;
  /** Look at the key frames only: for long recordings, which may begin with a calibration shot but rarely do. */
  keyframesOnly?: boolean;
}

export async function findCalibrationCode(videoPath: string, options: SearchOptions = {}): Promise<CalibrationCode | null> {
  return inSearchSlot((reader) => searchVideo(videoPath, options, reader));
}

async function searchVideo(videoPath: string, options: SearchOptions, reader: QrReader): Promise<CalibrationCode | null> {
  let firstFrameAt: number | null = null;
  for await (const frame of sampleFrames(videoPath, { ...SAMPLING, seconds: options.seconds ?? 5, signal: options.signal, keyframesOnly: options.keyframesOnly ?? false })) {
    // Counted from the first frame, so a slow start of ffmpeg on a busy machine costs no frames.
    firstFrameAt ??= performance.now();
    if (performance.now() - firstFrameAt > SEARCH_BUDGET_MS) return null;
    const text = await reader.read(frame.gray, SAMPLING.width, SAMPLING.height);
    const trueTimeMs = text === null ? null : parseStationClockText(text);
    if (trueTimeMs !== null) return { frameSeconds: frame.seconds, trueTimeMs };
  }
  return null;
}
