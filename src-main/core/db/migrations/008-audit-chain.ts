import type { Database } from 'better-sqlite3';

/**
 * Art. 18: nobody may alter or remove what happened. Every change and every view of evidence is a
 * row of a hash chain (each row's hash covers the one before), kept append-only by triggers, with
 * checkpoints of the chain's head signed by the station's own key.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE audit_log (
      seq INTEGER PRIMARY KEY,
      at INTEGER NOT NULL,
      actor TEXT NOT NULL,
      role TEXT NOT NULL,
      action TEXT NOT NULL,
      object TEXT,
      details_json TEXT NOT NULL,
      prev_hash TEXT NOT NULL,
      hash TEXT NOT NULL
    );
    CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
    CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
      BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

    CREATE TABLE audit_checkpoints (
      id INTEGER PRIMARY KEY,
      seq INTEGER NOT NULL,
      hash TEXT NOT NULL,
      at INTEGER NOT NULL,
      signature TEXT NOT NULL
    );
    CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
    CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
      BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
  `);
}
