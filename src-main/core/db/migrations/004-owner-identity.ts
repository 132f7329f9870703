import type { Database } from 'better-sqlite3';

/**
 * Which process owns a running ingest, beyond its PID: PIDs are reused, so a crashed station's
 * ingest could look alive for as long as some other program holds its old number. Null where the
 * system gives no way to tell (then the PID alone decides, as before).
 */
export function up(db: Database): void {
  db.exec('ALTER TABLE ingests ADD COLUMN owner_identity TEXT');
}
