import { prepared, writeTransaction, type Database } from '../db/index.js';
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
  /** The zone MP4 header times were read in; null before the clock was measured (read as UTC). */
  metadata_zone: string | null;
}

export interface IngestFileRow {
  source_path: string;
  original_name_hex: string | null;
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
  readable: number | null;
  problem: string | null;
  duration_seconds: number | null;
}

export type NewIngestRow = Omit<
  IngestRow,
  'drift_seconds' | 'drift_basis' | 'drift_exceeds' | 'drift_evidence' | 'metadata_zone' | 'state' | 'reason' | 'reason_code' | 'finished_at'
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
    /** The bytes of `sourcePath` as the device wrote them (hex), when they are not UTF-8. */
    originalNameHex: string | null;
    size: number;
    sourceMtime: number | null;
    status: FileStatus;
    sha256: string | null;
    recordingId: number | null;
    reason: Reason | null;
    at: number;
  },
): void {
  prepared(
    db,
    `INSERT INTO ingest_files (ingest_id, source_path, original_name_hex, size, source_mtime, status, sha256, recording_id, reason, reason_code, at)
     VALUES (@ingestId, @sourcePath, @originalNameHex, @size, @sourceMtime, @status, @sha256, @recordingId, @reason, @reasonCode, @at)`,
  ).run({ ...sighting, reason: sighting.reason?.message ?? null, reasonCode: sighting.reason?.code ?? null });
}

/** The recording and its first sighting are one transaction: a file is archived in the index or not at all. */
export function insertArchivedFile(db: Database, file: NewRecording & { originalNameHex: string | null }): number {
  const { originalNameHex, ...recording } = file;
  return writeTransaction(db, () => {
    const id = insertRecording(db, recording);
    recordSighting(db, {
      ingestId: recording.ingestId,
      sourcePath: recording.originalPath,
      originalNameHex,
      size: recording.size,
      sourceMtime: recording.sourceMtime,
      status: 'archived',
      sha256: recording.sha256,
      recordingId: id,
      reason: null,
      at: recording.archivedAt,
    });
    return id;
  });
}

/** A file with this name, size and time was archived before: worth hashing the source to confirm. */
export const seenBefore = (db: Database, sourcePath: string, size: number, mtime: number): boolean =>
  prepared(
    db,
    `SELECT 1 FROM ingest_files WHERE source_path = ? AND size = ? AND source_mtime = ? AND status IN ('archived', 'duplicate') LIMIT 1`,
  ).get(sourcePath, size, mtime) !== undefined;

export const ingestFiles = (db: Database, ingestId: string): IngestFileRow[] =>
  db
    .prepare(
      `SELECT f.source_path, f.original_name_hex, f.size, f.status, f.sha256, f.reason, f.reason_code, r.archive_path, r.recorded_at, r.verification,
              f.device_time, f.corrected_time, r.readable, r.problem, r.duration_seconds
       FROM ingest_files f LEFT JOIN recordings r ON r.id = f.recording_id
       WHERE f.ingest_id = ? ORDER BY f.id`,
    )
    .all(ingestId) as IngestFileRow[];

