import type { Database } from 'better-sqlite3';

/**
 * A file whose name is not UTF-8 (GBK bytes from a Chinese Windows system) is archived under a
 * UTF-8 name made from it; the bytes the device wrote are kept beside it, as hex, so nothing of
 * the original is lost. Null for every name that was UTF-8 already, and for every earlier sighting.
 */
export function up(db: Database): void {
  db.exec(`ALTER TABLE ingest_files ADD COLUMN original_name_hex TEXT;`);
}
