import type { Database } from 'better-sqlite3';

/**
 * Issue 9: the lead's signed sign-off, interruption work records (Art. 12), confidentiality levels
 * (Art. 14) and evidence exports. Signatures and the statements they cover are kept exactly as
 * signed and are never changed or deleted; a revoked key stays, so old signatures still verify.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE signing_keys (
      -- The first 32 hex digits of the SHA-256 of the public key's DER (SubjectPublicKeyInfo).
      id TEXT PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES people(id),
      public_key_pem TEXT NOT NULL,
      -- Ed25519 private key as an encrypted PKCS#8 PEM under the person's password; NULL once revoked.
      private_key_pem TEXT,
      created_at INTEGER NOT NULL,
      revoked_at INTEGER,
      revoked_by TEXT
    );
    CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys(person_id) WHERE revoked_at IS NULL;
    CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys
      BEGIN SELECT RAISE(ABORT, 'a signing key is never deleted: old signatures verify against it'); END;

    CREATE TABLE signoffs (
      id INTEGER PRIMARY KEY,
      ingest_id TEXT NOT NULL REFERENCES ingests(id),
      decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')),
      reason TEXT,
      signer_person_id INTEGER NOT NULL REFERENCES people(id),
      signer_name TEXT NOT NULL,
      key_id TEXT NOT NULL REFERENCES signing_keys(id),
      signed_at INTEGER NOT NULL,
      -- The exact bytes signed (canonical JSON), their SHA-256, and the Ed25519 signature (base64).
      statement TEXT NOT NULL,
      statement_sha256 TEXT NOT NULL,
      signature TEXT NOT NULL
    );
    CREATE INDEX signoffs_by_ingest ON signoffs(ingest_id, id);
    CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs
      BEGIN SELECT RAISE(ABORT, 'a sign-off is never changed: a new decision is a new row'); END;
    CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs
      BEGIN SELECT RAISE(ABORT, 'a sign-off is never deleted'); END;

    -- A signed (approved) ingest is sealed: what it archived and whom it is attributed to no longer
    -- change; a correction is a new record referring to it.
    CREATE TRIGGER recordings_sealed BEFORE UPDATE OF sha256, verified_sha256, size, ingest_id, archive_path, officer_id, checkout_id ON recordings
      WHEN (SELECT decision FROM signoffs WHERE ingest_id = OLD.ingest_id ORDER BY id DESC LIMIT 1) = 'approved'
      BEGIN SELECT RAISE(ABORT, 'sealed: this ingest is signed off'); END;
    CREATE TRIGGER ingest_findings_sealed_insert BEFORE INSERT ON ingest_findings
      WHEN (SELECT decision FROM signoffs WHERE ingest_id = NEW.ingest_id ORDER BY id DESC LIMIT 1) = 'approved'
      BEGIN SELECT RAISE(ABORT, 'sealed: this ingest is signed off'); END;
    CREATE TRIGGER ingest_findings_sealed_delete BEFORE DELETE ON ingest_findings
      WHEN (SELECT decision FROM signoffs WHERE ingest_id = OLD.ingest_id ORDER BY id DESC LIMIT 1) = 'approved'
      BEGIN SELECT RAISE(ABORT, 'sealed: this ingest is signed off'); END;

    CREATE TABLE work_records (
      id INTEGER PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected', 'filed')),
      device_id INTEGER NOT NULL REFERENCES devices(id),
      officer_id INTEGER REFERENCES people(id),
      checkout_id INTEGER REFERENCES checkouts(id),
      from_ms INTEGER NOT NULL,
      to_ms INTEGER NOT NULL CHECK (to_ms >= from_ms),
      reason TEXT NOT NULL CHECK (reason IN ('fault', 'weather', 'obstruction', 'other')),
      explanation TEXT NOT NULL,
      basis TEXT,
      gap_finding_id INTEGER REFERENCES ingest_findings(id),
      submitted_by TEXT NOT NULL,
      submitted_at INTEGER NOT NULL,
      decided_by TEXT,
      decided_at INTEGER,
      decision_reason TEXT,
      key_id TEXT REFERENCES signing_keys(id),
      statement TEXT,
      statement_sha256 TEXT,
      signature TEXT,
      filed_by TEXT,
      filed_at INTEGER
    );
    CREATE INDEX work_records_by_device ON work_records(device_id, from_ms);
    CREATE TRIGGER work_records_no_delete BEFORE DELETE ON work_records
      BEGIN SELECT RAISE(ABORT, 'a work record is never deleted'); END;

    ALTER TABLE recordings ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'none'
      CHECK (confidentiality IN ('none', 'personal-privacy', 'commercial-secret', 'state-secret'));
    ALTER TABLE checkouts ADD COLUMN confidentiality TEXT NOT NULL DEFAULT 'none'
      CHECK (confidentiality IN ('none', 'personal-privacy', 'commercial-secret', 'state-secret'));

    CREATE TABLE access_grants (
      id INTEGER PRIMARY KEY,
      person_id INTEGER NOT NULL REFERENCES people(id),
      recording_id INTEGER REFERENCES recordings(id),
      ingest_id TEXT REFERENCES ingests(id),
      until_ms INTEGER NOT NULL,
      granted_by TEXT NOT NULL,
      granted_at INTEGER NOT NULL,
      CHECK ((recording_id IS NULL) != (ingest_id IS NULL))
    );
    CREATE INDEX access_grants_by_person ON access_grants(person_id, until_ms);

    CREATE TABLE export_approvals (
      id INTEGER PRIMARY KEY,
      state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'used')),
      recording_ids_json TEXT NOT NULL CHECK (json_valid(recording_ids_json)),
      requested_by_person INTEGER REFERENCES people(id),
      requested_by TEXT NOT NULL,
      requested_at INTEGER NOT NULL,
      decided_by TEXT,
      decided_at INTEGER,
      reason TEXT,
      key_id TEXT REFERENCES signing_keys(id),
      statement TEXT,
      signature TEXT
    );

    CREATE TABLE exports (
      id TEXT PRIMARY KEY,
      path TEXT NOT NULL,
      zip_path TEXT,
      recording_ids_json TEXT NOT NULL CHECK (json_valid(recording_ids_json)),
      files INTEGER NOT NULL,
      bytes INTEGER NOT NULL,
      purpose TEXT,
      approval_id INTEGER REFERENCES export_approvals(id),
      made_by TEXT NOT NULL,
      made_at INTEGER NOT NULL
    );
  `);
}
