import type { Settings } from '../../contract/index.js';
import type { Database } from '../db/database.js';
import { toAbsolute } from '../archive/layout.js';
import { analyzeClock } from '../clock-drift/analyze-clock.js';
import type { findCalibrationCode } from '../clock-drift/calibration-code.js';
import { gpsTimeFromTag } from '../clock-drift/clock-input.js';
import type { ClockInputFile } from '../clock-drift/types.js';
import type { MediaKind } from '../../contract/index.js';

interface SightingRow {
  id: number;
  source: string;
  archive_path: string;
  kind: MediaKind;
  recorded_at: string | null;
  duration_seconds: number | null;
  readable: number | null;
  tags_json: string;
}

/**
 * Art. 7: after the metadata is read, measure how far the recorder's clock was off and note what
 * the names and times show for review; store it with the ingest. Files are never changed: the
 * corrected time is kept beside the device time.
 */
export async function measureIngestClock(
  db: Database,
  dataDir: string,
  ingestId: string,
  options: { zone: string; settings: Settings; pluggedInAtMs: number | null; findCode: typeof findCalibrationCode },
): Promise<void> {
  const rows = db
    .prepare(
      `SELECT f.id, f.source_path AS source, r.archive_path, r.kind, r.recorded_at, r.duration_seconds, r.readable, r.tags_json
       FROM ingest_files f JOIN recordings r ON r.id = f.recording_id
       WHERE f.ingest_id = ? AND f.status IN ('archived', 'duplicate') ORDER BY f.id`,
    )
    .all(ingestId) as SightingRow[];
  const files: ClockInputFile[] = rows.map((row) => ({
    source: row.source,
    archivedPath: toAbsolute(dataDir, row.archive_path),
    kind: row.kind,
    recordedAt: row.recorded_at,
    durationSeconds: row.duration_seconds,
    gpsTime: gpsTimeFromTag((JSON.parse(row.tags_json) as Record<string, unknown>)['Composite:GPSDateTime']),
    readable: row.readable === null ? null : row.readable === 1,
  }));
  const analysis = await analyzeClock({
    files,
    pluggedInAtMs: options.pluggedInAtMs,
    zone: options.zone,
    toleranceSeconds: options.settings.driftToleranceSeconds,
    recordingGapSeconds: options.settings.recordingGapSeconds,
    extraNamePatterns: options.settings.namePatterns,
    findCode: options.findCode,
  });
  const setFileClock = db.prepare('UPDATE ingest_files SET device_time = ?, corrected_time = ? WHERE id = ?');
  const addFinding = db.prepare('INSERT INTO ingest_findings (ingest_id, kind, details_json) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const row of rows) {
      const clock = analysis.files[row.source];
      if (clock) setFileClock.run(clock.deviceTime, clock.correctedTime, row.id);
    }
    const { seconds, basis, exceedsTolerance, evidence } = analysis.clockDrift;
    db.prepare('UPDATE ingests SET drift_seconds = ?, drift_basis = ?, drift_exceeds = ?, drift_evidence = ? WHERE id = ?').run(
      seconds,
      basis,
      Number(exceedsTolerance),
      evidence,
      ingestId,
    );
    for (const finding of analysis.findings) addFinding.run(ingestId, finding.kind, JSON.stringify(finding));
  })();
}
