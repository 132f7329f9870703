import type { z } from 'zod';
import type { CheckinReceipt, CheckinRequest } from '../../contract/index.js';
import type { AuditTrail } from '../audit/index.js';
import { findDeviceBySerial } from '../devices/index.js';
import { StationError } from '../errors.js';
import type { LedgerContext } from './checkout.js';
import { markMet, openCheckoutOf, recordCheckin, verifiedIngestSince, type Checkin, type CheckoutRow } from './ledger-store.js';
import { optionalInstant, pastInstant } from './ledger-times.js';
import { writeTransaction } from '../db/index.js';

const hourMs = 3_600_000;

function checkedOut(context: LedgerContext, serial: string): CheckoutRow {
  const device = findDeviceBySerial(context.db, serial);
  if (device === null) throw new StationError('device-unavailable', `no device with serial ${serial} is registered`);
  const open = openCheckoutOf(context.db, device.id);
  if (open === null) throw new StationError('device-unavailable', `device ${device.serial} is not checked out: there is nothing to check in`);
  return open;
}

/**
 * Writes the return and starts its deadline: the return plus the deadline setting as it is now,
 * kept on the row so a later change of the setting does not move it.
 */
function checkIn(context: LedgerContext, open: CheckoutRow, checkin: Omit<Checkin, 'deadlineAt'>): CheckinReceipt {
  if (checkin.returnedAt < open.checked_out_at) {
    throw new StationError('invalid-input', `the return (${context.iso(checkin.returnedAt)}) is before the check-out (${context.iso(open.checked_out_at)})`);
  }
  const deadlineAt = checkin.returnedAt + context.settings().ingestDeadlineHours * hourMs;
  recordCheckin(context.db, open.id, { ...checkin, deadlineAt });
  const stored = verifiedIngestSince(context.db, open.device_id, checkin.returnedAt);
  if (stored !== null) markMet(context.db, open.id, stored.id, stored.finished_at);
  return { checkoutId: open.id, returnedAt: context.iso(checkin.returnedAt), deadline: context.iso(deadlineAt) };
}

/** Art. 8: the officer arrived at and left the scene while holding the recorder, in that order. */
function sceneTimes(context: LedgerContext, open: CheckoutRow, request: z.infer<typeof CheckinRequest>, returnedAt: number) {
  const arrivedAt = optionalInstant(request.arrivedAt);
  const leftAt = optionalInstant(request.leftAt);
  if (arrivedAt === null || leftAt === null) return { arrivedAt: null, leftAt: null };
  if (leftAt < arrivedAt) throw new StationError('invalid-input', 'the officer left the scene before arriving: swap the two times');
  if (arrivedAt < open.checked_out_at || leftAt > returnedAt) {
    throw new StationError(
      'invalid-input',
      `the arrival and leaving must lie between the check-out (${context.iso(open.checked_out_at)}) and the return (${context.iso(returnedAt)})`,
    );
  }
  return { arrivedAt, leftAt };
}

/** The desk takes a recorder back. Synchronous: it runs in the router's transaction with its audit row. */
export function checkInRequest(context: LedgerContext, request: z.infer<typeof CheckinRequest>, by: string): CheckinReceipt {
  const now = context.now();
  const open = checkedOut(context, request.deviceSerial);
  const returnedAt = request.at === undefined ? now : pastInstant(request.at, now, 'the return time');
  return checkIn(context, open, {
    returnedAt,
    recordedAt: now,
    by,
    condition: request.condition,
    note: request.note?.trim() || null,
    ...sceneTimes(context, open, request, returnedAt),
  });
}

/**
 * The station checks a recorder in itself, at the moment it was plugged in (the setting
 * checkInOnPlugIn): that is when the desk took it back. Recorded with its audit row, actor `station`.
 * Null when the device is not out, or came back into the station before it was checked out.
 */
export function checkInAtPlugIn(context: LedgerContext, audit: AuditTrail | null, deviceId: number, pluggedInAt: number): CheckinReceipt | null {
  const { db } = context;
  return writeTransaction(db, () => {
    const open = openCheckoutOf(db, deviceId);
    if (open === null || pluggedInAt < open.checked_out_at) return null;
    const receipt = checkIn(context, open, { returnedAt: pluggedInAt, recordedAt: context.now(), by: 'station', condition: 'ok', note: null, arrivedAt: null, leftAt: null });
    audit?.record({
      actor: 'station',
      role: 'station',
      action: 'ledger.checkin',
      object: `checkout:${open.id}`,
      details: { kind: 'change', input: { deviceId, at: receipt.returnedAt, plugIn: true } },
    });
    return receipt;
  });
}
