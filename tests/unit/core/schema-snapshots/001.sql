-- Schema at version 1: written by tests/unit/core/schema-snapshots.test.ts. Never edit.

-- index ingest_files_by_ingest on ingest_files
CREATE INDEX ingest_files_by_ingest ON ingest_files(ingest_id, id);

-- index ingest_files_by_source on ingest_files
CREATE INDEX ingest_files_by_source ON ingest_files(source_path, size, source_mtime);

-- index recordings_by_ingest on recordings
CREATE INDEX recordings_by_ingest ON recordings(ingest_id);

-- index recordings_by_size on recordings
CREATE INDEX recordings_by_size ON recordings(size);

-- index recordings_by_time on recordings
CREATE INDEX recordings_by_time ON recordings(recorded_at_ms DESC, id DESC);

-- index sqlite_autoindex_ingests_1 on ingests (made by SQLite, no SQL)

-- index sqlite_autoindex_recordings_1 on recordings (made by SQLite, no SQL)

-- index sqlite_autoindex_recordings_2 on recordings (made by SQLite, no SQL)

-- table ingest_files
CREATE TABLE ingest_files ( id INTEGER PRIMARY KEY, ingest_id TEXT NOT NULL REFERENCES ingests(id), source_path TEXT NOT NULL, size INTEGER NOT NULL, source_mtime INTEGER, status TEXT NOT NULL CHECK (status IN ('archived', 'duplicate', 'skipped', 'failed')), sha256 TEXT, recording_id INTEGER REFERENCES recordings(id), reason TEXT, reason_code TEXT, at INTEGER NOT NULL );

-- table ingests
CREATE TABLE ingests ( id TEXT PRIMARY KEY, source_path TEXT NOT NULL, archive_dir TEXT NOT NULL, operator TEXT NOT NULL, station_name TEXT NOT NULL, source_label TEXT, owner_pid INTEGER NOT NULL, state TEXT NOT NULL CHECK (state IN ('running', 'completed', 'failed', 'interrupted')), reason TEXT, reason_code TEXT, started_at INTEGER NOT NULL, finished_at INTEGER );

-- table recordings
CREATE TABLE recordings ( id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE, verified_sha256 TEXT NOT NULL, verification TEXT NOT NULL CHECK (verification IN ('o_direct', 'buffered')), size INTEGER NOT NULL, ingest_id TEXT NOT NULL REFERENCES ingests(id), archive_path TEXT NOT NULL UNIQUE, original_path TEXT NOT NULL, source_mtime INTEGER NOT NULL, archived_at INTEGER NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('video', 'audio', 'photo', 'other')), metadata_state TEXT NOT NULL DEFAULT 'pending' CHECK (metadata_state IN ('pending', 'done')), recorded_at TEXT, recorded_at_ms INTEGER, recorded_at_source TEXT, duration_seconds REAL, codec TEXT, width INTEGER, height INTEGER, readable INTEGER, problem TEXT, tags_json TEXT NOT NULL DEFAULT '{}' );