export function ingestTotals(db: Database, ingestId: string): IngestTotals {
  // A file a cancel or a crash stopped the ingest before is not a failure of that file: counted apart.
  const rows = db
    .prepare(
      `SELECT CASE WHEN status = 'failed' AND reason_code IN ('cancelled', 'interrupted') THEN 'notReached' ELSE status END AS counted,
              COUNT(*) AS n, COALESCE(SUM(size), 0) AS bytes
         FROM ingest_files WHERE ingest_id = ? GROUP BY counted`,
    )
    .all(ingestId) as { counted: FileStatus | 'notReached'; n: number; bytes: number }[];
  const totals: IngestTotals = { files: 0, bytes: 0, archived: 0, duplicate: 0, skipped: 0, failed: 0, notReached: 0 };
  for (const row of rows) {
    totals[row.counted] = row.n;
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
  recorded_at_source: string | null;
  duration_seconds: number | null;
  readable: number | null;
  tags_json: string;
}

export const clockSightings = (db: Database, ingestId: string): ClockSighting[] =>
  db
    .prepare(
      `SELECT f.id, f.source_path AS source, r.archive_path, r.kind, r.recorded_at, r.recorded_at_source, r.duration_seconds, r.readable, r.tags_json
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
  writeTransaction(db, () => {
    for (const file of clock.files) setFileClock.run(file.deviceTime, file.correctedTime, file.sightingId);
    const { seconds, basis, exceedsTolerance, evidence, metadataZone } = clock.drift;
    db.prepare(
      'UPDATE ingests SET drift_seconds = ?, drift_basis = ?, drift_exceeds = ?, drift_evidence = ?, metadata_zone = ? WHERE id = ?',
    ).run(seconds, basis, Number(exceedsTolerance), evidence, metadataZone, ingestId);
    for (const finding of clock.findings) addFinding.run(ingestId, finding.kind, JSON.stringify(finding));
  });
}

/** The source paths of every ingest no device is tied to, by ingest. */
export function unlinkedIngestFiles(db: Database): Map<string, string[]> {
  const rows = db
    .prepare('SELECT f.ingest_id, f.source_path FROM ingest_files f JOIN ingests i ON i.id = f.ingest_id WHERE i.device_id IS NULL')
    .all() as { ingest_id: string; source_path: string }[];
  const byIngest = new Map<string, string[]>();
  for (const row of rows) {
    const paths = byIngest.get(row.ingest_id);
    if (paths) paths.push(row.source_path);
    else byIngest.set(row.ingest_id, [row.source_path]);
  }
  return byIngest;
}

/** Ties ingests that named no device to one registered later; an ingest already tied keeps its device. */
export function linkIngestsToDevice(db: Database, deviceId: number, ingestIds: readonly string[]): void {
  const link = db.prepare('UPDATE ingests SET device_id = ? WHERE id = ? AND device_id IS NULL');
  writeTransaction(db, () => {
    for (const ingestId of ingestIds) link.run(deviceId, ingestId);
  });
}

/** When an earlier ingest last found files this one found again as duplicates (epoch ms), or null. */
export function earlierSighting(db: Database, ingest: { id: string; started_at: number }): number | null {
  const row = db
    .prepare(
      `SELECT MAX(i.started_at) AS at FROM ingest_files f JOIN ingests i ON i.id = f.ingest_id
       WHERE f.ingest_id != @id AND i.started_at <= @started
         AND f.recording_id IN (SELECT recording_id FROM ingest_files WHERE ingest_id = @id AND status = 'duplicate')`,
    )
    .get({ id: ingest.id, started: ingest.started_at }) as { at: number | null };
  return row.at;
}

/** A file this ingest archived, at its drift-corrected start (device time where none was measured). */
export interface ArchivedTime {
  recording_id: number;
  source: string;
  kind: MediaKind;
  officer_number: string | null;
  duration_seconds: number | null;
  at_ms: number | null;
}

export const archivedTimes = (db: Database, ingestId: string): ArchivedTime[] =>
  db
    .prepare(
      `SELECT r.id AS recording_id, f.source_path AS source, r.kind, r.officer_number, r.duration_seconds,
         COALESCE(CAST(unixepoch(COALESCE(f.corrected_time, f.device_time), 'subsec') * 1000 AS INTEGER), r.recorded_at_ms) AS at_ms
       FROM ingest_files f JOIN recordings r ON r.id = f.recording_id
       WHERE f.ingest_id = ? AND f.status = 'archived' ORDER BY at_ms, f.id`,
    )
    .all(ingestId) as ArchivedTime[];

/** The ingests of a device, oldest first: attribution runs over them again when its ledger changes. */
export const ingestsOfDevice = (db: Database, deviceId: number): string[] =>
  (db.prepare('SELECT id FROM ingests WHERE device_id = ? ORDER BY started_at').all(deviceId) as { id: string }[]).map((row) => row.id);

/**
 * What attribution found, in place of what it found before (the ledger may have changed since).
 * A pause a work record (Art. 12) names stays, as the record explains it: the record refers to it,
 * and the same pause found again is not added twice.
 */
export function replaceAttributionFindings(db: Database, ingestId: string, findings: readonly Finding[]): void {
  db.prepare(
    `DELETE FROM ingest_findings WHERE ingest_id = ?
       AND (kind IN ('officer-mismatch', 'outside-checkout') OR (kind = 'recording-gap' AND json_extract(details_json, '$.activity') IS NOT NULL))
       AND id NOT IN (SELECT gap_finding_id FROM work_records WHERE gap_finding_id IS NOT NULL)`,
  ).run(ingestId);
  const kept = new Set(
    (db.prepare('SELECT details_json FROM ingest_findings WHERE ingest_id = ? AND id IN (SELECT gap_finding_id FROM work_records)').all(ingestId) as { details_json: string }[]).map(
      (row) => row.details_json,
    ),
  );
  const add = db.prepare('INSERT INTO ingest_findings (ingest_id, kind, details_json) VALUES (?, ?, ?)');
  for (const finding of findings) {
    const details = JSON.stringify(finding);
    if (!kept.has(details)) add.run(ingestId, finding.kind, details);
  }
}
