export type TimeFormatter = (iso: string | null | undefined) => string;

/**
 * Times are shown in the station's zone, whatever zone the computer running the interface is in.
 * The layout is the same in every language (2024-05-01 14:03:22): officers compare it with the
 * burnt-in time on the footage, which looks like that.
 */
export function stationTimeFormatter(zone: string): TimeFormatter {
  return (iso) => {
    if (!iso) return '—';
    const at = Date.parse(iso);
    if (Number.isNaN(at)) return '—';
    const p = wallClockFields(at, zone);
    return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
  };
}

const clocks = new Map<string, Intl.DateTimeFormat>();

/** `zone`'s wall clock at `atMs`, field by field, two digits each (the year four), 24-hour. */
export function wallClockFields(atMs: number, zone: string): Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', string> {
  let clock = clocks.get(zone);
  if (!clock) {
    clock = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    clocks.set(zone, clock);
  }
  const p: Record<string, string> = {};
  for (const part of clock.formatToParts(atMs)) p[part.type] = part.value;
  return { year: p.year ?? '', month: p.month ?? '', day: p.day ?? '', hour: p.hour ?? '', minute: p.minute ?? '', second: p.second ?? '' };
}
