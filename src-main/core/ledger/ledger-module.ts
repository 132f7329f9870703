import type { AttachedVolume, LedgerQuery } from '../../contract/index.js';
import type { Capability } from '../capability.js';
import { dayRange } from '../clock.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import { checkInAtPlugIn, checkInRequest } from './checkin.js';
import { checkOut, type LedgerContext } from './checkout.js';
import { checkoutState } from './checkout-state.js';
import { deadlineOf, ledgerEntry } from './ledger-entry.js';
import { writeLedgerFile } from './ledger-export-file.js';
import { ledgerRow, ledgerRows, openCheckoutOf, setLateReason, unmetRows } from './ledger-store.js';
import { meetDeadline, type VerifiedIngest } from './meet-deadline.js';
import { writeTransaction } from '../db/index.js';

type LedgerCommands = 'ledger.checkout' | 'ledger.checkin' | 'ledger.lateReason' | 'ledger.list' | 'ledger.deadlines' | 'ledger.export';

export interface LedgerModule extends Capability<LedgerCommands> {
  /** For the ingest capability, inside its finishing transaction: a verified ingest meets the device's waiting deadline. */
  meetDeadline(ingest: VerifiedIngest): { checkoutId: number; late: boolean } | null;
  /** For the plug-in service: the recorder's open check-out, as a volume card shows it. */
  openCheckout(deviceId: number): AttachedVolume['openCheckout'];
  /** For the plug-in service, with the setting checkInOnPlugIn: checks the recorder in at its plug-in time; true if it was out. */
  checkInAtPlugIn(deviceId: number, pluggedInAt: number): boolean;
}

/** `ledger.*`: the device ledger (台账, Art. 4, 7) and the 24-hour rule (Art. 13). */
export function ledgerModule(
  services: StationServices,
  /** A device's check-out windows changed: its recordings are attributed again (in the same transaction). */
  windowsChanged: (deviceId: number) => void,
): LedgerModule {
  const { db, iso } = services;
  const context: LedgerContext = { db, now: services.now, iso, settings: services.settings };
  // Changes run in a synchronous transaction (the router's or the ingest's): told once it has committed.
  const changed = () => queueMicrotask(() => services.events.emit({ type: 'ledger.changed' }));
  const view = () => ({ now: services.now(), iso });

  const list = (query: LedgerQuery) => {
    const { startMs, endMs } = dayRange(query.from, query.to, services.zone);
    const rows = ledgerRows(db, { fromMs: startMs, toMs: endMs, deviceSerial: query.deviceSerial ?? null, officerNumber: query.officerNumber ?? null });
    const at = view();
    return rows.map((row) => ledgerEntry(db, row, at));
  };

  return {
    meetDeadline(ingest) {
      const met = meetDeadline(db, ingest);
      if (met !== null) changed();
      return met;
    },
    openCheckout(deviceId) {
      const open = openCheckoutOf(db, deviceId);
      const row = open && ledgerRow(db, open.id);
      return row ? { checkoutId: row.id, officerName: row.officer_name, officerNumber: row.officer_number, checkedOutAt: iso(row.checked_out_at) } : null;
    },
    checkInAtPlugIn(deviceId, pluggedInAt) {
      const receipt = checkInAtPlugIn(context, services.audit, deviceId, pluggedInAt);
      if (receipt !== null) {
        windowsChanged(deviceId);
        changed();
      }
      return receipt !== null;
    },
    handlers: {
      'ledger.checkout': (request, caller) => {
        const receipt = checkOut(context, request, caller);
        windowsChanged(receipt.device.id);
        changed();
        return receipt;
      },
      'ledger.checkin': (request, caller) => {
        const receipt = checkInRequest(context, request, caller.name);
        const row = ledgerRow(db, receipt.checkoutId);
        if (row) windowsChanged(row.device_id);
        changed();
        return receipt;
      },
      'ledger.lateReason': ({ checkoutId, reason }, caller) => {
        const row = ledgerRow(db, checkoutId);
        if (row === null) throw new StationError('not-found', `no check-out ${checkoutId}`);
        // A reason explains a deadline passed: the footage came in late, or has not come in yet.
        const state = checkoutState(row, services.now());
        if (state !== 'late' && state !== 'overdue') {
          throw new StationError('invalid-input', `check-out ${checkoutId} is ${state}: a late reason is for footage stored after its deadline`);
        }
        setLateReason(db, checkoutId, reason, caller.name, services.now());
        changed();
        return ledgerEntry(db, { ...row, late_reason: reason }, view());
      },
      'ledger.list': list,
      'ledger.deadlines': () => {
        const at = view();
        // Soonest deadline first; recorders still out (no deadline yet) after them, longest out first.
        const rows = unmetRows(db).sort(
          (a, b) => (a.deadline_at ?? Infinity) - (b.deadline_at ?? Infinity) || a.checked_out_at - b.checked_out_at || a.id - b.id,
        );
        return rows.map((row) => deadlineOf(row, at));
      },
      'ledger.export': async (request, caller) => {
        const entries = list(request);
        const now = services.now();
        const path = await writeLedgerFile(entries, request, { dataDir: services.dataDir, zone: services.zone, stationName: services.stationName, now, iso });
        // Asynchronous (the file is written first), so it records its own audit row: an export of the ledger is a view.
        writeTransaction(db, () =>
          services.audit?.record({ actor: caller.name, role: caller.role, action: 'ledger.export', object: 'ledger', details: { kind: 'view', input: request, path, rows: entries.length } }),
        );
        return { path, rows: entries.length };
      },
    },
  };
}
