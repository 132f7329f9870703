import { createHash } from 'node:crypto';
import type { AuditQuery } from '../../contract/index.js';
import { dayRange } from '../clock.js';
import type { Database } from '../db/index.js';
import { canonicalJson } from './canonical-json.js';

/** The hash before the first row. */
export const genesisHash = '0'.repeat(64);

export interface AuditEntry {
  at: number;
  actor: string;
  role: string;
  action: string;
  object: string | null;
  details: Record<string, unknown>;
}

export interface AuditLogRow {
  seq: number;
  at: number;
  actor: string;
  role: string;
  action: string;
  object: string | null;
  details_json: string;
  prev_hash: string;
  hash: string;
}

export interface CheckpointRow {
  id: number;
  seq: number;
  hash: string;
  at: number;
  signature: string;
}

/** SHA-256 over the previous row's hash and this row's canonical JSON (its sequence number included). */
export function rowHash(prevHash: string, seq: number, entry: AuditEntry): string {
  const body = canonicalJson({ seq, at: entry.at, actor: entry.actor, role: entry.role, action: entry.action, object: entry.object, details: entry.details });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

export const entryOf = (row: AuditLogRow): AuditEntry => ({
  at: row.at,
  actor: row.actor,
  role: row.role,
  action: row.action,
  object: row.object,
  details: JSON.parse(row.details_json) as Record<string, unknown>,
});

export function auditHead(db: Database): { seq: number; hash: string } {
  const last = db.prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; hash: string } | undefined;
  return last ?? { seq: 0, hash: genesisHash };
}

/**
 * Appends one row after the current head. Call it inside the transaction of the change it records:
 * the row and the change then land together or not at all.
 */
export function appendAuditRow(db: Database, entry: AuditEntry): { seq: number; hash: string } {
  const head = auditHead(db);
  const seq = head.seq + 1;
  const hash = rowHash(head.hash, seq, entry);
  db.prepare(
    'INSERT INTO audit_log (seq, at, actor, role, action, object, details_json, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
  ).run(seq, entry.at, entry.actor, entry.role, entry.action, entry.object, canonicalJson(entry.details), head.hash, hash);
  return { seq, hash };
}

/**
 * The rows a query asks for. Every filter walks the primary key in order and stops at `limit`, so a
 * page costs the rows it skips, not the whole log (no extra index, no count).
 */
export function auditRows(db: Database, query: AuditQuery, zone: string): AuditLogRow[] {
  const conditions = ['seq > ?'];
  const params: unknown[] = [query.sinceSeq];
  const add = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    params.push(...values);
  };
  if (query.beforeSeq !== undefined) add('seq < ?', query.beforeSeq);
  if (query.actor !== undefined) add('actor = ?', query.actor);
  if (query.action !== undefined) add('action = ?', query.action);
  // A prefix without LIKE: its % and _ would be wildcards in an object such as an ingest id.
  if (query.object !== undefined) add('substr(object, 1, length(?)) = ?', query.object, query.object);
  const { startMs, endMs } = dayRange(query.from, query.to, zone);
  if (startMs !== null) add('at >= ?', startMs);
  if (endMs !== null) add('at < ?', endMs);
  const direction = query.order === 'desc' ? 'DESC' : 'ASC';
  return db.prepare(`SELECT * FROM audit_log WHERE ${conditions.join(' AND ')} ORDER BY seq ${direction} LIMIT ?`).all(...params, query.limit) as AuditLogRow[];
}

/** Up to `limit` rows after `afterSeq`, in the order they are stored (seq is the rowid), for a walk a chunk at a time. */
export const auditRowsAfter = (db: Database, afterSeq: number, limit: number): AuditLogRow[] =>
  db.prepare('SELECT * FROM audit_log WHERE seq > ? ORDER BY seq LIMIT ?').all(afterSeq, limit) as AuditLogRow[];

export const auditHashes = (db: Database): string[] => db.prepare('SELECT hash FROM audit_log').pluck().all() as string[];

export function insertCheckpoint(db: Database, checkpoint: Omit<CheckpointRow, 'id'>): void {
  db.prepare('INSERT INTO audit_checkpoints (seq, hash, at, signature) VALUES (?, ?, ?, ?)').run(checkpoint.seq, checkpoint.hash, checkpoint.at, checkpoint.signature);
}

export const allCheckpoints = (db: Database): CheckpointRow[] => db.prepare('SELECT * FROM audit_checkpoints ORDER BY id').all() as CheckpointRow[];

export const lastCheckpoint = (db: Database): CheckpointRow | undefined =>
  db.prepare('SELECT * FROM audit_checkpoints ORDER BY id DESC LIMIT 1').get() as CheckpointRow | undefined;

/**
 * Every row about any of these exact objects (`recording:12`, not `recording:120`), oldest first,
 * for a custody report. One walk of the log, however many objects are named.
 */
export const auditRowsAbout = (db: Database, objects: readonly string[]): AuditLogRow[] =>
  db.prepare('SELECT * FROM audit_log WHERE object IN (SELECT value FROM json_each(?)) ORDER BY seq').all(JSON.stringify(objects)) as AuditLogRow[];
