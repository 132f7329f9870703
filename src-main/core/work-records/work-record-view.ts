import type { WorkRecord } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { gapById } from './gap-findings.js';
import type { WorkRecordRow } from './work-record-store.js';

/** A stored row as the contract shows it, times in the station's zone. */
export function workRecordOf(db: Database, row: WorkRecordRow, iso: (ms: number) => string): WorkRecord {
  const at = (ms: number | null) => (ms === null ? null : iso(ms));
  return {
    id: row.id,
    state: row.state,
    device: { id: row.device_id, serial: row.device_serial, name: row.device_name },
    officer: row.officer_id === null ? null : { id: row.officer_id, name: row.officer_name ?? '', officerNumber: row.officer_number },
    checkoutId: row.checkout_id,
    from: iso(row.from_ms),
    to: iso(row.to_ms),
    reason: row.reason,
    explanation: row.explanation,
    basis: row.basis,
    gapFinding: row.gap_finding_id === null ? null : (gapById(db, row.gap_finding_id)?.finding ?? null),
    submittedBy: row.submitted_by,
    submittedAt: iso(row.submitted_at),
    decidedBy: row.decided_by,
    decidedAt: at(row.decided_at),
    decisionReason: row.decision_reason,
    statementSha256: row.statement_sha256,
    filedBy: row.filed_by,
    filedAt: at(row.filed_at),
  };
}

/** What the head's signature covers of the record: every field the officer wrote and the ledger filled in. */
export const signedFields = (record: WorkRecord) => ({
  device: record.device,
  officer: record.officer,
  checkoutId: record.checkoutId,
  from: record.from,
  to: record.to,
  reason: record.reason,
  explanation: record.explanation,
  basis: record.basis,
  gapFindingId: record.gapFinding?.findingId ?? null,
  submittedBy: record.submittedBy,
  submittedAt: record.submittedAt,
});
