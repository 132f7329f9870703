import type { Database } from 'better-sqlite3';

/**
 * What issue 3 adds to an ingest: where it came from (mount point, plug-in time on the station
 * clock), the recorder's clock drift and its basis (Art. 7), each file's device and corrected
 * time, the findings for review (Art. 12, 18), and the station's settings.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE settings (
      key TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );

    ALTER TABLE ingests ADD COLUMN mountpoint TEXT;
    ALTER TABLE ingests ADD COLUMN plugged_in_at INTEGER;
    ALTER TABLE ingests ADD COLUMN drift_seconds REAL;
    ALTER TABLE ingests ADD COLUMN drift_basis TEXT CHECK (drift_basis IN ('calibration-clip', 'gps', 'station-clock'));
    ALTER TABLE ingests ADD COLUMN drift_exceeds INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE ingests ADD COLUMN drift_evidence TEXT;

    ALTER TABLE ingest_files ADD COLUMN device_time TEXT;
    ALTER TABLE ingest_files ADD COLUMN corrected_time TEXT;

    CREATE TABLE ingest_findings (
      id INTEGER PRIMARY KEY,
      ingest_id TEXT NOT NULL REFERENCES ingests(id),
      kind TEXT NOT NULL CHECK (kind IN ('timezone-mismatch', 'future-recording', 'sequence-gap', 'recording-gap')),
      details_json TEXT NOT NULL
    );
    CREATE INDEX ingest_findings_by_ingest ON ingest_findings(ingest_id, id);
  `);
}
