-- Schema at version 13: written by tests/unit/core/schema-snapshots.test.ts. Never edit.

-- index access_grants_by_person on access_grants
CREATE INDEX access_grants_by_person ON access_grants(person_id, until_ms);

-- index checkouts_by_device on checkouts
CREATE INDEX checkouts_by_device ON checkouts(device_id, checked_out_at);

-- index checkouts_by_officer on checkouts
CREATE INDEX checkouts_by_officer ON checkouts(officer_id, checked_out_at);

-- index checkouts_by_time on checkouts
CREATE INDEX checkouts_by_time ON checkouts(checked_out_at);

-- index checkouts_one_open_per_device on checkouts
CREATE UNIQUE INDEX checkouts_one_open_per_device ON checkouts(device_id) WHERE returned_at IS NULL;

-- index device_identities_by_value on device_identities
CREATE INDEX device_identities_by_value ON device_identities(kind, value);

-- index disc_checks_by_copy on disc_checks
CREATE INDEX disc_checks_by_copy ON disc_checks(disc_id, copy, id);

-- index ingest_files_by_ingest on ingest_files
CREATE INDEX ingest_files_by_ingest ON ingest_files(ingest_id, id);

-- index ingest_files_by_source on ingest_files
CREATE INDEX ingest_files_by_source ON ingest_files(source_path, size, source_mtime);

-- index ingest_findings_by_ingest on ingest_findings
CREATE INDEX ingest_findings_by_ingest ON ingest_findings(ingest_id, id);

-- index ingests_by_device on ingests
CREATE INDEX ingests_by_device ON ingests(device_id, started_at);

-- index recordings_by_checkout on recordings
CREATE INDEX recordings_by_checkout ON recordings(checkout_id);

-- index recordings_by_ingest on recordings
CREATE INDEX recordings_by_ingest ON recordings(ingest_id);

-- index recordings_by_officer on recordings
CREATE INDEX recordings_by_officer ON recordings(officer_number);

-- index recordings_by_size on recordings
CREATE INDEX recordings_by_size ON recordings(size);

-- index recordings_by_time on recordings
CREATE INDEX recordings_by_time ON recordings(recorded_at_ms DESC, id DESC);

-- index signing_keys_one_active on signing_keys
CREATE UNIQUE INDEX signing_keys_one_active ON signing_keys(person_id) WHERE revoked_at IS NULL;

-- index signoffs_by_ingest on signoffs
CREATE INDEX signoffs_by_ingest ON signoffs(ingest_id, id);

-- index sqlite_autoindex_accounts_1 on accounts (made by SQLite, no SQL)

-- index sqlite_autoindex_device_identities_1 on device_identities (made by SQLite, no SQL)

-- index sqlite_autoindex_devices_1 on devices (made by SQLite, no SQL)

-- index sqlite_autoindex_disc_copies_1 on disc_copies (made by SQLite, no SQL)

-- index sqlite_autoindex_discs_1 on discs (made by SQLite, no SQL)

-- index sqlite_autoindex_discs_2 on discs (made by SQLite, no SQL)

-- index sqlite_autoindex_exports_1 on exports (made by SQLite, no SQL)

-- index sqlite_autoindex_ingests_1 on ingests (made by SQLite, no SQL)

-- index sqlite_autoindex_people_1 on people (made by SQLite, no SQL)

-- index sqlite_autoindex_recordings_1 on recordings (made by SQLite, no SQL)

-- index sqlite_autoindex_recordings_2 on recordings (made by SQLite, no SQL)

-- index sqlite_autoindex_settings_1 on settings (made by SQLite, no SQL)

-- index sqlite_autoindex_signing_keys_1 on signing_keys (made by SQLite, no SQL)

-- index work_records_by_device on work_records
CREATE INDEX work_records_by_device ON work_records(device_id, from_ms);

-- table access_grants
CREATE TABLE access_grants ( id INTEGER PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id), recording_id INTEGER REFERENCES recordings(id), ingest_id TEXT REFERENCES ingests(id), until_ms INTEGER NOT NULL, granted_by TEXT NOT NULL, granted_at INTEGER NOT NULL, CHECK ((recording_id IS NULL) != (ingest_id IS NULL)) );

-- table accounts
CREATE TABLE accounts ( person_id INTEGER PRIMARY KEY REFERENCES people(id), login TEXT NOT NULL UNIQUE COLLATE NOCASE, -- scrypt: "scrypt$N$r$p$salt$hash", salt and hash in base64. password_hash TEXT NOT NULL, failed_sign_ins INTEGER NOT NULL DEFAULT 0, locked_until INTEGER, password_changed_at INTEGER NOT NULL );

