import type { Confidentiality } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { higherLevel, type GuardedRecording } from './access.js';

/** This store owns access_grants and the two confidentiality columns (recordings', checkouts'). */

/**
 * The join that gives a recording its effective level: the higher of its own and its activity's
 * (the check-out whose window holds it). Other stores reading recordings use the same expression.
 */
export const checkoutLevelJoin = 'LEFT JOIN checkouts lc ON lc.id = r.checkout_id';

interface GuardRow {
  id: number;
  ingest_id: string;
  officer_id: number | null;
  own: Confidentiality;
  activity: Confidentiality | null;
}

const toGuard = (row: GuardRow): GuardedRecording => ({
  id: row.id,
  ingestId: row.ingest_id,
  officerId: row.officer_id,
  level: higherLevel(row.own, row.activity ?? 'none'),
});

const guardColumns = `SELECT r.id, r.ingest_id, r.officer_id, r.confidentiality AS own, lc.confidentiality AS activity FROM recordings r ${checkoutLevelJoin}`;

/** One recording as the access rule needs it, or undefined when there is no such recording. */
export function guardedRecording(db: Database, id: number): GuardedRecording | undefined {
  const row = db.prepare(`${guardColumns} WHERE r.id = ?`).get(id) as GuardRow | undefined;
  return row && toGuard(row);
}

/** Every recording whose effective level is above none: the only ones anyone may be kept from. */
export function classifiedRecordings(db: Database): GuardedRecording[] {
  const rows = db.prepare(`${guardColumns} WHERE r.confidentiality != 'none' OR lc.confidentiality != 'none'`).all() as GuardRow[];
  return rows.map(toGuard);
}

export type ClassifyTarget = { recordingId: number } | { ingestId: string } | { checkoutId: number };

/** The own levels a classification would replace: recordings' for a recording or an ingest, the check-out's for an activity. Null: no such target. */
export function currentLevels(db: Database, target: ClassifyTarget): Confidentiality[] | null {
  if ('checkoutId' in target) {
    const row = db.prepare('SELECT confidentiality AS level FROM checkouts WHERE id = ?').get(target.checkoutId) as { level: Confidentiality } | undefined;
    return row ? [row.level] : null;
  }
  if ('recordingId' in target) {
    const row = db.prepare('SELECT confidentiality AS level FROM recordings WHERE id = ?').get(target.recordingId) as { level: Confidentiality } | undefined;
    return row ? [row.level] : null;
  }
  if (db.prepare('SELECT 1 FROM ingests WHERE id = ?').get(target.ingestId) === undefined) return null;
  return (db.prepare('SELECT confidentiality AS level FROM recordings WHERE ingest_id = ?').all(target.ingestId) as { level: Confidentiality }[]).map((row) => row.level);
}

/** Sets the level; answers how many recordings it now covers (an activity's: those its window holds). */
export function setLevel(db: Database, target: ClassifyTarget, level: Confidentiality): number {
  if ('checkoutId' in target) {
    db.prepare('UPDATE checkouts SET confidentiality = ? WHERE id = ?').run(level, target.checkoutId);
    return (db.prepare('SELECT COUNT(*) AS n FROM recordings WHERE checkout_id = ?').get(target.checkoutId) as { n: number }).n;
  }
  if ('recordingId' in target) return db.prepare('UPDATE recordings SET confidentiality = ? WHERE id = ?').run(level, target.recordingId).changes;
  return db.prepare('UPDATE recordings SET confidentiality = ? WHERE ingest_id = ?').run(level, target.ingestId).changes;
}

export interface GrantRow {
  id: number;
  person_id: number;
  name: string;
  recording_id: number | null;
  ingest_id: string | null;
  until_ms: number;
  granted_by: string;
  granted_at: number;
}

const grantColumns = `SELECT g.id, g.person_id, p.name, g.recording_id, g.ingest_id, g.until_ms, g.granted_by, g.granted_at
  FROM access_grants g JOIN people p ON p.id = g.person_id`;

export function insertGrant(
  db: Database,
  grant: { personId: number; recordingId: number | null; ingestId: string | null; untilMs: number; grantedBy: string; grantedAt: number },
): GrantRow {
  const { lastInsertRowid } = db
    .prepare('INSERT INTO access_grants (person_id, recording_id, ingest_id, until_ms, granted_by, granted_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(grant.personId, grant.recordingId, grant.ingestId, grant.untilMs, grant.grantedBy, grant.grantedAt);
  return db.prepare(`${grantColumns} WHERE g.id = ?`).get(lastInsertRowid) as GrantRow;
}

/** Every grant, newest first (expired ones too: they are the record of who was let see what). */
export const grantRows = (db: Database): GrantRow[] => db.prepare(`${grantColumns} ORDER BY g.id DESC`).all() as GrantRow[];

export const recordingExists = (db: Database, id: number): boolean => db.prepare('SELECT 1 FROM recordings WHERE id = ?').get(id) !== undefined;
export const ingestExists = (db: Database, id: string): boolean => db.prepare('SELECT 1 FROM ingests WHERE id = ?').get(id) !== undefined;
