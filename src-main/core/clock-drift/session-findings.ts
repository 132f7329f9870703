import { isoInZone } from '../clock.js';
import type { LateFile } from './drift-bases.js';
import type { TimedFile } from './timed-file.js';
import type { ClockReference, Finding } from './types.js';

/**
 * Longest pause that still belongs to one recording session. Recorders split a long recording
 * into 10–30 minute files with next to no gap; an officer who pauses (a fault, a full card, an
 * obstruction: Art. 12) resumes within minutes or within the activity, and a hearing or an
 * inspection can run half a day with a break. A pause over two hours is a new activity, which is
 * not an interruption to explain.
 */
export const SESSION_BREAK_SECONDS = 2 * 3600;

/**
 * Recorders split a long recording into files of a fixed length, the next starting within a
 * second or two of the last one's end: two files that close are one recording, cut by the device.
 */
const SPLIT_JOIN_SECONDS = 5;
/** How far a file the recorder cut may fall short of the split length (frame and rounding). */
const SPLIT_LENGTH_TOLERANCE_SECONDS = 1;

interface Segment {
  source: string;
  startMs: number;
  endMs: number;
}

const pauseSeconds = (previous: Segment, next: Segment): number => (next.startMs - previous.endMs) / 1000;
const lengthSeconds = (segment: Segment): number => (segment.endMs - segment.startMs) / 1000;

/**
 * The length at which this device cuts its recordings, proven by a file another followed at once;
 * null when no file of the ingest shows a cut (then no pause can be told from an officer's stop).
 */
function splitLength(segments: readonly Segment[]): number | null {
  let longest: number | null = null;
  segments.forEach((current, i) => {
    const previous = segments[i - 1];
    if (previous === undefined || pauseSeconds(previous, current) > SPLIT_JOIN_SECONDS) return;
    longest = Math.max(longest ?? 0, lengthSeconds(previous));
  });
  return longest;
}

/**
 * Holes inside one recording (Art. 12): the recorder was cutting a recording into files — the file
 * before the pause runs the device's full split length, so the officer did not stop there — yet the
 * next file starts more than `gapSeconds` later: footage between them is missing. A pause after a
 * file the officer stopped is the ordinary space between two clips, not a finding: the card's
 * timeline shows it. Devices are told apart by the serial in the name (files without one count as
 * the ingest's single device). `calibrationClip` is left out: filming the station's clock is not
 * part of an activity. Pauses inside a known activity window need the custody ledger (not built).
 */
export function recordingGaps(files: readonly TimedFile[], gapSeconds: number, calibrationClip: string | null): Finding[] {
  const devices = new Map<string, Segment[]>();
  for (const f of files) {
    if (f.kind !== 'video' || f.source === calibrationClip) continue;
    if (f.startMs === null || f.endMs === null || f.durationSeconds === null) continue;
    const key = f.name?.serial ?? '';
    const segments = devices.get(key) ?? [];
    segments.push({ source: f.source, startMs: f.startMs, endMs: f.endMs });
    devices.set(key, segments);
  }
  const findings: Finding[] = [];
  for (const segments of devices.values()) {
    segments.sort((a, b) => a.startMs - b.startMs);
    const cutAt = splitLength(segments);
    if (cutAt === null) continue;
    segments.forEach((current, i) => {
      const previous = segments[i - 1];
      if (previous === undefined || lengthSeconds(previous) < cutAt - SPLIT_LENGTH_TOLERANCE_SECONDS) return;
      const gap = pauseSeconds(previous, current);
      if (gap > gapSeconds && gap < SESSION_BREAK_SECONDS) {
        findings.push({ kind: 'recording-gap', source: current.source, previous: previous.source, gapSeconds: Math.round(gap) });
      }
    });
  }
  return findings;
}

/** One finding per file that ends after the station's reference time, in the order they end. */
export function futureRecordings(late: readonly LateFile[], reference: ClockReference | null, zone: string): Finding[] {
  if (reference === null) return [];
  const referenceAt = isoInZone(reference.atMs, zone);
  return [...late].sort((a, b) => a.endMs - b.endMs).map((f) => ({
    kind: 'future-recording',
    source: f.source,
    endsAt: isoInZone(f.endMs, zone),
    referenceAt,
    reference: reference.kind,
    pluggedInAt: reference.kind === 'plug-in' ? referenceAt : null,
  }));
}