-- table audit_checkpoints
CREATE TABLE audit_checkpoints ( id INTEGER PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL, at INTEGER NOT NULL, signature TEXT NOT NULL );

-- table audit_log
CREATE TABLE audit_log ( seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor TEXT NOT NULL, role TEXT NOT NULL, action TEXT NOT NULL, object TEXT, details_json TEXT NOT NULL, prev_hash TEXT NOT NULL, hash TEXT NOT NULL );

-- table checkouts
CREATE TABLE checkouts ( id INTEGER PRIMARY KEY, device_id INTEGER NOT NULL REFERENCES devices(id), officer_id INTEGER NOT NULL REFERENCES people(id), checked_out_at INTEGER NOT NULL, checked_out_recorded_at INTEGER NOT NULL, checked_out_by TEXT NOT NULL, expected_return_at INTEGER, remote INTEGER NOT NULL DEFAULT 0 CHECK (remote IN (0, 1)), battery TEXT NOT NULL CHECK (battery IN ('ok', 'fail')), storage TEXT NOT NULL CHECK (storage IN ('ok', 'fail')), clock TEXT NOT NULL CHECK (clock IN ('ok', 'fail')), category TEXT CHECK (category IN ('investigation', 'hearing', 'on-site', 'service-left', 'service-notice')), case_number TEXT, case_name TEXT, place TEXT, returned_at INTEGER, returned_recorded_at INTEGER, checked_in_by TEXT, condition TEXT CHECK (condition IN ('ok', 'damaged', 'lost')), note TEXT, arrived_at INTEGER, left_at INTEGER, deadline_at INTEGER, met_at INTEGER, met_ingest_id TEXT REFERENCES ingests(id), late_reason TEXT, late_reason_by TEXT, late_reason_at INTEGER, confidentiality TEXT NOT NULL DEFAULT 'none' CHECK (confidentiality IN ('none', 'personal-privacy', 'commercial-secret', 'state-secret')), CHECK (returned_at IS NULL OR returned_at >= checked_out_at), CHECK ((returned_at IS NULL) = (deadline_at IS NULL)), CHECK ((returned_at IS NULL) = (returned_recorded_at IS NULL)), CHECK (met_at IS NULL OR returned_at IS NOT NULL), CHECK ((met_at IS NULL) = (met_ingest_id IS NULL)), CHECK ((arrived_at IS NULL) = (left_at IS NULL)) );

-- table device_identities
CREATE TABLE device_identities ( id INTEGER PRIMARY KEY, device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE, kind TEXT NOT NULL CHECK (kind IN ('file-name-serial', 'identity-file', 'volume-uuid', 'volume-label')), value TEXT NOT NULL COLLATE NOCASE CHECK (length(value) > 0), remembered_at INTEGER NOT NULL, UNIQUE (device_id, kind, value) );

-- table device_profiles
CREATE TABLE device_profiles ( id INTEGER PRIMARY KEY, model TEXT, identity_file TEXT NOT NULL CHECK (length(identity_file) > 0), serial_pattern TEXT, created_at INTEGER NOT NULL );

