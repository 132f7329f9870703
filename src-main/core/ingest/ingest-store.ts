import type { Database } from '../db/index.js';
import type {
  ClockDrift,
  DriftBasis,
  MediaKind,
  FileStatus,
  Finding,
  IngestState,
  IngestTotals,
  ReasonCode,
  VerificationMethod,
} from '../../contract/index.js';
import { insertRecording, type NewRecording } from '../recordings/index.js';

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
  /** The owner's start, told apart from a later process given the same PID (see process-identity.ts). */
  owner_identity: string | null;
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

export type NewIngestRow = Omit<
  IngestRow,
  'drift_seconds' | 'drift_basis' | 'drift_exceeds' | 'drift_evidence' | 'state' | 'reason' | 'reason_code' | 'finished_at'
>;

export function insertIngest(db: Database, row: NewIngestRow): void {
  db.prepare(
    `INSERT INTO ingests (id, source_path, archive_dir, operator, station_name, source_label, owner_pid, owner_identity,
                          state, started_at, device_id, mountpoint, plugged_in_at)
     VALUES (@id, @source_path, @archive_dir, @operator, @station_name, @source_label, @owner_pid, @owner_identity,
             'running', @started_at, @device_id, @mountpoint, @plugged_in_at)`,
  ).run(row);
}

export const ingestFindings = (db: Database, ingestId: string): Finding[] =>
  (db.prepare('SELECT details_json FROM ingest_findings WHERE ingest_id = ? ORDER BY id').all(ingestId) as { details_json: string }[]).map(
    (row) => withReference(JSON.parse(row.details_json) as Finding),
  );

/** Findings stored before the reference time was named were all measured against a plug-in. */
function withReference(finding: Finding): Finding {
  if (finding.kind !== 'future-recording' || finding.reference !== undefined) return finding;
  const pluggedInAt = finding.pluggedInAt ?? '';
  return { ...finding, reference: 'plug-in', referenceAt: pluggedInAt, pluggedInAt };
}

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
    const id = insertRecording(db, recording);
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

/** A file this ingest archived or found again, with what the clock analysis reads of it. */
export interface ClockSighting {
  id: number;
  source: string;
  archive_path: string;
  kind: MediaKind;
  recorded_at: string | null;
  duration_seconds: number | null;
  readable: number | null;
  tags_json: string;
}

export const clockSightings = (db: Database, ingestId: string): ClockSighting[] =>
  db
    .prepare(
      `SELECT f.id, f.source_path AS source, r.archive_path, r.kind, r.recorded_at, r.duration_seconds, r.readable, r.tags_json
       FROM ingest_files f JOIN recordings r ON r.id = f.recording_id
       WHERE f.ingest_id = ? AND f.status IN ('archived', 'duplicate') ORDER BY f.id`,
    )
    .all(ingestId) as ClockSighting[];

/** What the clock analysis concluded for one ingest: stored in one transaction. */
export interface IngestClock {
  files: { sightingId: number; deviceTime: string | null; correctedTime: string | null }[];
  drift: ClockDrift;
  findings: Finding[];
}

export function saveIngestClock(db: Database, ingestId: string, clock: IngestClock): void {
  const setFileClock = db.prepare('UPDATE ingest_files SET device_time = ?, corrected_time = ? WHERE id = ?');
  const addFinding = db.prepare('INSERT INTO ingest_findings (ingest_id, kind, details_json) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const file of clock.files) setFileClock.run(file.deviceTime, file.correctedTime, file.sightingId);
    const { seconds, basis, exceedsTolerance, evidence } = clock.drift;
    db.prepare('UPDATE ingests SET drift_seconds = ?, drift_basis = ?, drift_exceeds = ?, drift_evidence = ? WHERE id = ?').run(
      seconds,
      basis,
      Number(exceedsTolerance),
      evidence,
      ingestId,
    );
    for (const finding of clock.findings) addFinding.run(ingestId, finding.kind, JSON.stringify(finding));
  })();
}
