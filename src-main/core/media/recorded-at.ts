import { basename } from 'node:path';
import { DateTime, FixedOffsetZone, type Zone } from 'luxon';
import type { RawTags } from './exiftool.js';

export interface RecordedAt {
  /** ISO-8601 with offset, in the station zone. */
  at: string;
  /** The tag it came from (`Group:Tag`), or `file-name`. */
  source: string;
}

/**
 * How a tag's wall-clock value maps to an instant:
 * - `utc`: the format defines it as UTC (QuickTime/MP4 header dates, ISO 14496-12).
 * - `offsetTag`: the offset lives in a companion tag (EXIF 2.31 OffsetTime*); else as `local`.
 * - `local`: an offset written in the value itself wins; without one the value is the recorder's
 *   wall clock, read in the station's zone (the recorders are set to the office's time).
 */
interface Candidate {
  tag: string;
  zone: 'utc' | 'local';
  offsetTag?: string;
  subSecTag?: string;
}

// First present and valid wins. GPS time is deliberately absent: it is the satellites' clock, the
// reference the device clock is checked against, not the time the device itself recorded.
const CANDIDATES: readonly Candidate[] = [
  { tag: 'EXIF:DateTimeOriginal', zone: 'local', offsetTag: 'EXIF:OffsetTimeOriginal', subSecTag: 'EXIF:SubSecTimeOriginal' },
  { tag: 'QuickTime:CreationDate', zone: 'local' },
  { tag: 'QuickTime:CreateDate', zone: 'utc' },
  { tag: 'QuickTime:MediaCreateDate', zone: 'utc' },
  { tag: 'QuickTime:TrackCreateDate', zone: 'utc' },
  { tag: 'H264:DateTimeOriginal', zone: 'local' },
  { tag: 'RIFF:DateTimeOriginal', zone: 'local' },
  { tag: 'XMP:DateTimeOriginal', zone: 'local' },
  { tag: 'EXIF:CreateDate', zone: 'local', offsetTag: 'EXIF:OffsetTimeDigitized', subSecTag: 'EXIF:SubSecTimeDigitized' },
  { tag: 'XMP:CreateDate', zone: 'local' },
  { tag: 'XMP:DateCreated', zone: 'local' },
  { tag: 'ID3:RecordingTime', zone: 'local' },
  { tag: 'ID3:DateTimeOriginal', zone: 'local' },
  { tag: 'RIFF:DateCreated', zone: 'local' },
];

// exiftool prints `YYYY:MM:DD HH:MM[:SS[.fff]][Z|±HH:MM]`; a date without a time is not a recording time.
const EXIF_DATE = /^(\d{4})[:-](\d{2})[:-](\d{2})[ T](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d+))?)?\s*(Z|[+-]\d{2}:?\d{2})?$/;
const OFFSET = /^([+-])(\d{2}):?(\d{2})$/;

function parseOffset(text: string): Zone | null {
  if (text === 'Z') return FixedOffsetZone.utcInstance;
  const m = OFFSET.exec(text.trim());
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  if (minutes > 14 * 60) return null;
  return FixedOffsetZone.instance(m[1] === '-' ? -minutes : minutes);
}

function milliseconds(fraction: string | undefined): number {
  return fraction === undefined || fraction === '' ? 0 : Math.floor(Number(`0.${fraction}`) * 1000);
}

function parseDate(raw: unknown, candidate: Candidate, tags: RawTags, station: Zone): DateTime | null {
  if (typeof raw !== 'string') return null;
  const m = EXIF_DATE.exec(raw.trim());
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction, inlineOffset] = m;
  let zone: Zone | null = null;
  if (candidate.zone === 'utc') zone = FixedOffsetZone.utcInstance;
  else if (inlineOffset !== undefined) zone = parseOffset(inlineOffset);
  else if (candidate.offsetTag !== undefined) {
    const offset = tags[candidate.offsetTag];
    if (typeof offset === 'string') zone = parseOffset(offset);
  }
  const subSec = candidate.subSecTag === undefined ? undefined : tags[candidate.subSecTag];
  const dt = DateTime.fromObject(
    {
      year: Number(year),
      month: Number(month),
      day: Number(day),
      hour: Number(hour),
      minute: Number(minute),
      second: Number(second ?? 0),
      millisecond: fraction !== undefined ? milliseconds(fraction) : milliseconds(subSec === undefined ? undefined : String(subSec)),
    },
    { zone: zone ?? station },
  );
  // Year 0 is how QuickTime and EXIF say "unset"; anything before digital recorders is a dead clock.
  return dt.isValid && dt.year >= 1990 ? dt : null;
}

// Recorders name files after their clock, e.g. `DSJ_20261126083015.MP4` or `20261126_083015_001.mp4`.
const FILE_NAME_DATE = /(?<!\d)(20\d{2})(\d{2})(\d{2})[_-]?(\d{2})(\d{2})(\d{2})(?!\d)/;

function fromFileName(path: string, station: Zone): DateTime | null {
  const m = FILE_NAME_DATE.exec(basename(path));
  if (!m) return null;
  const [, year, month, day, hour, minute, second] = m;
  const dt = DateTime.fromObject(
    { year: Number(year), month: Number(month), day: Number(day), hour: Number(hour), minute: Number(minute), second: Number(second) },
    { zone: station },
  );
  return dt.isValid ? dt : null;
}

/** When the file says it was recorded, from its own tags, else from the name the recorder gave it. */
export function recordedAt(tags: RawTags, path: string, station: Zone): RecordedAt | null {
  for (const candidate of CANDIDATES) {
    const dt = parseDate(tags[candidate.tag], candidate, tags, station);
    if (dt) return { at: dt.setZone(station).toISO()!, source: candidate.tag };
  }
  const named = fromFileName(path, station);
  return named ? { at: named.setZone(station).toISO()!, source: 'file-name' } : null;
}

/** The tags whose format defines them as UTC: where a local-time recorder's wall clock lands. */
export const utcDefinedTags: readonly string[] = CANDIDATES.filter((c) => c.zone === 'utc').map((c) => c.tag);

/**
 * A time read from a tag the format defines as UTC, read again as the station's wall clock: for a
 * recorder a clerk has confirmed writes local time there. Other sources are returned unchanged.
 */
export function asStationWallClock(at: string, source: string | null, zone: string): string {
  if (source === null || !utcDefinedTags.includes(source)) return at;
  const read = DateTime.fromISO(at, { zone: 'UTC' }).setZone(zone, { keepLocalTime: true });
  return read.isValid ? read.toISO()! : at;
}
