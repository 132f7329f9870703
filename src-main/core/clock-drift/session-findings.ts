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

interface Segment {
  source: string;
  startMs: number;
  endMs: number;
}

/**
 * Pauses longer than `gapSeconds` between consecutive videos of one device (by the serial in the
 * name; files without one count as the ingest's single device) within a session. `calibrationClip`
 * is left out: filming the station's clock at check-out is not part of an activity, and the
 * wait until the first activity is no interruption.
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
    segments.forEach((current, i) => {
      const previous = segments[i - 1];
      if (previous === undefined) return;
      const gap = (current.startMs - previous.endMs) / 1000;
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
