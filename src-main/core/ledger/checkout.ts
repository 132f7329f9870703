import type { z } from 'zod';
import type { Caller, CheckoutReceipt, CheckoutRequest, Settings } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { findDeviceBySerial } from '../devices/index.js';
import { StationError } from '../errors.js';
import { personByOfficerNumber } from '../people/index.js';
import { bodyCamerasOutTo, insertCheckout, lastReturnOf, openCheckoutOf } from './ledger-store.js';
import { optionalInstant, pastInstant } from './ledger-times.js';

export interface LedgerContext {
  db: Database;
  now: () => number;
  iso: (ms: number) => string;
  settings: () => Settings;
}

const checkNames = { battery: 'battery sufficient (电量充足)', storage: 'storage free (存储空间充足)', clock: 'clock set (时间校准)' } as const;

/** The registered device by serial that can be handed out: in service and not out already. */
function availableDevice(db: Database, serial: string) {
  const device = findDeviceBySerial(db, serial);
  if (device === null) throw new StationError('device-unavailable', `no device with serial ${serial} is registered: register it first`);
  if (device.status !== 'in-service') {
    throw new StationError('device-unavailable', `device ${device.serial} is ${device.status}, not in service: it cannot be checked out`);
  }
  const open = openCheckoutOf(db, device.id);
  if (open !== null) throw new StationError('device-unavailable', `device ${device.serial} is already checked out (check-out ${open.id}): check it in first`);
  return device;
}

function activeOfficer(db: Database, officerNumber: string) {
  const person = personByOfficerNumber(db, officerNumber);
  if (person === null || !person.active || person.officerNumber === null) {
    throw new StationError('unknown-officer', `no active person has officer number ${officerNumber}: add them under People first`);
  }
  return { ...person, officerNumber: person.officerNumber };
}

/**
 * Art. 4 and 7: a registered, in-service recorder that is not out, to a known officer, after the
 * three pre-use checks all passed; an officer holds at most the setting's number of body cameras.
 * Synchronous: it runs in the router's transaction with its audit row.
 */
export function checkOut(context: LedgerContext, request: z.infer<typeof CheckoutRequest>, caller: Caller): CheckoutReceipt {
  const { db } = context;
  const now = context.now();
  const at = request.at === undefined ? now : pastInstant(request.at, now, 'the check-out time');
  const device = availableDevice(db, request.deviceSerial);
  const officer = activeOfficer(db, request.officerNumber);
  const failed = (Object.keys(checkNames) as (keyof typeof checkNames)[]).filter((check) => request.checks[check] === 'fail');
  if (failed.length > 0) {
    throw new StationError('pre-use-check-failed', `the pre-use check failed: ${failed.map((check) => checkNames[check]).join(', ')}; fix it before handing the recorder out`);
  }
  const limit = context.settings().bodyCamerasPerOfficer;
  if (device.type === 'body-camera' && bodyCamerasOutTo(db, officer.id) >= limit) {
    throw new StationError('invalid-input', `${officer.name} (${officer.officerNumber}) already holds ${limit} body camera(s), as many as the setting allows: check one in first`);
  }
  const lastReturn = lastReturnOf(db, device.id);
  if (lastReturn !== null && at < lastReturn) {
    throw new StationError('invalid-input', `device ${device.serial} came back at ${context.iso(lastReturn)}: a check-out cannot be earlier than that`);
  }
  const expectedReturnAt = optionalInstant(request.expectedReturnAt);
  if (expectedReturnAt !== null && expectedReturnAt < at) throw new StationError('invalid-input', 'the expected return is before the check-out');
  const checkoutId = insertCheckout(db, {
    deviceId: device.id,
    officerId: officer.id,
    checkedOutAt: at,
    recordedAt: now,
    by: caller.name,
    expectedReturnAt,
    remote: request.remote,
    checks: request.checks,
    category: request.category ?? null,
    caseNumber: request.caseNumber ?? null,
    caseName: request.caseName ?? null,
    place: request.place ?? null,
  });
  return {
    checkoutId,
    device: { id: device.id, serial: device.serial },
    officer: { id: officer.id, name: officer.name, officerNumber: officer.officerNumber },
    checkedOutAt: context.iso(at),
    expectedReturnAt: expectedReturnAt === null ? null : context.iso(expectedReturnAt),
    checks: request.checks,
    remote: request.remote,
  };
}
