import type { DiscCopyName, DiscCopyState, DiscMedia, DiscReason } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/** The owning store of `disc_requests`, `disc_decisions`, `discs`, `disc_copies` and `disc_checks` (migration 013): plain SQL, no rules. */

export interface DiscRequestRow {
  id: number;
  reason: DiscReason;
  case_number: string;
  case_name: string;
  source_kind: 'ingest' | 'recordings' | 'checkout';
  source_ingest_id: string | null;
  source_checkout_id: number | null;
  recording_ids_json: string;
  files: number;
  bytes: number;
  requested_by: string;
  requested_at: number;
  // From here to `signature`: the latest row of disc_decisions, all null before the first.
  decision: 'approved' | 'rejected' | null;
  decided_by: string | null;
  decided_at: number | null;
  decision_reason: string | null;
  key_id: string | null;
  statement: string | null;
  statement_sha256: string | null;
  signature: string | null;
  media: DiscMedia | null;
}

export interface DiscRow {
  id: string;
  request_id: number;
  idx: number;
  of: number;
  media: DiscMedia;
  volume_id: string;
  recording_ids_json: string;
  files: number;
  bytes: number;
  planned_by: string;
  planned_at: number;
  image_epoch: number;
  image_sha256: string | null;
  image_bytes: number | null;
  imaged_at: number | null;
  labelled_by: string | null;
  labelled_at: number | null;
}

export interface DiscCopyRow {
  disc_id: string;
  copy: DiscCopyName;
  state: DiscCopyState;
  drive: string | null;
  burned_at: number | null;
  verified_at: number | null;
  location: string | null;
  stored_by: string | null;
  stored_at: number | null;
  problem: string | null;
}

export interface DiscCheckRow {
  id: number;
  disc_id: string;
  copy: DiscCopyName;
  kind: 'burn' | 'recheck';
  drive: string;
  checked_by: string;
  checked_at: number;
  image_ok: number | null;
  md5_ok: number | null;
  manifest_ok: number | null;
  read_sha256: string | null;
  problem: string | null;
}

export type NewRequestRow = Pick<
  DiscRequestRow,
  'reason' | 'case_number' | 'case_name' | 'source_kind' | 'source_ingest_id' | 'source_checkout_id' | 'recording_ids_json' | 'files' | 'bytes' | 'requested_by' | 'requested_at'
>;

export function insertRequest(db: Database, row: NewRequestRow): number {
  const result = db
    .prepare(
      `INSERT INTO disc_requests (reason, case_number, case_name, source_kind, source_ingest_id, source_checkout_id, recording_ids_json, files, bytes, requested_by, requested_at)
       VALUES (@reason, @case_number, @case_name, @source_kind, @source_ingest_id, @source_checkout_id, @recording_ids_json, @files, @bytes, @requested_by, @requested_at)`,
    )
    .run(row);
  return Number(result.lastInsertRowid);
}

/** A request with its latest decision (NULLs before the first): the decisions table is the one record of them. */
const requestColumns = `
  SELECT r.*, d.decision, d.decided_by, d.decided_at, d.reason AS decision_reason, d.key_id, d.statement, d.statement_sha256, d.signature
    FROM disc_requests r
    LEFT JOIN disc_decisions d ON d.id = (SELECT MAX(id) FROM disc_decisions WHERE request_id = r.id)`;

export const requestById = (db: Database, id: number): DiscRequestRow | null =>
  (db.prepare(`${requestColumns} WHERE r.id = ?`).get(id) as DiscRequestRow | undefined) ?? null;

export const allRequests = (db: Database): DiscRequestRow[] => db.prepare(`${requestColumns} ORDER BY r.id DESC`).all() as DiscRequestRow[];

export type DecisionFields = Pick<DiscRequestRow, 'decision' | 'decided_by' | 'decided_at' | 'decision_reason' | 'key_id' | 'statement' | 'statement_sha256' | 'signature'>;

/**
 * Keeps a decision exactly as signed, on a request still undecided or after a rejection; false if
 * the request was approved meanwhile (the caller holds the transaction).
 */
export function recordDecision(db: Database, id: number, fields: DecisionFields): boolean {
  const latest = db.prepare('SELECT decision FROM disc_decisions WHERE request_id = ? ORDER BY id DESC LIMIT 1').get(id) as { decision: string } | undefined;
  if (latest?.decision === 'approved') return false;
  db.prepare(
    `INSERT INTO disc_decisions (request_id, decision, reason, decided_by, decided_at, key_id, statement, statement_sha256, signature)
     VALUES (@id, @decision, @decision_reason, @decided_by, @decided_at, @key_id, @statement, @statement_sha256, @signature)`,
  ).run({ ...fields, id });
  return true;
}

