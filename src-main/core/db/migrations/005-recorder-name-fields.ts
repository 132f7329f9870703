import type { Database } from 'better-sqlite3';

/**
 * What a GA/T 947 file name says beyond the serial, kept per recording: the officer number and
 * the important mark (issue 3 asked for both). Recordings archived before this are read once when
 * the station starts (`name_read` = 0), with the patterns of that day.
 */
export function up(db: Database): void {
  db.exec(`
    ALTER TABLE recordings ADD COLUMN officer_number TEXT;
    ALTER TABLE recordings ADD COLUMN important INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE recordings ADD COLUMN name_read INTEGER NOT NULL DEFAULT 0;
    CREATE INDEX recordings_by_officer ON recordings(officer_number);
  `);
}
