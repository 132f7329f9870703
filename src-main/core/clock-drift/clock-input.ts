import type { MediaMetadata } from '../media/index.js';
import type { ClockInputFile } from './types.js';

// exiftool's Composite:GPSDateTime joins GPSDateStamp and GPSTimeStamp, always UTC:
// `2026:11:26 00:30:15Z`, `2026:11:26 00:30:15.5Z`.
const GPS_DATE_TIME = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})(\.\d+)?Z?$/;

/** Satellite time from exiftool's Composite:GPSDateTime, ISO-8601 UTC, or null. */
export function gpsTimeFromTag(value: unknown): string | null {
  const m = typeof value === 'string' ? GPS_DATE_TIME.exec(value.trim()) : null;
  if (!m) return null;
  const [, year, month, day, hour, minute, second, fraction] = m;
  const ms = fraction === undefined ? 0 : Math.floor(Number(fraction) * 1000);
  const epoch = Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
  const iso = new Date(epoch).toISOString();
  // Date.UTC rolls impossible dates over (month 13 → next January): refuse them instead.
  // A receiver without a fix writes zeros (0000:00:00), which fails here too.
  return iso.startsWith(`${year}-${month}-${day}T${hour}:${minute}:${second}`) ? iso : null;
}

/** What analyzeClock needs of an archived file, from the inspector's metadata. */
export function clockInputFromMetadata(source: string, archivedPath: string, metadata: MediaMetadata): ClockInputFile {
  return {
    source,
    archivedPath,
    kind: metadata.kind,
    recordedAt: metadata.recordedAt,
    durationSeconds: metadata.durationSeconds,
    gpsTime: gpsTimeFromTag(metadata.tags['Composite:GPSDateTime']),
    readable: metadata.readable,
  };
}