export const setRequestMedia = (db: Database, id: number, media: DiscMedia): void => {
  db.prepare('UPDATE disc_requests SET media = ? WHERE id = ?').run(media, id);
};

export type NewDiscRow = Omit<DiscRow, 'image_sha256' | 'image_bytes' | 'imaged_at' | 'labelled_by' | 'labelled_at'>;

/** A planned disc and its two copies, both `planned`. */
export function insertDisc(db: Database, row: NewDiscRow): void {
  db.prepare(
    `INSERT INTO discs (id, request_id, idx, of, media, volume_id, recording_ids_json, files, bytes, planned_by, planned_at, image_epoch)
     VALUES (@id, @request_id, @idx, @of, @media, @volume_id, @recording_ids_json, @files, @bytes, @planned_by, @planned_at, @image_epoch)`,
  ).run(row);
  const copy = db.prepare("INSERT INTO disc_copies (disc_id, copy, state) VALUES (?, ?, 'planned')");
  copy.run(row.id, 'A');
  copy.run(row.id, 'B');
}

/** Forgets a request's discs: only while none of their copies was ever burned (the caller checks). */
export function deleteDiscsOf(db: Database, requestId: number): void {
  db.prepare('DELETE FROM disc_copies WHERE disc_id IN (SELECT id FROM discs WHERE request_id = ?)').run(requestId);
  db.prepare('DELETE FROM discs WHERE request_id = ?').run(requestId);
}

export const discById = (db: Database, id: string): DiscRow | null => (db.prepare('SELECT * FROM discs WHERE id = ?').get(id) as DiscRow | undefined) ?? null;

export const discsOf = (db: Database, requestId: number): DiscRow[] => db.prepare('SELECT * FROM discs WHERE request_id = ? ORDER BY idx').all(requestId) as DiscRow[];

export const allDiscs = (db: Database): DiscRow[] => db.prepare('SELECT * FROM discs ORDER BY request_id DESC, idx').all() as DiscRow[];

/** The image, once built: it never changes after (a rebuild must reproduce it). */
export function recordImage(db: Database, id: string, sha256: string, bytes: number, at: number): void {
  db.prepare('UPDATE discs SET image_sha256 = ?, image_bytes = ?, imaged_at = ? WHERE id = ? AND image_sha256 IS NULL').run(sha256, bytes, at, id);
}

export function recordLabel(db: Database, id: string, by: string, at: number): void {
  db.prepare('UPDATE discs SET labelled_by = ?, labelled_at = ? WHERE id = ?').run(by, at, id);
}

export const copiesOf = (db: Database, discId: string): DiscCopyRow[] => db.prepare('SELECT * FROM disc_copies WHERE disc_id = ? ORDER BY copy').all(discId) as DiscCopyRow[];

export const copyOf = (db: Database, discId: string, copy: DiscCopyName): DiscCopyRow | null =>
  (db.prepare('SELECT * FROM disc_copies WHERE disc_id = ? AND copy = ?').get(discId, copy) as DiscCopyRow | undefined) ?? null;

export const burningCopies = (db: Database): DiscCopyRow[] => db.prepare("SELECT * FROM disc_copies WHERE state = 'burning'").all() as DiscCopyRow[];

export function updateCopy(db: Database, discId: string, copy: DiscCopyName, change: Partial<Omit<DiscCopyRow, 'disc_id' | 'copy'>>): void {
  const columns = Object.keys(change);
  if (columns.length === 0) return;
  const set = columns.map((column) => `${column} = @${column}`).join(', ');
  db.prepare(`UPDATE disc_copies SET ${set} WHERE disc_id = @disc_id AND copy = @copy`).run({ ...change, disc_id: discId, copy });
}

export function insertCheck(db: Database, row: Omit<DiscCheckRow, 'id'>): number {
  const result = db
    .prepare(
      `INSERT INTO disc_checks (disc_id, copy, kind, drive, checked_by, checked_at, image_ok, md5_ok, manifest_ok, read_sha256, problem)
       VALUES (@disc_id, @copy, @kind, @drive, @checked_by, @checked_at, @image_ok, @md5_ok, @manifest_ok, @read_sha256, @problem)`,
    )
    .run(row);
  return Number(result.lastInsertRowid);
}

export const lastCheckOf = (db: Database, discId: string, copy: DiscCopyName): DiscCheckRow | null =>
  (db.prepare('SELECT * FROM disc_checks WHERE disc_id = ? AND copy = ? ORDER BY id DESC LIMIT 1').get(discId, copy) as DiscCheckRow | undefined) ?? null;
