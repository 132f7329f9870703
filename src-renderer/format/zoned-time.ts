import { wallClockFields } from './station-time.js';

/**
 * The forms take times as the station's clock reads them (`YYYY-MM-DDTHH:mm`, a `datetime-local`
 * value), whatever zone the computer showing the page is in; the station wants instants.
 */

/** The wall clock of `zone` at `atMs`, as the fields a `datetime-local` input shows (to the minute). */
export function wallTimeAt(atMs: number, zone: string): string {
  const p = wallClockFields(atMs, zone);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/** How far `zone`'s wall clock is ahead of UTC at `atMs`, in ms. */
function zoneOffsetMs(atMs: number, zone: string): number {
  const p = wallClockFields(atMs, zone);
  const asUtc = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute), Number(p.second));
  return asUtc - Math.floor(atMs / 1000) * 1000;
}

/** `2026-12-06T09:30` read on `zone`'s clock, as an instant (ISO-8601, UTC); null when it is not such a time. */
export function wallTimeToIso(wall: string, zone: string): string | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(wall.trim());
  if (!match) return null;
  const [, y, mo, d, h, mi] = match.map(Number);
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0);
  if (Number.isNaN(asUtc)) return null;
  // The offset at the guess, then again at the corrected instant: right on both sides of a DST change.
  const guess = asUtc - zoneOffsetMs(asUtc, zone);
  return new Date(asUtc - zoneOffsetMs(guess, zone)).toISOString();
}

/** The day (`YYYY-MM-DD`) on `zone`'s calendar `days` before `atMs`. */
export function stationDay(atMs: number, zone: string, daysBefore = 0): string {
  return wallTimeAt(atMs - daysBefore * 86_400_000, zone).slice(0, 10);
}
