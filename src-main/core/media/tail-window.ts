import type { RawTags } from './exiftool.js';
import type { ReadTail } from './ffprobe.js';
import { tailStart } from './readability.js';

/** How much earlier than the tail check's start a read of the end may begin and still serve for it. */
const EARLIER_BY_AT_MOST = 0.5;
/**
 * How much earlier than the guess the read of the end begins. The guess (exiftool's duration) and the
 * duration ffprobe gives once it has read the end differ by a few hundredths of a second on recorder
 * files: ffprobe then takes the end of the longer stream (the sound, 100.682 s against the header's
 * 100.706 s on the bench's footage). A read begun at the guess itself started too late for the
 * check, and every recording was read a second time. Half the allowance each way.
 */
const GUESS_MARGIN = EARLIER_BY_AT_MOST / 2;

/**
 * Where to begin reading the end, in the same ffprobe run as the streams, by the duration exiftool
 * read from the container (start time 0 assumed); null when it read none.
 */
export function tailGuess(tags: RawTags, fileSize: number): { fromSeconds: number; fileSize: number } | null {
  const duration = [tags['QuickTime:Duration'], tags['Composite:Duration'], tags['Matroska:Duration']].find(
    (value): value is number => typeof value === 'number' && Number.isFinite(value) && value > 0,
  );
  if (duration === undefined) return null;
  const from = tailStart({ durationSeconds: duration, startSeconds: 0, streams: [] }) ?? 0;
  return { fromSeconds: Math.max(0, from - GUESS_MARGIN), fileSize };
}

/**
 * The read of the end made with the probe serves when it began where the check starts (`from`, by
 * the duration ffprobe gave), or up to half a second earlier (ffprobe starts at the key frame
 * before anyway); otherwise the end is read again from there.
 */
export function sameWindow(read: ReadTail | null, from: number): read is ReadTail {
  if (read === null) return false;
  const started = Number(read.fromSeconds.toFixed(3));
  return started <= Number(from.toFixed(3)) && started >= from - EARLIER_BY_AT_MOST;
}