-- table devices
CREATE TABLE devices ( id INTEGER PRIMARY KEY, type TEXT NOT NULL CHECK (type IN ('body-camera', 'camera', 'audio-recorder', 'video-camera', 'handheld-terminal', 'other')), serial TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(serial)) > 0), model TEXT, asset_number TEXT, name TEXT, purchase_date TEXT CHECK (purchase_date IS NULL OR purchase_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'), status TEXT NOT NULL DEFAULT 'in-service' CHECK (status IN ('in-service', 'under-repair', 'retired')), created_at INTEGER NOT NULL, updated_at INTEGER NOT NULL , metadata_local_time INTEGER NOT NULL DEFAULT 0 CHECK (metadata_local_time IN (0, 1)));

-- table disc_checks
CREATE TABLE disc_checks ( id INTEGER PRIMARY KEY, disc_id TEXT NOT NULL REFERENCES discs(id), copy TEXT NOT NULL CHECK (copy IN ('A', 'B')), kind TEXT NOT NULL CHECK (kind IN ('burn', 'recheck')), drive TEXT NOT NULL, checked_by TEXT NOT NULL, checked_at INTEGER NOT NULL, -- 1 passed, 0 failed, NULL could not run. image_ok INTEGER, md5_ok INTEGER, manifest_ok INTEGER, read_sha256 TEXT, problem TEXT );

-- table disc_copies
CREATE TABLE disc_copies ( disc_id TEXT NOT NULL REFERENCES discs(id), copy TEXT NOT NULL CHECK (copy IN ('A', 'B')), state TEXT NOT NULL CHECK (state IN ('planned', 'image-only', 'burning', 'verified', 'failed', 'stored')), drive TEXT, burned_at INTEGER, verified_at INTEGER, location TEXT, stored_by TEXT, stored_at INTEGER, problem TEXT, PRIMARY KEY (disc_id, copy) );

-- table disc_decisions
CREATE TABLE disc_decisions ( id INTEGER PRIMARY KEY, request_id INTEGER NOT NULL REFERENCES disc_requests(id), decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')), reason TEXT, decided_by TEXT NOT NULL, decided_at INTEGER NOT NULL, key_id TEXT NOT NULL REFERENCES signing_keys(id), statement TEXT NOT NULL, statement_sha256 TEXT NOT NULL, signature TEXT NOT NULL );

-- table disc_requests
CREATE TABLE disc_requests ( id INTEGER PRIMARY KEY, reason TEXT NOT NULL CHECK (reason IN ('dispute', 'obstruction', 'major')), case_number TEXT NOT NULL, case_name TEXT NOT NULL, source_kind TEXT NOT NULL CHECK (source_kind IN ('ingest', 'recordings', 'checkout')), source_ingest_id TEXT REFERENCES ingests(id), source_checkout_id INTEGER REFERENCES checkouts(id), recording_ids_json TEXT NOT NULL, files INTEGER NOT NULL, bytes INTEGER NOT NULL, requested_by TEXT NOT NULL, requested_at INTEGER NOT NULL, media TEXT CHECK (media IN ('cd-r', 'dvd+r', 'dvd-r', 'dvd+r-dl', 'bd-r', 'bd-r-dl')) );

-- table discs
CREATE TABLE discs ( -- Printed on the label and in the QR code. id TEXT PRIMARY KEY, request_id INTEGER NOT NULL REFERENCES disc_requests(id), idx INTEGER NOT NULL CHECK (idx >= 1), of INTEGER NOT NULL CHECK (of >= idx), media TEXT NOT NULL CHECK (media IN ('cd-r', 'dvd+r', 'dvd-r', 'dvd+r-dl', 'bd-r', 'bd-r-dl')), volume_id TEXT NOT NULL CHECK (length(volume_id) <= 32), recording_ids_json TEXT NOT NULL, files INTEGER NOT NULL, bytes INTEGER NOT NULL, planned_by TEXT NOT NULL, planned_at INTEGER NOT NULL, -- Every date inside the image (SOURCE_DATE_EPOCH), so the image can be built again bit for bit. image_epoch INTEGER NOT NULL, image_sha256 TEXT, image_bytes INTEGER, imaged_at INTEGER, labelled_by TEXT, labelled_at INTEGER, UNIQUE (request_id, idx) );

-- table export_approvals
CREATE TABLE export_approvals ( id INTEGER PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('requested', 'approved', 'rejected', 'used')), recording_ids_json TEXT NOT NULL CHECK (json_valid(recording_ids_json)), requested_by_person INTEGER REFERENCES people(id), requested_by TEXT NOT NULL, requested_at INTEGER NOT NULL, decided_by TEXT, decided_at INTEGER, reason TEXT, key_id TEXT REFERENCES signing_keys(id), statement TEXT, signature TEXT );

-- table exports
CREATE TABLE exports ( id TEXT PRIMARY KEY, path TEXT NOT NULL, zip_path TEXT, recording_ids_json TEXT NOT NULL CHECK (json_valid(recording_ids_json)), files INTEGER NOT NULL, bytes INTEGER NOT NULL, purpose TEXT, approval_id INTEGER REFERENCES export_approvals(id), made_by TEXT NOT NULL, made_at INTEGER NOT NULL );

-- table ingest_files
CREATE TABLE ingest_files ( id INTEGER PRIMARY KEY, ingest_id TEXT NOT NULL REFERENCES ingests(id), source_path TEXT NOT NULL, size INTEGER NOT NULL, source_mtime INTEGER, status TEXT NOT NULL CHECK (status IN ('archived', 'duplicate', 'skipped', 'failed')), sha256 TEXT, recording_id INTEGER REFERENCES recordings(id), reason TEXT, reason_code TEXT, at INTEGER NOT NULL , device_time TEXT, corrected_time TEXT, original_name_hex TEXT);

-- table ingest_findings
CREATE TABLE "ingest_findings" ( id INTEGER PRIMARY KEY, ingest_id TEXT NOT NULL REFERENCES ingests(id), kind TEXT NOT NULL CHECK (kind IN ('timezone-mismatch', 'future-recording', 'sequence-gap', 'recording-gap', 'officer-mismatch', 'outside-checkout')), details_json TEXT NOT NULL );

-- table ingests
CREATE TABLE ingests ( id TEXT PRIMARY KEY, source_path TEXT NOT NULL, archive_dir TEXT NOT NULL, operator TEXT NOT NULL, station_name TEXT NOT NULL, source_label TEXT, owner_pid INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'interrupted')), reason TEXT, reason_code TEXT, started_at INTEGER NOT NULL, finished_at INTEGER , device_id INTEGER REFERENCES devices(id), mountpoint TEXT, plugged_in_at INTEGER, drift_seconds REAL, drift_basis TEXT CHECK (drift_basis IN ('calibration-clip', 'gps', 'station-clock')), drift_exceeds INTEGER NOT NULL DEFAULT 0, drift_evidence TEXT, owner_identity TEXT, metadata_zone TEXT);

