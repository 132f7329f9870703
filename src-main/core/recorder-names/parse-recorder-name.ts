import { DateTime } from 'luxon';
import { compileNamePatterns, type CompiledNamePattern } from './name-patterns.js';

export interface RecorderName {
  /** The 7-character recorder serial, upper-cased so one device has one spelling. */
  serial: string;
  /** The officer number, upper-cased; null when the matching pattern has none. */
  officer: string | null;
  /** The device's wall clock, 'YYYY-MM-DDTHH:mm:ss', no zone. */
  localTime: string;
  sequence: number | null;
  important: boolean;
  /** Id of the pattern that matched: a built-in id, or `custom-N` for the N-th extra pattern. */
  pattern: string;
}

const digitsOf = (text: string | undefined): string => (text ?? '').replace(/\D/g, '');

// `YYYYMMDDHHmmss` → `YYYY-MM-DDTHH:mm:ss`, or null when that date or time does not exist.
function wallClock(digits: string): string | null {
  if (digits.length !== 14) return null;
  const part = (from: number, to: number): number => Number(digits.slice(from, to));
  // UTC has no daylight-saving gaps: this checks only that the calendar date and time exist.
  const dt = DateTime.fromObject(
    { year: part(0, 4), month: part(4, 6), day: part(6, 8), hour: part(8, 10), minute: part(10, 12), second: part(12, 14) },
    { zone: 'utc' },
  );
  if (!dt.isValid || dt.year < 1990) return null;
  return dt.toFormat("yyyy-MM-dd'T'HH:mm:ss");
}

function read(pattern: CompiledNamePattern, fileName: string): RecorderName | null {
  const groups = pattern.groups(fileName);
  if (groups === null || groups.serial === undefined) return null;
  const stamp = groups.datetime !== undefined ? digitsOf(groups.datetime) : digitsOf(groups.date) + digitsOf(groups.time);
  const localTime = wallClock(stamp);
  if (localTime === null) return null;
  const seq = digitsOf(groups.seq);
  return {
    serial: groups.serial.toUpperCase(),
    officer: groups.officer === undefined || groups.officer === '' ? null : groups.officer.toUpperCase(),
    localTime,
    sequence: seq === '' ? null : Number(seq),
    important: groups.imp !== undefined && groups.imp !== '',
    pattern: pattern.id,
  };
}

let cachedKey: string | null = null;
let cachedPatterns: readonly CompiledNamePattern[] = compileNamePatterns();

function patternsFor(extra: readonly string[]): readonly CompiledNamePattern[] {
  const key = JSON.stringify(extra);
  if (key !== cachedKey) {
    cachedPatterns = compileNamePatterns(extra);
    cachedKey = key;
  }
  return cachedPatterns;
}

/**
 * What a recorder's file name says about the file, or null when no pattern reads it with a real
 * date and time. A pattern whose match holds an impossible date (month 13) does not count as a
 * match: the next pattern is tried. Reads the name only; nothing is renamed.
 */
export function parseRecorderFileName(fileName: string, extraPatterns: readonly string[] = []): RecorderName | null {
  for (const pattern of patternsFor(extraPatterns)) {
    const parsed = read(pattern, fileName);
    if (parsed !== null) return parsed;
  }
  return null;
}

/** The file name at the end of a path, whichever separator the source used. */
const fileNameOf = (path: string): string => path.slice(Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\')) + 1);

/** What a file's name says of who recorded it and whether they marked it, for the recordings index. */
export function officerAndMark(path: string, extraPatterns: readonly string[] = []): { officerNumber: string | null; important: boolean } {
  const name = parseRecorderFileName(fileNameOf(path), extraPatterns);
  return { officerNumber: name?.officer ?? null, important: name?.important ?? false };
}

/** The recorder serial a file's name carries (upper-cased), or null. */
export const recorderSerial = (path: string, extraPatterns: readonly string[] = []): string | null =>
  parseRecorderFileName(fileNameOf(path), extraPatterns)?.serial ?? null;
