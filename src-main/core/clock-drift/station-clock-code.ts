// What the station's calibration screen encodes in its QR code, refreshed at least ten times a second.
const PREFIX = 'STATION-CLOCK ';
const CODE = /^STATION-CLOCK (\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)$/;

/** `STATION-CLOCK 2026-11-26T00:30:15.250Z`: the text the calibration screen shows for a moment. */
export function stationClockText(epochMs: number): string {
  return PREFIX + new Date(epochMs).toISOString();
}

/** The moment a calibration code states, or null for any other text or an impossible date. */
export function parseStationClockText(text: string): number | null {
  const iso = CODE.exec(text.trim())?.[1];
  if (iso === undefined) return null;
  const ms = Date.parse(iso);
  // Date.parse rolls 2026-02-30 over to March: a round trip rejects it.
  return Number.isFinite(ms) && new Date(ms).toISOString() === iso ? ms : null;
}
