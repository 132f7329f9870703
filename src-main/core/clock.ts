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
