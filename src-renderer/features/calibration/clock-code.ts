// The calibration screen's text; the station reads it back out of the footage (Art. 7).
const prefix = 'STATION-CLOCK ';

/** `STATION-CLOCK 2026-11-26T00:30:15.250Z`: UTC, ISO-8601 with milliseconds, exactly as the station decodes it. */
export function stationClockText(epochMs: number): string {
  return prefix + new Date(epochMs).toISOString();
}

/**
 * The clock face beside the code, in the station's zone: the wall time to the tenth of a second,
 * so a viewer (and the footage) sees it move as fast as the code does.
 */
export function clockFace(epochMs: number, formatTime: (iso: string) => string): { date: string; time: string } {
  const [date = '', time = ''] = formatTime(new Date(epochMs).toISOString()).split(' ');
  // Zones differ from UTC by whole minutes, so the fraction of the second is the same everywhere.
  const tenth = Math.floor((((epochMs % 1000) + 1000) % 1000) / 100);
  return { date, time: `${time}.${tenth}` };
}
