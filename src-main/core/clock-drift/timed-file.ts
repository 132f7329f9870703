import { DateTime } from 'luxon';
import type { RecorderName } from '../recorder-names/index.js';
import type { ClockInputFile } from './types.js';

/** An input file with its device times as epoch milliseconds and what its name says. */
export interface TimedFile extends ClockInputFile {
  /** Device time at the start; null when the file states none. */
  startMs: number | null;
  /** Device time at the end (start + duration; a photo ends where it starts). */
  endMs: number | null;
  name: RecorderName | null;
}

export function epochMs(iso: string | null): number | null {
  if (iso === null) return null;
  const dt = DateTime.fromISO(iso, { setZone: true });
  return dt.isValid ? dt.toMillis() : null;
}

export function timedFile(file: ClockInputFile, name: RecorderName | null): TimedFile {
  const startMs = epochMs(file.recordedAt);
  const endMs = startMs === null ? null : startMs + Math.max(0, file.durationSeconds ?? 0) * 1000;
  return { ...file, startMs, endMs, name };
}

export const byStart = (a: TimedFile, b: TimedFile): number =>
  (a.startMs ?? Infinity) - (b.startMs ?? Infinity) || (a.source < b.source ? -1 : a.source > b.source ? 1 : 0);