-- table people
CREATE TABLE people ( id INTEGER PRIMARY KEY, name TEXT NOT NULL, officer_number TEXT UNIQUE, cert_number TEXT, unit TEXT, roles_json TEXT NOT NULL CHECK (json_valid(roles_json) AND json_type(roles_json) = 'array'), active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)), created_at INTEGER NOT NULL );

-- table recordings
CREATE TABLE recordings ( id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, verified_sha256 TEXT NOT NULL, verification TEXT NOT NULL CHECK (verification IN ('o_direct', 'buffered')), size INTEGER NOT NULL, ingest_id TEXT NOT NULL REFERENCES ingests(id), archive_path TEXT NOT NULL UNIQUE, original_path TEXT NOT NULL, source_mtime INTEGER NOT NULL, archived_at INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('video', 'audio', 'photo', 'other')), metadata_state TEXT NOT NULL DEFAULT 'pending' CHECK (metadata_state IN ('pending', 'done')), recorded_at TEXT, recorded_at_ms INTEGER, recorded_at_source TEXT, duration_seconds REAL, codec TEXT, width INTEGER, height INTEGER, readable INTEGER, problem TEXT, tags_json TEXT NOT NULL DEFAULT '{}' , officer_number TEXT, important INTEGER NOT NULL DEFAULT 0, name_read INTEGER NOT NULL DEFAULT 0, officer_id INTEGER REFERENCES people(id), checkout_id INTEGER REFERENCES checkouts(id), confidentiality TEXT NOT NULL DEFAULT 'none' CHECK (confidentiality IN ('none', 'personal-privacy', 'commercial-secret', 'state-secret')));

-- table settings
CREATE TABLE settings ( key TEXT PRIMARY KEY, value_json TEXT NOT NULL );

-- table signing_keys
CREATE TABLE signing_keys ( -- The first 32 hex digits of the SHA-256 of the public key's DER (SubjectPublicKeyInfo). id TEXT PRIMARY KEY, person_id INTEGER NOT NULL REFERENCES people(id), public_key_pem TEXT NOT NULL, -- Ed25519 private key as an encrypted PKCS#8 PEM under the person's password; NULL once revoked. private_key_pem TEXT, created_at INTEGER NOT NULL, revoked_at INTEGER, revoked_by TEXT );

-- table signoffs
CREATE TABLE signoffs ( id INTEGER PRIMARY KEY, ingest_id TEXT NOT NULL REFERENCES ingests(id), decision TEXT NOT NULL CHECK (decision IN ('approved', 'rejected')), reason TEXT, signer_person_id INTEGER NOT NULL REFERENCES people(id), signer_name TEXT NOT NULL, key_id TEXT NOT NULL REFERENCES signing_keys(id), signed_at INTEGER NOT NULL, -- The exact bytes signed (canonical JSON), their SHA-256, and the Ed25519 signature (base64). statement TEXT NOT NULL, statement_sha256 TEXT NOT NULL, signature TEXT NOT NULL );

