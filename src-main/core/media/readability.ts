import type { Probe, TailReport } from './ffprobe.js';

export interface Readability {
  readable: boolean;
  problem: string | null;
}

/** How many seconds before the declared end the tail check starts reading. */
export const TAIL_SECONDS = 3;

// Messages ffprobe's demuxers print when the data stops before the container says it should.
const DATA_ENDS_EARLY = /partial file|ended prematurely|truncat|unexpected end|end of file/i;

const seconds = (s: number): string => `${s.toFixed(1)} s`;

/**
 * Plain-English reason for a file ffprobe refused to open at all. `hasMovieData`: exiftool found
 * an MP4/MOV `mdat` atom, so a missing index means an unfinished recording, not a wrong file.
 */
export function unreadableProbe(errors: string[], hasMovieData: boolean): Readability {
  const text = errors.join('\n');
  if (hasMovieData && /moov atom not found/i.test(text)) {
    return {
      readable: false,
      problem:
        'The recording was never finished: its index (the MP4/MOV "moov" atom) is missing, as happens when ' +
        'the recorder loses power or the card is removed while recording. Players cannot open it as it is.',
    };
  }
  if (/Invalid data found when processing input/i.test(text)) {
    return {
      readable: false,
      problem: 'ffprobe cannot read this file: it is not a recognised audio or video format, or its data is damaged.',
    };
  }
  return { readable: false, problem: `ffprobe cannot read this file: ${errors[0] ?? 'no reason given'}` };
}

/** The seconds where the tail check starts, or null when the container declares no duration. */
export function tailStart(probe: Probe): number | null {
  if (probe.durationSeconds === null) return null;
  const start = probe.startSeconds ?? 0;
  return Math.max(start, start + probe.durationSeconds - TAIL_SECONDS);
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
    return {
      readable: false,
      problem: `No audio or video data can be read near the end the file declares (${seconds(duration)}): the end of the recording is missing.`,
    };
  }
  if (tail.beyondEndOfFile) {
    return {
      readable: false,
      problem: `The file's index points past the end of the file: the recording was cut short (declared length ${seconds(duration)}).`,
    };
  }
  // Half a second, or half a percent on long files, absorbs rounding of the last frame's duration.
  const tolerance = Math.max(0.5, duration * 0.005);
  if (tail.lastEndSeconds !== null && tail.lastEndSeconds < declaredEnd - tolerance) {
    const reached = tail.lastEndSeconds - (probe.startSeconds ?? 0);
    return {
      readable: false,
      problem: `The data stops at ${seconds(reached)} although the file declares ${seconds(duration)}: the recording was cut short.`,
    };
  }
  if (earlyEnd !== undefined) {
    return { readable: false, problem: `The data ends before the file says it should (ffprobe: ${earlyEnd}).` };
  }
  return { readable: true, problem: null };
}
