import type { Finding } from '../../contract/index.js';
import { writeTransaction, type Database } from '../db/index.js';
import { checkoutWindows, type CheckoutWindow } from '../ledger/index.js';
import { personByOfficerNumber } from '../people/index.js';
import { setRecordingAttribution } from '../recordings/index.js';
import { archivedTimes, getIngest, ingestFindings, replaceAttributionFindings, type ArchivedTime } from './ingest-store.js';

export interface AttributionOptions {
  iso: (ms: number) => string;
  /** A pause longer than this inside an activity's window needs a work record (the recording-gap setting). */
  gapSeconds: number;
}

const inWindow = (window: CheckoutWindow, atMs: number): boolean =>
  window.checked_out_at <= atMs && (window.returned_at === null || atMs <= window.returned_at);

/**
 * Gives every recording an ingest archived its officer and check-out, and notes what the ledger
 * shows about it: the check-out whose window holds the recording's drift-corrected time on that
 * device gives the officer, else the officer number in its file name does. A name naming another
 * officer than the ledger is `officer-mismatch` (Art. 18 (3)); a recording outside every check-out
 * of a device the ledger keeps is `outside-checkout` (Art. 5; footage from before the device's first
 * check-out predates the ledger, and is not flagged); pauses inside an activity's window, and footage
 * missing at its start or end, are `recording-gap`s (Art. 8, 12). Run again whenever the device's
 * ledger changes, so a check-in written after the ingest still counts.
 */
export function attributeIngest(db: Database, ingestId: string, options: AttributionOptions): void {
  const ingest = getIngest(db, ingestId);
  if (!ingest) return;
  const files = archivedTimes(db, ingestId);
  const windows = ingest.device_id === null ? [] : checkoutWindows(db, ingest.device_id);
  const firstCheckout = windows[0]?.checked_out_at;
  // A card holds one or two officers' numbers across hundreds of files: each looked up once.
  const officers = new Map<string, ReturnType<typeof personByOfficerNumber>>();
  const namedOfficer = (officerNumber: string) => {
    if (!officers.has(officerNumber)) officers.set(officerNumber, personByOfficerNumber(db, officerNumber));
    return officers.get(officerNumber) ?? null;
  };
  writeTransaction(db, () => {
    const findings: Finding[] = [];
    for (const file of files) {
      const window = file.at_ms === null ? undefined : windows.find((candidate) => inWindow(candidate, file.at_ms!));
      const named = file.officer_number === null ? null : namedOfficer(file.officer_number);
      setRecordingAttribution(db, file.recording_id, window?.officer_id ?? named?.id ?? null, window?.id ?? null);
      if (window && file.officer_number !== null && window.officer_number !== file.officer_number) {
        findings.push({ kind: 'officer-mismatch', source: file.source, nameOfficer: file.officer_number, ledgerOfficer: window.officer_number ?? '' });
      }
      // From the device's first check-out on: footage from before the ledger kept it is not flagged.
      if (!window && firstCheckout !== undefined && file.at_ms !== null && file.at_ms >= firstCheckout) {
        findings.push({ kind: 'outside-checkout', source: file.source, recordedAt: options.iso(file.at_ms) });
      }
    }
    const splitGaps = new Set(
      ingestFindings(db, ingestId).flatMap((finding) => (finding.kind === 'recording-gap' && !finding.activity ? [`${finding.previous}\n${finding.source}`] : [])),
    );
    for (const window of windows) {
      for (const gap of activityGaps(files, window, options)) {
        if (gap.kind === 'recording-gap' && !splitGaps.has(`${gap.previous}\n${gap.source}`)) findings.push(gap);
      }
    }
    replaceAttributionFindings(db, ingestId, findings);
  });
}

/** Attribution again for every ingest of a device, after its ledger changed. */
export function attributeDevice(db: Database, ingestIds: readonly string[], options: AttributionOptions): void {
  for (const ingestId of ingestIds) attributeIngest(db, ingestId, options);
}

interface Span {
  source: string;
  startMs: number;
  endMs: number;
}

/**
 * Art. 8: the recording runs from arriving at the scene to leaving it. Within that window (as
 * checked in), every stretch longer than the gap setting that no video or audio of this ingest
 * covers: after the arrival, between two files, before the leaving. Only for an activity some of
 * whose footage this ingest holds: another ingest of the same card answers for the rest.
 */
function activityGaps(files: readonly ArchivedTime[], window: CheckoutWindow, options: AttributionOptions): Finding[] {
  if (window.arrived_at === null || window.left_at === null) return [];
  const arrived = window.arrived_at;
  const left = window.left_at;
  const spans: Span[] = files
    .filter((file) => (file.kind === 'video' || file.kind === 'audio') && file.at_ms !== null && file.duration_seconds !== null)
    .map((file) => ({ source: file.source, startMs: file.at_ms!, endMs: file.at_ms! + file.duration_seconds! * 1000 }))
    .filter((span) => span.endMs > arrived && span.startMs < left)
    .sort((a, b) => a.startMs - b.startMs);
  if (spans.length === 0) return [];
  const gapMs = options.gapSeconds * 1000;
  const gap = (previous: string | null, source: string | null, from: number, to: number): Finding => ({
    kind: 'recording-gap',
    source,
    previous,
    gapSeconds: Math.round((to - from) / 1000),
    activity: { checkoutId: window.id, from: options.iso(from), to: options.iso(to) },
  });
  const gaps: Finding[] = [];
  let coveredTo = arrived;
  let previous: string | null = null;
  for (const span of spans) {
    if (span.startMs - coveredTo > gapMs) gaps.push(gap(previous, span.source, coveredTo, span.startMs));
    coveredTo = Math.max(coveredTo, span.endMs);
    previous = span.source;
  }
  if (left - coveredTo > gapMs) gaps.push(gap(previous, null, coveredTo, left));
  return gaps;
}
