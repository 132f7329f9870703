import type { ProblemCode } from '../../contract/index.js';
import type { Probe, TailReport } from './ffprobe.js';
import type { PcmWav } from './pcm-wav.js';

/** What is wrong with a file: a code for the interface, the station's own words for the technician. */
export interface MediaProblem {
  code: ProblemCode;
  text: string;
  /** For a recording cut short: how many seconds of it still play. */
  playsSeconds: number | null;
}

export interface Readability {
  readable: boolean;
  problem: MediaProblem | null;
}

export const unreadable = (code: ProblemCode, text: string, playsSeconds: number | null = null): Readability => ({
  readable: false,
  problem: { code, text, playsSeconds },
});

/** How many seconds before the declared end the tail check starts reading. */
export const TAIL_SECONDS = 3;

// Messages ffprobe's demuxers print when the data stops before the container says it should.
const DATA_ENDS_EARLY = /partial file|ended prematurely|truncat|unexpected end|end of file/i;

const seconds = (s: number): string => `${s.toFixed(1)} s`;

/**
 * Why ffprobe refused to open a file at all. `hasMovieData`: exiftool found an MP4/MOV `mdat`
 * atom, so a missing index means an unfinished recording, not a wrong file.
 */
export function unreadableProbe(errors: string[], hasMovieData: boolean): Readability {
  const text = errors.join('\n');
  if (hasMovieData && /moov atom not found/i.test(text)) {
    return unreadable(
      'unfinished',
      'The recording was never finished: its index (the MP4/MOV "moov" atom) is missing, as happens when ' +
        'the recorder loses power or the card is removed while recording. Players cannot open it as it is.',
    );
  }
  if (/Invalid data found when processing input/i.test(text)) {
    return unreadable('not-media', 'ffprobe cannot read this file: it is not a recognised audio or video format, or its data is damaged.');
  }
  return unreadable('probe-failed', `ffprobe cannot read this file: ${errors[0] ?? 'no reason given'}`);
}

/** The seconds where the tail check starts, or null when the container declares no duration. */
export function tailStart(probe: Probe): number | null {
  if (probe.durationSeconds === null) return null;
  const start = probe.startSeconds ?? 0;
  return Math.max(start, start + probe.durationSeconds - TAIL_SECONDS);
}

const cutShort = (reached: number, declared: number): Readability =>
  unreadable('cut-short', `The data stops at ${seconds(reached)} although the file declares ${seconds(declared)}: the recording was cut short.`, reached);

/**
 * An uncompressed WAV plays every byte it holds, so its header alone tells whether it is whole: a
 * millisecond short of the data it declares, and it was cut (a recorder's power lost mid-note).
 */
export function judgePcmWav(wav: PcmWav): Readability {
  return wav.heldSeconds < wav.declaredSeconds - 0.001 ? cutShort(wav.heldSeconds, wav.declaredSeconds) : { readable: true, problem: null };
}

/**
 * A recording is readable when its data reaches the end its container declares. A file whose
 * index survived but whose data was cut (index written first, then power lost) fails here.
 */
export function judgeTail(probe: Probe, tail: TailReport): Readability {
  const duration = probe.durationSeconds;
  if (duration === null) return { readable: true, problem: null };
  const declaredEnd = (probe.startSeconds ?? 0) + duration;
  const earlyEnd = tail.errors.find((line) => DATA_ENDS_EARLY.test(line));
  if (tail.packets === 0) {
    return unreadable(
      'end-missing',
      `No audio or video data can be read near the end the file declares (${seconds(duration)}): the end of the recording is missing.`,
    );
  }
  if (tail.beyondEndOfFile) {
    return unreadable(
      'index-past-end',
      `The file's index points past the end of the file: the recording was cut short (declared length ${seconds(duration)}).`,
    );
  }
  // Half a second, or half a percent on long files, absorbs rounding of the last frame's duration.
  const tolerance = Math.max(0.5, duration * 0.005);
  if (tail.lastEndSeconds !== null && tail.lastEndSeconds < declaredEnd - tolerance) {
    return cutShort(tail.lastEndSeconds - (probe.startSeconds ?? 0), duration);
  }
  if (earlyEnd !== undefined) {
    return unreadable('ends-early', `The data ends before the file says it should (ffprobe: ${earlyEnd}).`);
  }
  return { readable: true, problem: null };
}
