import { DateTime } from 'luxon';

export const defaultZone = 'Asia/Shanghai';

/** ISO-8601 with the offset of the station's zone, e.g. 2026-11-27T10:15:00.000+08:00. */
export function isoInZone(epochMs: number, zone: string): string {
  const iso = DateTime.fromMillis(epochMs, { zone }).toISO();
  if (iso === null) throw new Error(`unknown time zone ${zone}`);
  return iso;
}

export function isValidZone(zone: string): boolean {
  return DateTime.now().setZone(zone).isValid;
}

/**
 * The epoch-ms bounds of a span of whole days in the station's zone: from the first day's
 * midnight (inclusive) to the midnight after the last day (exclusive). A missing end is open.
 */
export function dayRange(from: string | undefined, to: string | undefined, zone: string): { startMs: number | null; endMs: number | null } {
  const midnight = (day: string) => DateTime.fromISO(day, { zone }).startOf('day');
  return {
    startMs: from === undefined ? null : midnight(from).toMillis(),
    endMs: to === undefined ? null : midnight(to).plus({ days: 1 }).toMillis(),
  };
}
