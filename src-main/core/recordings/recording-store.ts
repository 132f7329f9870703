import { prepared, recomputableWrite, type Database } from '../db/index.js';
import { toAbsolute } from '../archive/index.js';
import { fileClock } from '../clock-drift/index.js';
import { maskedName, type Confidentiality, type DriftBasis, type MediaKind, type Recording, type RecordingDetail, type RecordingQuery, type VerificationMethod } from '../../contract/index.js';
import { checkoutLevelJoin, higherLevel } from '../confidentiality/index.js';
import { asStationWallClock, type MediaMetadata } from '../media/index.js';
import { recorderSerial } from '../recorder-names/index.js';
import { orderClause, whereClause } from './recording-query.js';
import { readProblem, storedProblem } from './stored-problem.js';

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
  /** From the GA/T 947 file name: the officer who recorded it, and whether they marked it important. */
  officerNumber: string | null;
  important: boolean;
}

/** A verified file enters the index; its metadata follows later (`saveMetadata`). */
export function insertRecording(db: Database, recording: NewRecording): number {
  const { lastInsertRowid } = prepared(
    db,
    `INSERT INTO recordings (sha256, verified_sha256, verification, size, ingest_id, archive_path, original_path, source_mtime, archived_at, kind,
                             officer_number, important, name_read)
     VALUES (@sha256, @verifiedSha256, @verification, @size, @ingestId, @archivePath, @originalPath, @sourceMtime, @archivedAt, @kind,
             @officerNumber, @important, 1)`,
  ).run({ ...recording, important: Number(recording.important) });
  return Number(lastInsertRowid);
}

export const recordingIdByHash = (db: Database, sha256: string): number | undefined =>
  (prepared(db, 'SELECT id FROM recordings WHERE sha256 = ?').get(sha256) as { id: number } | undefined)?.id;

/** What one ingest's bag holds: only files archived by it, as the index knows them. */
export const bagEntries = (db: Database, ingestId: string) =>
  db
    .prepare('SELECT sha256, original_path AS path, size FROM recordings WHERE ingest_id = ? ORDER BY id')
    .all(ingestId) as { sha256: string; path: string; size: number }[];

interface RecordingRow {
  id: number;
  sha256: string;
  verified_sha256: string;
  verification: VerificationMethod;
  size: number;
  ingest_id: string;
  archive_path: string;
  original_path: string;
  archived_at: number;
  kind: MediaKind;
  recorded_at: string | null;
  recorded_at_source: string | null;
  duration_seconds: number | null;
  codec: string | null;
  width: number | null;
  height: number | null;
  readable: number | null;
  problem: string | null;
  tags_json: string;
  device: string | null;
  ingest_device_id: number | null;
  /** The device was confirmed to write local time into UTC header tags. */
  local_time: number | null;
  officer_number: string | null;
  important: number;
  officer_id: number | null;
  checkout_id: number | null;
  officer_name: string | null;
  officer_person_number: string | null;
  confidentiality: Confidentiality;
  checkout_level: Confidentiality | null;
}

/** The registered device (name and serial) where the ingest knew it, else the camera model the file names, else the source. */
const selectRecording = `
  SELECT r.*, COALESCE(
      CASE WHEN d.id IS NULL THEN NULL WHEN d.name IS NULL THEN d.serial ELSE d.name || ' (' || d.serial || ')' END,
      json_extract(r.tags_json, '$."EXIF:Model"'), json_extract(r.tags_json, '$."QuickTime:Model"'),
      i.source_label) AS device, i.device_id AS ingest_device_id, d.metadata_local_time AS local_time,
    p.name AS officer_name, p.officer_number AS officer_person_number, lc.confidentiality AS checkout_level
  FROM recordings r JOIN ingests i ON i.id = r.ingest_id LEFT JOIN devices d ON d.id = i.device_id
    LEFT JOIN people p ON p.id = r.officer_id ${checkoutLevelJoin}`;

