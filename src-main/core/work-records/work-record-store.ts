import type { InterruptionReason, WorkRecordState } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/** The `work_records` table: plain SQL, nothing else writes it. Times are UTC epoch ms. */

export interface WorkRecordRow {
  id: number;
  state: WorkRecordState;
  device_id: number;
  device_serial: string;
  device_name: string | null;
  officer_id: number | null;
  officer_name: string | null;
  officer_number: string | null;
  checkout_id: number | null;
  from_ms: number;
  to_ms: number;
  reason: InterruptionReason;
  explanation: string;
  basis: string | null;
  gap_finding_id: number | null;
  submitted_by: string;
  submitted_at: number;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
  key_id: string | null;
  statement: string | null;
  statement_sha256: string | null;
  signature: string | null;
  filed_by: string | null;
  filed_at: number | null;
}

export interface NewWorkRecordRow {
  deviceId: number;
  officerId: number | null;
  checkoutId: number | null;
  fromMs: number;
  toMs: number;
  reason: InterruptionReason;
  explanation: string;
  basis: string | null;
  gapFindingId: number | null;
  submittedBy: string;
  submittedAt: number;
}

export interface Decision {
  state: 'approved' | 'rejected';
  by: string;
  at: number;
  reason: string | null;
  keyId: string;
  statement: string;
  statementSha256: string;
  signature: string;
}

const columns = `w.*, d.serial AS device_serial, d.name AS device_name, p.name AS officer_name, p.officer_number AS officer_number
  FROM work_records w JOIN devices d ON d.id = w.device_id LEFT JOIN people p ON p.id = w.officer_id`;

export function insertWorkRecord(db: Database, record: NewWorkRecordRow): number {
  const result = db
    .prepare(
      `INSERT INTO work_records (state, device_id, officer_id, checkout_id, from_ms, to_ms, reason, explanation, basis, gap_finding_id, submitted_by, submitted_at)
       VALUES ('submitted', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      record.deviceId,
      record.officerId,
      record.checkoutId,
      record.fromMs,
      record.toMs,
      record.reason,
      record.explanation,
      record.basis,
      record.gapFindingId,
      record.submittedBy,
      record.submittedAt,
    );
  return Number(result.lastInsertRowid);
}

export function workRecordRow(db: Database, id: number): WorkRecordRow | null {
  return (db.prepare(`SELECT ${columns} WHERE w.id = ?`).get(id) as WorkRecordRow | undefined) ?? null;
}

/** Newest first. */
export function workRecordRows(db: Database, state: WorkRecordState | null): WorkRecordRow[] {
  return db.prepare(`SELECT ${columns} WHERE ? IS NULL OR w.state = ? ORDER BY w.submitted_at DESC, w.id DESC`).all(state, state) as WorkRecordRow[];
}

/** Only a submitted record takes a decision: the `state` guard makes a second decision a no-op the caller sees. */
export function recordDecision(db: Database, id: number, decision: Decision): boolean {
  const result = db
    .prepare(
      `UPDATE work_records SET state = ?, decided_by = ?, decided_at = ?, decision_reason = ?, key_id = ?, statement = ?, statement_sha256 = ?, signature = ?
       WHERE id = ? AND state = 'submitted'`,
    )
    .run(decision.state, decision.by, decision.at, decision.reason, decision.keyId, decision.statement, decision.statementSha256, decision.signature, id);
  return result.changes === 1;
}

export function recordFiling(db: Database, id: number, by: string, at: number): boolean {
  return db.prepare(`UPDATE work_records SET state = 'filed', filed_by = ?, filed_at = ? WHERE id = ? AND state = 'approved'`).run(by, at, id).changes === 1;
}
