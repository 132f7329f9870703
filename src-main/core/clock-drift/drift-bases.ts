import type { findCalibrationCode } from './calibration-code.js';
import { byStart, epochMs, type TimedFile } from './timed-file.js';
import type { ClockReference, DriftBasis } from './types.js';

export interface DriftMeasure {
  seconds: number;
  basis: DriftBasis;
  /** Source of the file the value comes from. */
  evidence: string;
}

// Which videos are searched for a calibration code. The officer films the station's screen when
// taking the recorder out, so the clip is among the earliest recordings on the card, and it is
// short (a few seconds). The earliest three videos of the ingest and every short one are
// searched, earliest first, at most twelve in all, stopping at the first code: a card without a
// clip costs at most twelve searches of five seconds of video.
const EARLIEST_VIDEOS = 3;
const SHORT_VIDEO_SECONDS = 30;
export const MAX_VIDEOS_SEARCHED = 12;

// Only a clip of a few seconds (or a video of unknown length) is decoded frame by frame; any longer
// video is read on its key frames. A shot of the screen lasts seconds and a recorder writes a key
// frame every second or two, while decoding every frame of five seconds of 1080p footage cost about
// 0.6 CPU-seconds a video: on a rack of cards that hold no clip, the largest cost of the ingest.
const CLIP_SECONDS = 10;

/** Whether a video is searched on its key frames only (see CLIP_SECONDS). */
export const searchKeyframesOnly = (durationSeconds: number | null): boolean => durationSeconds !== null && durationSeconds > CLIP_SECONDS;

/** What an ingest knows of a file once it is archived and described. */
export interface DescribedFile {
  kind: string;
  recordedAt: string | null;
  durationSeconds: number | null;
  readable: boolean | null;
}

/**
 * Which videos an ingest searches as they are described, one by one during the copy, so that the
 * clock step finds the answers ready instead of searching after the last file: every short one
 * (where a clip is) and the card's earliest three by name, given before the copy (`videoNames`, a
 * recorder names its files by when they begin). By name, not by the videos described so far: the
 * copy takes a card's small videos first, and "earliest of those seen so far" would then pick
 * more of them. The clock step searches the earliest three by the start it reads, and itself any
 * of them not searched early.
 */
export function earlySearchChoice(videoNames: readonly string[]): (file: DescribedFile, name: string) => boolean {
  const earliest = new Set([...videoNames].sort().slice(0, EARLIEST_VIDEOS));
  return (file, name) => {
    // The start as the clock step reads it: a time it cannot read, it will not search either.
    const video = { ...file, startMs: epochMs(file.recordedAt) };
    if (!searchableVideo(video)) return false;
    return isShort(video.durationSeconds) || earliest.has(name);
  };
}

const tenths = (seconds: number): number => Math.round(seconds * 10) / 10;

/** A video that may show the code: readable, and with a start the code's time can be set against. */
function searchableVideo<F extends { kind: string; readable?: boolean | null; startMs: number | null }>(file: F): file is F & { startMs: number } {
  return file.kind === 'video' && file.startMs !== null && file.readable !== false;
}

/** Short enough to be the clip itself, wherever it falls (see SHORT_VIDEO_SECONDS). */
const isShort = (durationSeconds: number | null): boolean => durationSeconds !== null && durationSeconds <= SHORT_VIDEO_SECONDS;

function calibrationCandidates(files: readonly TimedFile[]): TimedFile[] {
  const videos = files.filter(searchableVideo).sort(byStart);
  return videos.filter((f, i) => i < EARLIEST_VIDEOS || isShort(f.durationSeconds)).slice(0, MAX_VIDEOS_SEARCHED);
}

/** Device time of the frame that shows the code, minus the time the code states. */
export async function driftFromCalibrationClip(
  files: readonly TimedFile[],
  findCode: typeof findCalibrationCode,
): Promise<DriftMeasure | null> {
  for (const video of calibrationCandidates(files)) {
    let code: Awaited<ReturnType<typeof findCalibrationCode>>;
    try {
      code = await findCode(video.archivedPath, { keyframesOnly: searchKeyframesOnly(video.durationSeconds) });
    } catch {
      // A video ffmpeg cannot decode is already reported unreadable by the ingest; the search
      // moves on to the next candidate.
      continue;
    }
    if (code !== null && video.startMs !== null) {
      const seconds = (video.startMs + code.frameSeconds * 1000 - code.trueTimeMs) / 1000;
      return { seconds: tenths(seconds), basis: 'calibration-clip', evidence: video.source };
    }
  }
  return null;
}

/**
 * Device time minus GPS time of the same moment, over all files that carry both: the median, so
 * one stale fix (a receiver repeating its last time) cannot decide. Photos are preferred: their
 * GPS time is stamped at the shutter, while a video's may be its first fix, after it started.
 */
export function driftFromGps(files: readonly TimedFile[]): DriftMeasure | null {
  const withGps = (kind: (k: TimedFile['kind']) => boolean): { seconds: number; source: string }[] =>
    files.flatMap((f) => {
      const gps = epochMs(f.gpsTime);
      return kind(f.kind) && gps !== null && f.startMs !== null ? [{ seconds: (f.startMs - gps) / 1000, source: f.source }] : [];
    });
  const photos = withGps((k) => k === 'photo');
  const drifts = (photos.length > 0 ? photos : withGps((k) => k !== 'photo')).sort((a, b) => a.seconds - b.seconds);
  // The lower median is a value one file really gave, so the evidence names that file.
  const median = drifts[Math.floor((drifts.length - 1) / 2)];
  return median === undefined ? null : { seconds: Math.round(median.seconds), basis: 'gps', evidence: median.source };
}

// Device times are stamped to the second: an end less than a second past the plug-in proves nothing.
const RESOLUTION_MS = 1000;

export interface LateFile {
  source: string;
  /** Device time at the end, epoch milliseconds. */
  endMs: number;
}

/** Files that end (by their own clock) after the station's reference time, latest first. */
export function endsAfterReference(files: readonly TimedFile[], reference: ClockReference | null): LateFile[] {
  if (reference === null) return [];
  return files
    .flatMap((f) => (f.endMs !== null && f.endMs - reference.atMs >= RESOLUTION_MS ? [{ source: f.source, endMs: f.endMs }] : []))
    .sort((a, b) => b.endMs - a.endMs);
}

/**
 * A recording cannot end after the recorder was plugged into the station (or after the station
 * started reading the folder that holds it), so one that does proves
 * the clock runs ahead by at least that much: a lower bound, rounded down so it stays one. The
 * latest-ending file gives the strongest bound.
 */
export function driftFromStationClock(late: readonly LateFile[], reference: ClockReference | null): DriftMeasure | null {
  const latest = late[0];
  if (reference === null || latest === undefined) return null;
  return { seconds: Math.floor((latest.endMs - reference.atMs) / 1000), basis: 'station-clock', evidence: latest.source };
}