function toRecording(row: RecordingRow, dataDir: string, zone: string, iso: (ms: number) => string): Recording {
  return {
    id: row.id,
    sha256: row.sha256,
    size: row.size,
    archivePath: toAbsolute(dataDir, row.archive_path),
    originalName: row.original_path,
    kind: row.kind,
    // Stored as read; shown on the station's clock once the recorder is confirmed to write local time.
    recordedAt: row.local_time === 1 && row.recorded_at !== null ? asStationWallClock(row.recorded_at, row.recorded_at_source, zone) : row.recorded_at,
    durationSeconds: row.duration_seconds,
    device: row.device,
    ingestId: row.ingest_id,
    archivedAt: iso(row.archived_at),
    readable: row.readable === null ? null : row.readable === 1,
    officerNumber: row.officer_number,
    important: row.important === 1,
    officer: row.officer_id === null ? null : { id: row.officer_id, name: row.officer_name ?? '', officerNumber: row.officer_person_number },
    checkoutId: row.checkout_id,
    confidentiality: higherLevel(row.confidentiality, row.checkout_level ?? 'none'),
    masked: false,
    // The sign-off belongs to the signoff capability: the recordings module fills it in.
    signoff: null,
  };
}

/**
 * A recording the caller may not see, as a list shows it: that it exists (the archive's count and
 * its integrity stay checkable: hash, size, ingest), nothing of what it shows or who recorded it.
 */
function masked(recording: Recording): Recording {
  return {
    ...recording,
    archivePath: maskedName,
    originalName: maskedName,
    recordedAt: null,
    durationSeconds: null,
    officerNumber: null,
    officer: null,
    masked: true,
  };
}

/** Who recorded it and under which check-out, as attribution concluded (nulls: not attributed). */
export function setRecordingAttribution(db: Database, id: number, officerId: number | null, checkoutId: number | null): void {
  prepared(db, 'UPDATE recordings SET officer_id = ?, checkout_id = ? WHERE id = ?').run(officerId, checkoutId, id);
}

export function listRecordings(
  db: Database,
  dataDir: string,
  query: RecordingQuery,
  options: { zone: string; iso: (ms: number) => string; hidden: ReadonlySet<number> },
) {
  const { zone, iso, hidden } = options;
  const where = whereClause(query, zone, [...hidden]);
  const total = (
    db.prepare(`SELECT COUNT(*) AS n FROM recordings r JOIN ingests i ON i.id = r.ingest_id LEFT JOIN devices d ON d.id = i.device_id ${where.sql}`).get(...where.params) as {
      n: number;
    }
  ).n;
  const rows = db
    .prepare(`${selectRecording} ${where.sql} ${orderClause(query, zone)} LIMIT ? OFFSET ?`)
    .all(...where.params, query.limit, query.offset) as RecordingRow[];
  return {
    total,
    rows: rows.map((row) => {
      const recording = toRecording(row, dataDir, zone, iso);
      return hidden.has(row.id) ? masked(recording) : recording;
    }),
  };
}

export function getRecording(
  db: Database,
  dataDir: string,
  id: number,
  options: { zone: string; iso: (ms: number) => string; namePatterns: readonly string[] },
): RecordingDetail | undefined {
  const { iso, zone } = options;
  const row = db.prepare(`${selectRecording} WHERE r.id = ?`).get(id) as RecordingRow | undefined;
  if (!row) return undefined;
  const sightings = db
    .prepare('SELECT ingest_id AS ingestId, source_path AS source, at FROM ingest_files WHERE recording_id = ? ORDER BY id')
    .all(id) as { ingestId: string; source: string; at: number }[];
  const clock = db
    .prepare(
      `SELECT f.device_time, f.corrected_time, i.drift_seconds, i.drift_basis
       FROM ingest_files f JOIN ingests i ON i.id = f.ingest_id
       WHERE f.recording_id = ? AND f.status = 'archived'`,
    )
    .get(id) as { device_time: string | null; corrected_time: string | null; drift_seconds: number | null; drift_basis: DriftBasis } | undefined;
  const problem = readProblem(row.problem);
  // The findings are the ingests' (their store writes them); read here, as the sightings are, to show beside the time.
  const zoneFinding = db
    .prepare(
      `SELECT json_extract(g.details_json, '$.hours') AS hours
       FROM ingest_files f JOIN ingest_findings g ON g.ingest_id = f.ingest_id
       WHERE f.recording_id = ? AND g.kind = 'timezone-mismatch' AND json_extract(g.details_json, '$.source') = f.source_path
       ORDER BY g.id DESC LIMIT 1`,
    )
    .get(id) as { hours: number } | undefined;
  return {
    ...toRecording(row, dataDir, zone, iso),
    clock: clock ? fileClock(clock.device_time, clock.corrected_time, clock.drift_seconds, clock.drift_basis) : null,
    sourceSha256: row.sha256,
    verifiedSha256: row.verified_sha256,
    verification: row.verification,
    recordedAtSource: row.recorded_at_source,
    codec: row.codec,
    width: row.width,
    height: row.height,
    // Once the recorder is confirmed to write local time, the time shown agrees with its names again.
    nameTimeOffHours: row.local_time === 1 ? null : (zoneFinding?.hours ?? null),
    problem: problem?.text ?? null,
    problemCode: problem?.code ?? null,
    playsSeconds: problem?.playsSeconds ?? null,
    metadata: JSON.parse(row.tags_json) as Record<string, unknown>,
    sightings: sightings.map((s) => ({ ...s, at: iso(s.at) })),
    unregisteredSerial: row.ingest_device_id === null ? recorderSerial(row.original_path, options.namePatterns) : null,
  };
}

