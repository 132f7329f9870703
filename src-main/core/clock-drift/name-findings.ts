import { DateTime } from 'luxon';
import type { TimedFile } from './timed-file.js';
import type { Finding } from './types.js';

const HOUR_MS = 3_600_000;
// Name and metadata are both stamped when recording starts, but not always in the same second:
// two minutes either side of a whole hour still reads as a zone set wrong.
const ZONE_SLACK_MS = 120_000;

/**
 * The name's wall time read in the station zone against the metadata time: a difference of whole
 * hours means the device writes one of them in another zone. `hours` = name − metadata.
 */
export function timezoneMismatches(files: readonly TimedFile[], zone: string): Finding[] {
  const findings: Finding[] = [];
  for (const f of files) {
    if (f.name === null || f.startMs === null) continue;
    const named = DateTime.fromISO(f.name.localTime, { zone });
    if (!named.isValid) continue;
    const difference = named.toMillis() - f.startMs;
    const hours = Math.round(difference / HOUR_MS);
    if (hours !== 0 && Math.abs(difference - hours * HOUR_MS) <= ZONE_SLACK_MS) {
      findings.push({ kind: 'timezone-mismatch', source: f.source, hours });
    }
  }
  return findings;
}

/**
 * Numbers missing between two present files of one device (serial) and day: a recorder numbers
 * its files in order, so a hole is a file that was on the card and is not any more (Art. 18).
 * The day is the one in the name, the device's own calendar.
 */
export function sequenceGaps(files: readonly TimedFile[]): Finding[] {
  const groups = new Map<string, { serial: string; day: string; numbers: Set<number> }>();
  for (const f of files) {
    if (f.name === null || f.name.sequence === null) continue;
    const day = f.name.localTime.slice(0, 10);
    const key = `${f.name.serial} ${day}`;
    const group = groups.get(key) ?? { serial: f.name.serial, day, numbers: new Set<number>() };
    group.numbers.add(f.name.sequence);
    groups.set(key, group);
  }
  const findings: Finding[] = [];
  for (const { serial, day, numbers } of [...groups.values()].sort((a, b) => (a.serial + a.day).localeCompare(b.serial + b.day))) {
    const sorted = [...numbers].sort((a, b) => a - b);
    sorted.forEach((before, i) => {
      const after = sorted[i - 1];
      if (after === undefined || before - after <= 1) return;
      const missing = Array.from({ length: before - after - 1 }, (_, k) => after + 1 + k);
      findings.push({ kind: 'sequence-gap', serial, day, after, before, missing });
    });
  }
  return findings;
}
