import type { Database } from '../db/database.js';
import type {
  DriftBasis,
  FileStatus,
  Finding,
  IngestState,
  IngestTotals,
  MediaKind,
  ReasonCode,
  VerificationMethod,
} from '../../contract/index.js';

/** Why a file or an ingest did not end well: a code the interface translates, and the detail. */
export interface Reason {
  code: ReasonCode;
  message: string;
}

export interface IngestRow {
  id: string;
  source_path: string;
  archive_dir: string;
  operator: string;
  station_name: string;
  source_label: string | null;
  owner_pid: number;
  state: IngestState;
  reason: string | null;
  reason_code: ReasonCode | null;
  started_at: number;
  finished_at: number | null;
  device_id: number | null;
  mountpoint: string | null;
  plugged_in_at: number | null;
  drift_seconds: number | null;
  drift_basis: DriftBasis;
  drift_exceeds: number;
  drift_evidence: string | null;
}

export interface IngestFileRow {
  source_path: string;
  size: number;
  status: FileStatus;
  sha256: string | null;
  reason: string | null;
  reason_code: ReasonCode | null;
  archive_path: string | null;
  recorded_at: string | null;
  verification: VerificationMethod | null;
  device_time: string | null;
  corrected_time: string | null;
}

export interface NewRecording {
  sha256: string;
  verifiedSha256: string;
  verification: VerificationMethod;
  size: number;
  ingestId: string;
  archivePath: string;
  originalPath: string;
  sourceMtime: number;
  archivedAt: number;
  kind: MediaKind;
}

export type NewIngestRow = Omit<
  IngestRow,
  'drift_seconds' | 'drift_basis' | 'drift_exceeds' | 'drift_evidence' | 'state' | 'reason' | 'reason_code' | 'finished_at'
>;

export function insertIngest(db: Database, row: NewIngestRow): void {
  db.prepare(
    `INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, source_label, owner_pid, state, started_at,
                          device_id, mountpoint, plugged_in_at)
     VALUES (@id, @source_path, @archive_dir, @operator, @station_name, @source_label, @owner_pid, 'running', @started_at,
             @device_id, @mountpoint, @plugged_in_at)`,
  ).run(row);
}

export const ingestFindings = (db: Database, ingestId: string): Finding[] =>
  (db.prepare('SELECT details_json FROM ingest_findings WHERE ingest_id = ? ORDER BY id').all(ingestId) as { details_json: string }[]).map(
    (row) => JSON.parse(row.details_json) as Finding,
  );

export const findingCount = (db: Database, ingestId: string): number =>
  (db.prepare('SELECT COUNT(*) AS n FROM ingest_findings WHERE ingest_id = ?').get(ingestId) as { n: number }).n;

export function finishIngest(db: Database, id: string, state: IngestState, reason: Reason | null, at: number): void {
  db.prepare('UPDATE ingests SET state = ?, reason = ?, reason_code = ?, finished_at = ? WHERE id = ?').run(
    state,
    reason?.message ?? null,
    reason?.code ?? null,
    at,
    id,
  );
}

export const getIngest = (db: Database, id: string): IngestRow | undefined =>
  db.prepare('SELECT * FROM ingests WHERE id = ?').get(id) as IngestRow | undefined;

export const listIngests = (db: Database, limit: number): IngestRow[] =>
  db.prepare('SELECT * FROM ingests ORDER BY started_at DESC, id DESC LIMIT ?').all(limit) as IngestRow[];

export const runningIngests = (db: Database): IngestRow[] =>
  db.prepare(`SELECT * FROM ingests WHERE state = 'running'`).all() as IngestRow[];

export function recordSighting(
  db: Database,
  sighting: {
    ingestId: string;
    sourcePath: string;
    size: number;
    sourceMtime: number | null;
    status: FileStatus;
    sha256: string | null;
    recordingId: number | null;
    reason: Reason | null;
    at: number;
  },
): void {
  db.prepare(
    `INSERT INTO ingest_files (ingest_id, source_path, size, source_mtime, status, sha256, recording_id, reason, reason_code, at)
     VALUES (@ingestId, @sourcePath, @size, @sourceMtime, @status, @sha256, @recordingId, @reason, @reasonCode, @at)`,
  ).run({ ...sighting, reason: sighting.reason?.message ?? null, reasonCode: sighting.reason?.code ?? null });
}

/** The recording and its first sighting are one transaction: a file is archived in the index or not at all. */
export function insertArchivedFile(db: Database, recording: NewRecording): number {
  return db.transaction(() => {
    const { lastInsertRowid } = db
      .prepare(
        `INSERT INTO recordings (sha256, verified_sha256, verification, size, ingest_id, archive_path, original_path, source_mtime, archived_at, kind)
         VALUES (@sha256, @verifiedSha256, @verification, @size, @ingestId, @archivePath, @originalPath, @sourceMtime, @archivedAt, @kind)`,
      )
      .run(recording);
    const id = Number(lastInsertRowid);
    recordSighting(db, {
      ingestId: recording.ingestId,
      sourcePath: recording.originalPath,
      size: recording.size,
      sourceMtime: recording.sourceMtime,
      status: 'archived',
      sha256: recording.sha256,
      recordingId: id,
      reason: null,
      at: recording.archivedAt,
    });
    return id;
  })();
}

export const recordingIdByHash = (db: Database, sha256: string): number | undefined =>
  (db.prepare('SELECT id FROM recordings WHERE sha256 = ?').get(sha256) as { id: number } | undefined)?.id;

/** A file with this name, size and time was archived before: worth hashing the source to confirm. */
export const seenBefore = (db: Database, sourcePath: string, size: number, mtime: number): boolean =>
  db
    .prepare(
      `SELECT 1 FROM ingest_files WHERE source_path = ? AND size = ? AND source_mtime = ? AND status IN ('archived', 'duplicate') LIMIT 1`,
    )
    .get(sourcePath, size, mtime) !== undefined;

export const ingestFiles = (db: Database, ingestId: string): IngestFileRow[] =>
  db
    .prepare(
      `SELECT f.source_path, f.size, f.status, f.sha256, f.reason, f.reason_code, r.archive_path, r.recorded_at, r.verification,
              f.device_time, f.corrected_time
       FROM ingest_files f LEFT JOIN recordings r ON r.id = f.recording_id
       WHERE f.ingest_id = ? ORDER BY f.id`,
    )
    .all(ingestId) as IngestFileRow[];

export function ingestTotals(db: Database, ingestId: string): IngestTotals {
  const rows = db
    .prepare('SELECT status, COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes FROM ingest_files WHERE ingest_id = ? GROUP BY status')
    .all(ingestId) as { status: FileStatus; n: number; bytes: number }[];
  const totals: IngestTotals = { files: 0, bytes: 0, archived: 0, duplicate: 0, skipped: 0, failed: 0 };
  for (const row of rows) {
    totals[row.status] = row.n;
    totals.files += row.n;
    totals.bytes += row.bytes;
  }
  return totals;
}

/** What this ingest's bag holds: only files archived by it, as the index knows them. */
export const bagEntries = (db: Database, ingestId: string) =>
  db
    .prepare('SELECT sha256, original_path AS path, size FROM recordings WHERE ingest_id = ? ORDER BY id')
    .all(ingestId) as { sha256: string; path: string; size: number }[];
