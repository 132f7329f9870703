import type { ActivityCategory, PreUseChecks } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/** The `checkouts` table: plain SQL, nothing else writes it. Times are UTC epoch ms. */

export interface CheckoutRow {
  id: number;
  device_id: number;
  officer_id: number;
  checked_out_at: number;
  checked_out_recorded_at: number;
  checked_out_by: string;
  expected_return_at: number | null;
  remote: number;
  battery: 'ok' | 'fail';
  storage: 'ok' | 'fail';
  clock: 'ok' | 'fail';
  category: ActivityCategory | null;
  case_number: string | null;
  case_name: string | null;
  place: string | null;
  returned_at: number | null;
  returned_recorded_at: number | null;
  checked_in_by: string | null;
  condition: 'ok' | 'damaged' | 'lost' | null;
  note: string | null;
  arrived_at: number | null;
  left_at: number | null;
  deadline_at: number | null;
  met_at: number | null;
  met_ingest_id: string | null;
  late_reason: string | null;
  late_reason_by: string | null;
  late_reason_at: number | null;
}

/** A check-out with the names the ledger shows beside it. */
export interface LedgerRow extends CheckoutRow {
  device_serial: string;
  device_name: string | null;
  officer_name: string;
  officer_number: string;
}

export interface NewCheckout {
  deviceId: number;
  officerId: number;
  checkedOutAt: number;
  recordedAt: number;
  by: string;
  expectedReturnAt: number | null;
  remote: boolean;
  checks: PreUseChecks;
  category: ActivityCategory | null;
  caseNumber: string | null;
  caseName: string | null;
  place: string | null;
}