-- table work_records
CREATE TABLE work_records ( id INTEGER PRIMARY KEY, state TEXT NOT NULL CHECK (state IN ('submitted', 'approved', 'rejected', 'filed')), device_id INTEGER NOT NULL REFERENCES devices(id), officer_id INTEGER REFERENCES people(id), checkout_id INTEGER REFERENCES checkouts(id), from_ms INTEGER NOT NULL, to_ms INTEGER NOT NULL CHECK (to_ms >= from_ms), reason TEXT NOT NULL CHECK (reason IN ('fault', 'weather', 'obstruction', 'other')), explanation TEXT NOT NULL, basis TEXT, gap_finding_id INTEGER REFERENCES ingest_findings(id), submitted_by TEXT NOT NULL, submitted_at INTEGER NOT NULL, decided_by TEXT, decided_at INTEGER, decision_reason TEXT, key_id TEXT REFERENCES signing_keys(id), statement TEXT, statement_sha256 TEXT, signature TEXT, filed_by TEXT, filed_at INTEGER );

-- trigger audit_checkpoints_no_delete on audit_checkpoints
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;

-- trigger audit_checkpoints_no_update on audit_checkpoints
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;

-- trigger audit_log_no_delete on audit_log
CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- trigger audit_log_no_update on audit_log
CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;

-- trigger disc_checks_no_delete on disc_checks
CREATE TRIGGER disc_checks_no_delete BEFORE DELETE ON disc_checks BEGIN SELECT RAISE(ABORT, 'disc checks are append-only'); END;

-- trigger disc_checks_no_update on disc_checks
CREATE TRIGGER disc_checks_no_update BEFORE UPDATE ON disc_checks BEGIN SELECT RAISE(ABORT, 'disc checks are append-only'); END;

-- trigger disc_decisions_no_delete on disc_decisions
CREATE TRIGGER disc_decisions_no_delete BEFORE DELETE ON disc_decisions BEGIN SELECT RAISE(ABORT, 'signed decisions are kept as signed'); END;

-- trigger disc_decisions_no_update on disc_decisions
CREATE TRIGGER disc_decisions_no_update BEFORE UPDATE ON disc_decisions BEGIN SELECT RAISE(ABORT, 'signed decisions are kept as signed'); END;

-- trigger ingest_findings_sealed_delete on ingest_findings
CREATE TRIGGER ingest_findings_sealed_delete BEFORE DELETE ON ingest_findings WHEN (SELECT decision FROM signoffs WHERE ingest_id = OLD.ingest_id ORDER BY id DESC LIMIT 1) = 'approved' BEGIN SELECT RAISE(ABORT, 'sealed: this ingest is signed off'); END;

-- trigger ingest_findings_sealed_insert on ingest_findings
CREATE TRIGGER ingest_findings_sealed_insert BEFORE INSERT ON ingest_findings WHEN (SELECT decision FROM signoffs WHERE ingest_id = NEW.ingest_id ORDER BY id DESC LIMIT 1) = 'approved' BEGIN SELECT RAISE(ABORT, 'sealed: this ingest is signed off'); END;

-- trigger people_no_delete on people
CREATE TRIGGER people_no_delete BEFORE DELETE ON people BEGIN SELECT RAISE(ABORT, 'a person is never deleted: mark them inactive'); END;

-- trigger recordings_sealed on recordings
CREATE TRIGGER recordings_sealed BEFORE UPDATE OF sha256, verified_sha256, size, ingest_id, archive_path, officer_id, checkout_id ON recordings WHEN (SELECT decision FROM signoffs WHERE ingest_id = OLD.ingest_id ORDER BY id DESC LIMIT 1) = 'approved' BEGIN SELECT RAISE(ABORT, 'sealed: this ingest is signed off'); END;

-- trigger signing_keys_no_delete on signing_keys
CREATE TRIGGER signing_keys_no_delete BEFORE DELETE ON signing_keys BEGIN SELECT RAISE(ABORT, 'a signing key is never deleted: old signatures verify against it'); END;

-- trigger signoffs_no_delete on signoffs
CREATE TRIGGER signoffs_no_delete BEFORE DELETE ON signoffs BEGIN SELECT RAISE(ABORT, 'a sign-off is never deleted'); END;

-- trigger signoffs_no_update on signoffs
CREATE TRIGGER signoffs_no_update BEFORE UPDATE ON signoffs BEGIN SELECT RAISE(ABORT, 'a sign-off is never changed: a new decision is a new row'); END;

-- trigger work_records_no_delete on work_records
CREATE TRIGGER work_records_no_delete BEFORE DELETE ON work_records BEGIN SELECT RAISE(ABORT, 'a work record is never deleted'); END;
