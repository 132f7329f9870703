import type { Database } from 'better-sqlite3';

/**
 * Issue 10: the disc-burn queue (Art. 16). A request names footage and a reason, a lead (or the
 * head) decides it, signed; it is planned into discs of one medium; each disc's image is built once
 * and burned as copies A and B, each verified, labelled and stored. Every check of a copy, at its
 * burn and at each re-check, is kept and never changed.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE disc_requests (
      id INTEGER PRIMARY KEY,
      reason TEXT NOT NULL CHECK (reason IN ('dispute', 'obstruction', 'major')),
      case_number TEXT NOT NULL,
      case_name TEXT NOT NULL,
      source_kind TEXT NOT NULL CHECK (source_kind IN ('ingest', 'recordings', 'checkout')),
      source_ingest_id TEXT REFERENCES ingests(id),
      source_checkout_id INTEGER REFERENCES checkouts(id),
      recording_ids_json TEXT NOT NULL,
      files INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      requested_by TEXT NOT NULL,
      requested_at INTEGER NOT NULL,
      media TEXT CHECK (media IN ('cd-r', 'dvd+r', 'dvd-r', 'dvd+r-dl', 'bd-r', 'bd-r-dl'))
    );

    -- Every decision exactly as signed (the statement, its SHA-256, the Ed25519 signature in base64,
    -- the key), a rejection before a later approval too; a request's standing is its latest row.
    CREATE TABLE disc_decisions (
      id INTEGER PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES disc_requests(id),
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
      reason TEXT,
      decided_by TEXT NOT NULL,
      decided_at INTEGER NOT NULL,
      key_id TEXT NOT NULL REFERENCES signing_keys(id),
      statement TEXT NOT NULL,
      statement_sha256 TEXT NOT NULL,
      signature TEXT NOT NULL
    );
    CREATE TRIGGER disc_decisions_no_update BEFORE UPDATE ON disc_decisions
      BEGIN SELECT RAISE(ABORT, 'signed decisions are kept as signed'); END;
    CREATE TRIGGER disc_decisions_no_delete BEFORE DELETE ON disc_decisions
      BEGIN SELECT RAISE(ABORT, 'signed decisions are kept as signed'); END;

    CREATE TABLE discs (
      -- Printed on the label and in the QR code.
      id TEXT PRIMARY KEY,
      request_id INTEGER NOT NULL REFERENCES disc_requests(id),
      idx INTEGER NOT NULL CHECK (idx >= 1),
      of INTEGER NOT NULL CHECK (of >= idx),
      media TEXT NOT NULL CHECK (media IN ('cd-r', 'dvd+r', 'dvd-r', 'dvd+r-dl', 'bd-r', 'bd-r-dl')),
      volume_id TEXT NOT NULL CHECK (length(volume_id) <= 32),
      recording_ids_json TEXT NOT NULL,
      files INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      planned_by TEXT NOT NULL,
      planned_at INTEGER NOT NULL,
      -- Every date inside the image (SOURCE_DATE_EPOCH), so the image can be built again bit for bit.
      image_epoch INTEGER NOT NULL,
      image_sha256 TEXT,
      image_bytes INTEGER,
      imaged_at INTEGER,
      labelled_by TEXT,
      labelled_at INTEGER,
      UNIQUE (request_id, idx)
    );

    CREATE TABLE disc_copies (
      disc_id TEXT NOT NULL REFERENCES discs(id),
      copy TEXT NOT NULL CHECK (copy IN ('A', 'B')),
      state TEXT NOT NULL CHECK (state IN ('planned', 'image-only', 'burning', 'verified', 'failed', 'stored')),
      drive TEXT,
      burned_at INTEGER,
      verified_at INTEGER,
      location TEXT,
      stored_by TEXT,
      stored_at INTEGER,
      problem TEXT,
      PRIMARY KEY (disc_id, copy)
    );

    CREATE TABLE disc_checks (
      id INTEGER PRIMARY KEY,
      disc_id TEXT NOT NULL REFERENCES discs(id),
      copy TEXT NOT NULL CHECK (copy IN ('A', 'B')),
      kind TEXT NOT NULL CHECK (kind IN ('burn', 'recheck')),
      drive TEXT NOT NULL,
      checked_by TEXT NOT NULL,
      checked_at INTEGER NOT NULL,
      -- 1 passed, 0 failed, NULL could not run.
      image_ok INTEGER,
      md5_ok INTEGER,
      manifest_ok INTEGER,
      read_sha256 TEXT,
      problem TEXT
    );
    CREATE INDEX disc_checks_by_copy ON disc_checks(disc_id, copy, id);
    CREATE TRIGGER disc_checks_no_update BEFORE UPDATE ON disc_checks
      BEGIN SELECT RAISE(ABORT, 'disc checks are append-only'); END;
    CREATE TRIGGER disc_checks_no_delete BEFORE DELETE ON disc_checks
      BEGIN SELECT RAISE(ABORT, 'disc checks are append-only'); END;
  `);
}
