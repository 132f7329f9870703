import type { Database } from '../db/index.js';

/** The owning store of `exports` and `export_approvals` (migration 012): plain SQL, no rules. */

export interface ApprovalRow {
  id: number;
  state: 'requested' | 'approved' | 'rejected' | 'used';
  recording_ids_json: string;
  requested_by_person: number | null;
  requested_by: string;
  requested_at: number;
  decided_by: string | null;
  decided_at: number | null;
  reason: string | null;
  key_id: string | null;
  statement: string | null;
  signature: string | null;
}

/** Ids sorted, so "exactly these recordings" compares as text. */
export const idsJson = (ids: readonly number[]): string => JSON.stringify([...new Set(ids)].sort((a, b) => a - b));

export function insertApprovalRequest(db: Database, ids: readonly number[], requester: { personId: number | null; name: string }, now: number): number {
  const result = db
    .prepare("INSERT INTO export_approvals (state, recording_ids_json, requested_by_person, requested_by, requested_at) VALUES ('requested', ?, ?, ?, ?)")
    .run(idsJson(ids), requester.personId, requester.name, now);
  return Number(result.lastInsertRowid);
}

export const approvalById = (db: Database, id: number): ApprovalRow | null =>
  (db.prepare('SELECT * FROM export_approvals WHERE id = ?').get(id) as ApprovalRow | undefined) ?? null;

export const allApprovals = (db: Database): ApprovalRow[] => db.prepare('SELECT * FROM export_approvals ORDER BY id DESC').all() as ApprovalRow[];

/** An approved request not yet used, of this requester, for exactly these recordings. */
export function usableApproval(db: Database, ids: readonly number[], requester: { personId: number | null; name: string }): ApprovalRow | null {
  const row = db
    .prepare(
      `SELECT * FROM export_approvals WHERE state = 'approved' AND recording_ids_json = ?
         AND (requested_by_person = ? OR (requested_by_person IS NULL AND ? IS NULL AND requested_by = ?))
       ORDER BY id LIMIT 1`,
    )
    .get(idsJson(ids), requester.personId, requester.personId, requester.name) as ApprovalRow | undefined;
  return row ?? null;
}

/** A request still waiting for these same recordings: asked again, it is named again rather than filed twice. */
export function waitingRequest(db: Database, ids: readonly number[], requester: { personId: number | null; name: string }): ApprovalRow | null {
  const row = db
    .prepare("SELECT * FROM export_approvals WHERE state = 'requested' AND recording_ids_json = ? AND requested_by = ? ORDER BY id LIMIT 1")
    .get(idsJson(ids), requester.name) as ApprovalRow | undefined;
  return row ?? null;
}

export function decideApproval(
  db: Database,
  id: number,
  decision: { state: 'approved' | 'rejected'; by: string; at: number; reason: string | null; keyId: string; statement: string; signature: string },
): boolean {
  const result = db
    .prepare("UPDATE export_approvals SET state = ?, decided_by = ?, decided_at = ?, reason = ?, key_id = ?, statement = ?, signature = ? WHERE id = ? AND state = 'requested'")
    .run(decision.state, decision.by, decision.at, decision.reason, decision.keyId, decision.statement, decision.signature, id);
  return result.changes === 1;
}

export function markApprovalUsed(db: Database, id: number): boolean {
  return db.prepare("UPDATE export_approvals SET state = 'used' WHERE id = ? AND state = 'approved'").run(id).changes === 1;
}

export interface ExportRow {
  id: string;
  path: string;
  zip_path: string | null;
  recording_ids_json: string;
  files: number;
  bytes: number;
  purpose: string | null;
  approval_id: number | null;
  made_by: string;
  made_at: number;
}

export function insertExport(db: Database, row: ExportRow): void {
  db.prepare(
    `INSERT INTO exports (id, path, zip_path, recording_ids_json, files, bytes, purpose, approval_id, made_by, made_at)
     VALUES (@id, @path, @zip_path, @recording_ids_json, @files, @bytes, @purpose, @approval_id, @made_by, @made_at)`,
  ).run(row);
}