export const allRecordedPaths = (db: Database) =>
  db.prepare('SELECT id, ingest_id AS ingestId, archive_path AS archivePath, sha256, size FROM recordings ORDER BY id').all() as {
    id: number;
    ingestId: string;
    archivePath: string;
    sha256: string;
    size: number;
  }[];

export const pendingMetadata = (db: Database) =>
  db.prepare(`SELECT id, archive_path AS archivePath FROM recordings WHERE metadata_state = 'pending' ORDER BY id`).all() as {
    id: number;
    archivePath: string;
  }[];

/** The row stays `pending` until this commits, and the next ingest describes pending ones again: see recomputableWrite. */
export function saveMetadata(db: Database, id: number, metadata: MediaMetadata, recordedAtMs: number | null): void {
  const update = prepared(
    db,
    `UPDATE recordings SET metadata_state = 'done', kind = ?, recorded_at = ?, recorded_at_ms = ?, recorded_at_source = ?,
       duration_seconds = ?, codec = ?, width = ?, height = ?, readable = ?, problem = ?, tags_json = ?
     WHERE id = ?`,
  );
  recomputableWrite(db, () => update.run(
    metadata.kind,
    metadata.recordedAt,
    recordedAtMs,
    metadata.recordedAtSource,
    metadata.durationSeconds,
    metadata.codec,
    metadata.width,
    metadata.height,
    metadata.readable === null ? null : Number(metadata.readable),
    storedProblem(metadata.problem),
    JSON.stringify(metadata.tags),
    id,
  ));
}

export const recordingFile = (db: Database, id: number) =>
  db.prepare('SELECT archive_path AS archivePath, size, kind, original_path AS name FROM recordings WHERE id = ?').get(id) as
    | { archivePath: string; size: number; kind: MediaKind; name: string }
    | undefined;

/** Recordings whose file name has not been read for its officer number and important mark. */
export const recordingsWithUnreadNames = (db: Database) =>
  db.prepare('SELECT id, original_path AS originalPath FROM recordings WHERE name_read = 0 ORDER BY id').all() as {
    id: number;
    originalPath: string;
  }[];

export function saveNameFields(db: Database, id: number, fields: { officerNumber: string | null; important: boolean }): void {
  db.prepare('UPDATE recordings SET officer_number = ?, important = ?, name_read = 1 WHERE id = ?').run(
    fields.officerNumber,
    Number(fields.important),
    id,
  );
}

/** A video's content hash, its archived file and its length: what a thumbnail is made from. Null for anything else. */
export function thumbnailSource(db: Database, dataDir: string, id: number): { sha256: string; path: string; durationSeconds: number | null } | null {
  const row = db.prepare(`SELECT sha256, archive_path AS archivePath, duration_seconds AS durationSeconds FROM recordings WHERE id = ? AND kind = 'video'`).get(id) as
    | { sha256: string; archivePath: string; durationSeconds: number | null }
    | undefined;
  return row ? { sha256: row.sha256, path: toAbsolute(dataDir, row.archivePath), durationSeconds: row.durationSeconds } : null;
}
