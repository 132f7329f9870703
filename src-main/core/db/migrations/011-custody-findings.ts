import type { Database } from 'better-sqlite3';

/**
 * Issue 8: attribution adds two kinds of finding, `officer-mismatch` (Art. 18 (3)) and
 * `outside-checkout` (Art. 5). SQLite cannot change a CHECK constraint in place, so the table is
 * made again with the wider list and its rows copied over, ids and all.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE ingest_findings_wider (
      id INTEGER PRIMARY KEY,
      ingest_id TEXT NOT NULL REFERENCES ingests(id),
      kind TEXT NOT NULL CHECK (kind IN ('timezone-mismatch', 'future-recording', 'sequence-gap', 'recording-gap', 'officer-mismatch', 'outside-checkout')),
      details_json TEXT NOT NULL
    );
    INSERT INTO ingest_findings_wider (id, ingest_id, kind, details_json) SELECT id, ingest_id, kind, details_json FROM ingest_findings;
    DROP TABLE ingest_findings;
    ALTER TABLE ingest_findings_wider RENAME TO ingest_findings;
    CREATE INDEX ingest_findings_by_ingest ON ingest_findings(ingest_id, id);
  `);
}