export function insertCheckout(db: Database, checkout: NewCheckout): number {
  const result = db
    .prepare(
      `INSERT INTO checkouts (device_id, officer_id, checked_out_at, checked_out_recorded_at, checked_out_by, expected_return_at, remote,
                              battery, storage, clock, category, case_number, case_name, place)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      checkout.deviceId,
      checkout.officerId,
      checkout.checkedOutAt,
      checkout.recordedAt,
      checkout.by,
      checkout.expectedReturnAt,
      Number(checkout.remote),
      checkout.checks.battery,
      checkout.checks.storage,
      checkout.checks.clock,
      checkout.category,
      checkout.caseNumber,
      checkout.caseName,
      checkout.place,
    );
  return Number(result.lastInsertRowid);
}

export interface Checkin {
  returnedAt: number;
  recordedAt: number;
  by: string;
  deadlineAt: number;
  condition: 'ok' | 'damaged' | 'lost';
  note: string | null;
  arrivedAt: number | null;
  leftAt: number | null;
}

export function recordCheckin(db: Database, id: number, checkin: Checkin): void {
  db.prepare(
    `UPDATE checkouts SET returned_at = ?, returned_recorded_at = ?, checked_in_by = ?, deadline_at = ?, condition = ?, note = ?,
       arrived_at = ?, left_at = ?
     WHERE id = ? AND returned_at IS NULL`,
  ).run(checkin.returnedAt, checkin.recordedAt, checkin.by, checkin.deadlineAt, checkin.condition, checkin.note, checkin.arrivedAt, checkin.leftAt, id);
}

/** The device's check-out not yet returned, if it is out. */
export const openCheckoutOf = (db: Database, deviceId: number): CheckoutRow | null =>
  (db.prepare('SELECT * FROM checkouts WHERE device_id = ? AND returned_at IS NULL').get(deviceId) as CheckoutRow | undefined) ?? null;

/** When the device last came back, null if it never went out: a check-out before that would overlap it. */
export const lastReturnOf = (db: Database, deviceId: number): number | null =>
  (db.prepare('SELECT MAX(returned_at) AS at FROM checkouts WHERE device_id = ?').get(deviceId) as { at: number | null }).at;

/** Body cameras the officer holds now. */
export const bodyCamerasOutTo = (db: Database, officerId: number): number =>
  (
    db
      .prepare(
        `SELECT COUNT(*) AS n FROM checkouts c JOIN devices d ON d.id = c.device_id
         WHERE c.officer_id = ? AND c.returned_at IS NULL AND d.type = 'body-camera'`,
      )
      .get(officerId) as { n: number }
  ).n;

/**
 * The check-out an ingest of the device meets: the most recent one returned before the ingest
 * ended and not met yet. Marks it met; returns it as it was (null when nothing waits).
 */
export function meetCheckout(db: Database, deviceId: number, ingestId: string, endedAt: number): CheckoutRow | null {
  const waiting = db
    .prepare(
      `SELECT * FROM checkouts WHERE device_id = ? AND returned_at IS NOT NULL AND returned_at <= ? AND met_at IS NULL
       ORDER BY returned_at DESC, id DESC LIMIT 1`,
    )
    .get(deviceId, endedAt) as CheckoutRow | undefined;
  if (!waiting) return null;
  db.prepare('UPDATE checkouts SET met_at = ?, met_ingest_id = ? WHERE id = ?').run(endedAt, ingestId, waiting.id);
  return waiting;
}

export function setLateReason(db: Database, id: number, reason: string, by: string, at: number): void {
  db.prepare('UPDATE checkouts SET late_reason = ?, late_reason_by = ?, late_reason_at = ? WHERE id = ?').run(reason, by, at, id);
}

const ledgerColumns = `c.*, d.serial AS device_serial, d.name AS device_name, p.name AS officer_name, p.officer_number AS officer_number
  FROM checkouts c JOIN devices d ON d.id = c.device_id JOIN people p ON p.id = c.officer_id`;

export const ledgerRow = (db: Database, id: number): LedgerRow | null =>
  (db.prepare(`SELECT ${ledgerColumns} WHERE c.id = ?`).get(id) as LedgerRow | undefined) ?? null;

export interface LedgerFilter {
  fromMs: number | null;
  toMs: number | null;
  deviceSerial: string | null;
  officerNumber: string | null;
}

/** Check-outs made in [fromMs, toMs), of that device and officer where given; newest first. */
export function ledgerRows(db: Database, filter: LedgerFilter): LedgerRow[] {
  const conditions: string[] = [];
  const params: unknown[] = [];
  const where = (condition: string, value: unknown) => {
    conditions.push(condition);
    params.push(value);
  };
  if (filter.fromMs !== null) where('c.checked_out_at >= ?', filter.fromMs);
  if (filter.toMs !== null) where('c.checked_out_at < ?', filter.toMs);
  if (filter.deviceSerial !== null) where('d.serial = ?', filter.deviceSerial);
  if (filter.officerNumber !== null) where('p.officer_number = ?', filter.officerNumber.toUpperCase());
  const clause = conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
  return db.prepare(`SELECT ${ledgerColumns} ${clause} ORDER BY c.checked_out_at DESC, c.id DESC`).all(...params) as LedgerRow[];
}

/** Every check-out the deadline board shows: not met (out, returned, overdue), or met late with no reason given yet. */
export const unmetRows = (db: Database): LedgerRow[] =>
  db.prepare(`SELECT ${ledgerColumns} WHERE c.met_at IS NULL OR (c.met_at > c.deadline_at AND c.late_reason IS NULL)`).all() as LedgerRow[];

/** One recording that came off the device, at its drift-corrected start (device time where no drift was measured). */
export interface ContentRecording {
  ingest_id: string;
  size: number;
  duration_seconds: number | null;
  at_ms: number;
}

/**
 * 记录内容: the recordings archived from ingests of the device whose corrected recording time lies
 * in [fromMs, toMs]. The time is the one the clock step kept on the sighting that archived the file.
 */
export function recordingsOfDeviceBetween(db: Database, deviceId: number, fromMs: number, toMs: number): ContentRecording[] {
  return db
    .prepare(
      `SELECT ingest_id, size, duration_seconds, at_ms FROM (
         SELECT r.ingest_id, r.size, r.duration_seconds, r.id,
           COALESCE(CAST(unixepoch(COALESCE(f.corrected_time, f.device_time), 'subsec') * 1000 AS INTEGER), r.recorded_at_ms) AS at_ms
         FROM recordings r JOIN ingests i ON i.id = r.ingest_id
           LEFT JOIN ingest_files f ON f.recording_id = r.id AND f.ingest_id = r.ingest_id AND f.status = 'archived'
         WHERE i.device_id = ?)
       WHERE at_ms BETWEEN ? AND ? ORDER BY at_ms, id`,
    )
    .all(deviceId, fromMs, toMs) as ContentRecording[];
}

/** A check-out's window on its device, with its officer's number: what attribution needs. */
export interface CheckoutWindow {
  id: number;
  officer_id: number;
  officer_number: string | null;
  checked_out_at: number;
  returned_at: number | null;
  arrived_at: number | null;
  left_at: number | null;
}

export const checkoutWindows = (db: Database, deviceId: number): CheckoutWindow[] =>
  db
    .prepare(
      `SELECT c.id, c.officer_id, p.officer_number, c.checked_out_at, c.returned_at, c.arrived_at, c.left_at
       FROM checkouts c JOIN people p ON p.id = c.officer_id WHERE c.device_id = ? ORDER BY c.checked_out_at`,
    )
    .all(deviceId) as CheckoutWindow[];

/**
 * The first ingest of the device that ended at or after `fromMs` with every file verified: a
 * recorder checked in after its card was already ingested (the desk clicked "check in" once the
 * import had run) has met its deadline with it.
 */
export const verifiedIngestSince = (db: Database, deviceId: number, fromMs: number): { id: string; finished_at: number } | null =>
  (db
    .prepare(
      `SELECT i.id, i.finished_at FROM ingests i
       WHERE i.device_id = ? AND i.state = 'completed' AND i.finished_at >= ?
         AND NOT EXISTS (SELECT 1 FROM ingest_files f WHERE f.ingest_id = i.id AND f.status = 'failed')
       ORDER BY i.finished_at LIMIT 1`,
    )
    .get(deviceId, fromMs) as { id: string; finished_at: number } | undefined) ?? null;

export function markMet(db: Database, id: number, ingestId: string, at: number): void {
  db.prepare('UPDATE checkouts SET met_at = ?, met_ingest_id = ? WHERE id = ? AND met_at IS NULL').run(at, ingestId, id);
}
