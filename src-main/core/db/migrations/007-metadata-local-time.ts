import type { Database } from 'better-sqlite3';

/**
 * Issue 7: a device the clerk has confirmed writes local wall time where the MP4 header should
 * hold UTC (`QuickTime:CreateDate`, common among body cameras), and, per ingest, the zone its
 * header times were read in, so the clock report says how a time was reached. Numbered 007: 006
 * is taken by another change of issue 7; only `devices` and `ingests` gain a column here.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE devices ADD COLUMN metadata_local_time INTEGER NOT NULL DEFAULT 0 CHECK (metadata_local_time IN (0, 1));
    ALTER TABLE ingests ADD COLUMN metadata_zone TEXT;
  `);
}
