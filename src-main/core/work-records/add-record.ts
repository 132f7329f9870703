import type { Caller, NewWorkRecord } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { findDeviceBySerial } from '../devices/index.js';
import { StationError } from '../errors.js';
import { checkoutWindows, type CheckoutWindow } from '../ledger/index.js';
import { personByOfficerNumber } from '../people/index.js';
import { gapsOfDevice, linkedFindingIds, type DetectedGap } from './gap-findings.js';
import { insertWorkRecord } from './work-record-store.js';

/** The check-out the range lies in: the one named, else the one the device was out in when recording stopped. */
function checkoutFor(windows: readonly CheckoutWindow[], request: NewWorkRecord, fromMs: number, serial: string): CheckoutWindow | null {
  if (request.checkoutId !== undefined) {
    const named = windows.find((window) => window.id === request.checkoutId);
    if (!named) throw new StationError('invalid-input', `check-out ${request.checkoutId} is not a check-out of device ${serial}`);
    return named;
  }
  return windows.find((window) => window.checked_out_at <= fromMs && fromMs <= (window.returned_at ?? Infinity)) ?? null;
}

const overlapMs = (gap: DetectedGap, fromMs: number, toMs: number) => Math.min(gap.toMs, toMs) - Math.max(gap.fromMs, fromMs);

/**
 * The detected pause this record explains: one on the same device whose span meets the range,
 * preferring one no other record names yet, then the one it overlaps most.
 */
function gapFor(db: Database, deviceId: number, fromMs: number, toMs: number): DetectedGap | null {
  const linked = linkedFindingIds(db);
  const meeting = gapsOfDevice(db, deviceId).filter((gap) => gap.fromMs <= toMs && gap.toMs >= fromMs);
  meeting.sort(
    (a, b) =>
      Number(linked.has(a.finding.findingId)) - Number(linked.has(b.finding.findingId)) ||
      overlapMs(b, fromMs, toMs) - overlapMs(a, fromMs, toMs) ||
      a.finding.findingId - b.finding.findingId,
  );
  return meeting[0] ?? null;
}

/** Writes a submitted work record (Art. 12); the officer and activity come from the ledger unless given. */
export function addWorkRecord(db: Database, request: NewWorkRecord, caller: Caller, now: number): number {
  const device = findDeviceBySerial(db, request.deviceSerial);
  if (!device) throw new StationError('not-found', `no device with serial ${request.deviceSerial}`);
  const fromMs = Date.parse(request.from);
  const toMs = Date.parse(request.to);
  if (toMs < fromMs) throw new StationError('invalid-input', `the interruption ends (${request.to}) before it starts (${request.from})`);
  const checkout = checkoutFor(checkoutWindows(db, device.id), request, fromMs, device.serial);
  let officerId = checkout?.officer_id ?? null;
  if (request.officerNumber !== undefined) {
    const officer = personByOfficerNumber(db, request.officerNumber);
    if (!officer) throw new StationError('unknown-officer', `nobody holds officer number ${request.officerNumber}`);
    officerId = officer.id;
  }
  const gap = gapFor(db, device.id, fromMs, toMs);
  return insertWorkRecord(db, {
    deviceId: device.id,
    officerId,
    checkoutId: checkout?.id ?? null,
    fromMs,
    toMs,
    reason: request.reason,
    explanation: request.explanation,
    basis: request.basis && request.basis.length > 0 ? request.basis : null,
    gapFindingId: gap?.finding.findingId ?? null,
    submittedBy: caller.name,
    submittedAt: now,
  });
}
