import type { Deadline, LedgerEntry } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { checkoutState } from './checkout-state.js';
import { recordingsOfDeviceBetween, type LedgerRow } from './ledger-store.js';

interface View {
  now: number;
  iso: (ms: number) => string;
}

const isoOrNull = (ms: number | null, iso: (ms: number) => string): string | null => (ms === null ? null : iso(ms));

/** 记录内容: what came off the device between the check-out and its return (now, while it is out). */
function content(db: Database, row: LedgerRow, { now, iso }: View): LedgerEntry['content'] {
  const recordings = recordingsOfDeviceBetween(db, row.device_id, row.checked_out_at, row.returned_at ?? now);
  const first = recordings[0];
  const last = recordings.at(-1);
  return {
    ingests: [...new Set(recordings.map((recording) => recording.ingest_id))],
    recordings: recordings.length,
    bytes: recordings.reduce((sum, recording) => sum + recording.size, 0),
    durationSeconds: recordings.reduce((sum, recording) => sum + (recording.duration_seconds ?? 0), 0),
    firstRecordedAt: first ? iso(first.at_ms) : null,
    lastRecordedAt: last ? iso(last.at_ms) : null,
  };
}

export function ledgerEntry(db: Database, row: LedgerRow, view: View): LedgerEntry {
  const { iso } = view;
  return {
    checkoutId: row.id,
    device: { id: row.device_id, serial: row.device_serial, name: row.device_name },
    officer: { id: row.officer_id, name: row.officer_name, officerNumber: row.officer_number },
    checkedOutAt: iso(row.checked_out_at),
    expectedReturnAt: isoOrNull(row.expected_return_at, iso),
    returnedAt: isoOrNull(row.returned_at, iso),
    deadline: isoOrNull(row.deadline_at, iso),
    state: checkoutState(row, view.now),
    lateReason: row.late_reason,
    checks: { battery: row.battery, storage: row.storage, clock: row.clock },
    remote: row.remote === 1,
    condition: row.condition,
    note: row.note,
    arrivedAt: isoOrNull(row.arrived_at, iso),
    leftAt: isoOrNull(row.left_at, iso),
    activity: { category: row.category, caseNumber: row.case_number, caseName: row.case_name, place: row.place },
    content: content(db, row, view),
    checkedOutBy: row.checked_out_by,
    checkedInBy: row.checked_in_by,
  };
}

/** One line of the deadline board; `secondsLeft` is negative once the deadline has passed. */
export function deadlineOf(row: LedgerRow, { now, iso }: View): Deadline {
  return {
    checkoutId: row.id,
    device: { id: row.device_id, serial: row.device_serial, name: row.device_name },
    officer: { id: row.officer_id, name: row.officer_name, officerNumber: row.officer_number },
    returnedAt: isoOrNull(row.returned_at, iso),
    deadline: isoOrNull(row.deadline_at, iso),
    secondsLeft: row.deadline_at === null ? null : Math.floor((row.deadline_at - now) / 1000),
    state: checkoutState(row, now),
  };
}
