import type { Database } from 'better-sqlite3';

/**
 * Issue 8: the device ledger (台账, Art. 4 and 7) and the 24-hour rule (Art. 13). One row per
 * check-out: who had which recorder, for what, its pre-use checks, and, once back, its return and
 * the deadline that return started. `deadline_at` is kept, not computed, so that changing the
 * deadline setting later does not move the deadlines of returns already made. `*_recorded_at` is
 * when the desk wrote it (the times given with `--at` may be earlier). Times are UTC epoch ms.
 *
 * Recordings gain their officer and check-out (attribution, filled by the ingest later); null
 * until attributed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE checkouts (
      id INTEGER PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES devices(id),
      officer_id INTEGER NOT NULL REFERENCES people(id),
      checked_out_at INTEGER NOT NULL,
      checked_out_recorded_at INTEGER NOT NULL,
      checked_out_by TEXT NOT NULL,
      expected_return_at INTEGER,
      remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)),
      battery TEXT NOT NULL CHECK (battery IN ('ok', 'fail')),
      storage TEXT NOT NULL CHECK (storage IN ('ok', 'fail')),
      clock TEXT NOT NULL CHECK (clock IN ('ok', 'fail')),
      category TEXT CHECK (category IN ('investigation', 'hearing', 'on-site', 'service-left', 'service-notice')),
      case_number TEXT,
      case_name TEXT,
      place TEXT,
      returned_at INTEGER,
      returned_recorded_at INTEGER,
      checked_in_by TEXT,
      condition TEXT CHECK (condition IN ('ok', 'damaged', 'lost')),
      note TEXT,
      arrived_at INTEGER,
      left_at INTEGER,
      deadline_at INTEGER,
      met_at INTEGER,
      met_ingest_id TEXT REFERENCES ingests(id),
      late_reason TEXT,
      late_reason_by TEXT,
      late_reason_at INTEGER,
      CHECK (returned_at IS NULL OR returned_at >= checked_out_at),
      CHECK ((returned_at IS NULL) = (deadline_at IS NULL)),
      CHECK ((returned_at IS NULL) = (returned_recorded_at IS NULL)),
      CHECK (met_at IS NULL OR returned_at IS NOT NULL),
      CHECK ((met_at IS NULL) = (met_ingest_id IS NULL)),
      CHECK ((arrived_at IS NULL) = (left_at IS NULL))
    );
    -- A recorder is out to one officer at a time.
    CREATE UNIQUE INDEX checkouts_one_open_per_device ON checkouts(device_id) WHERE returned_at IS NULL;
    CREATE INDEX checkouts_by_device ON checkouts(device_id, checked_out_at);
    CREATE INDEX checkouts_by_officer ON checkouts(officer_id, checked_out_at);
    CREATE INDEX checkouts_by_time ON checkouts(checked_out_at);

    ALTER TABLE recordings ADD COLUMN officer_id INTEGER REFERENCES people(id);
    ALTER TABLE recordings ADD COLUMN checkout_id INTEGER REFERENCES checkouts(id);
    CREATE INDEX recordings_by_checkout ON recordings(checkout_id);
  `);
}
