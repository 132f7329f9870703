import type { SignoffDecision } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/** The `signoffs` table: plain SQL, nothing else touches it. Rows are only ever added. */

export interface SignoffRow {
  id: number;
  ingest_id: string;
  decision: SignoffDecision;
  reason: string | null;
  signer_person_id: number;
  signer_name: string;
  key_id: string;
  signed_at: number;
  statement: string;
  statement_sha256: string;
  signature: string;
}

export type NewSignoff = Omit<SignoffRow, 'id'>;

export function insertSignoff(db: Database, row: NewSignoff): void {
  db.prepare(
    `INSERT INTO signoffs (ingest_id, decision, reason, signer_person_id, signer_name, key_id, signed_at, statement, statement_sha256, signature)
     VALUES (@ingest_id, @decision, @reason, @signer_person_id, @signer_name, @key_id, @signed_at, @statement, @statement_sha256, @signature)`,
  ).run(row);
}

/** Every decision on an ingest, oldest first. */
export function signoffsOf(db: Database, ingestId: string): SignoffRow[] {
  return db.prepare('SELECT * FROM signoffs WHERE ingest_id = ? ORDER BY id').all(ingestId) as SignoffRow[];
}

/** The decision that stands for each ingest decided at all: its newest. */
export function latestSignoffs(db: Database): Map<string, SignoffRow> {
  const rows = db.prepare('SELECT * FROM signoffs WHERE id IN (SELECT MAX(id) FROM signoffs GROUP BY ingest_id)').all() as SignoffRow[];
  return new Map(rows.map((row) => [row.ingest_id, row]));
}

export function latestSignoffOf(db: Database, ingestId: string): SignoffRow | null {
  return (db.prepare('SELECT * FROM signoffs WHERE ingest_id = ? ORDER BY id DESC LIMIT 1').get(ingestId) as SignoffRow | undefined) ?? null;
}
