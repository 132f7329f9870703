import type { Database } from 'better-sqlite3';

/**
 * The device registry (Regulation Art. 2, 3), what the station remembers to recognise each device,
 * device profiles (where a model keeps a file naming its serial), and which device an ingest came from.
 * Times are UTC epoch ms; a purchase date is a calendar date (YYYY-MM-DD), not an instant.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE devices (
      id INTEGER PRIMARY KEY,
      type TEXT NOT NULL CHECK (type IN ('body-camera', 'camera', 'audio-recorder', 'video-camera', 'handheld-terminal', 'other')),
      serial TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (length(trim(serial)) > 0),
      model TEXT,
      asset_number TEXT,
      name TEXT,
      purchase_date TEXT CHECK (purchase_date IS NULL OR purchase_date GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
      status TEXT NOT NULL DEFAULT 'in-service' CHECK (status IN ('in-service', 'under-repair', 'retired')),
      created_at INTEGER NOT NULL,
      updated_at INTEGER NOT NULL
    );

    CREATE TABLE device_identities (
      id INTEGER PRIMARY KEY,
      device_id INTEGER NOT NULL REFERENCES devices(id) ON DELETE CASCADE,
      kind TEXT NOT NULL CHECK (kind IN ('file-name-serial', 'identity-file', 'volume-uuid', 'volume-label')),
      value TEXT NOT NULL COLLATE NOCASE CHECK (length(value) > 0),
      remembered_at INTEGER NOT NULL,
      UNIQUE (device_id, kind, value)
    );
    CREATE INDEX device_identities_by_value ON device_identities(kind, value);

    CREATE TABLE device_profiles (
      id INTEGER PRIMARY KEY,
      model TEXT,
      identity_file TEXT NOT NULL CHECK (length(identity_file) > 0),
      serial_pattern TEXT,
      created_at INTEGER NOT NULL
    );

    ALTER TABLE ingests ADD COLUMN device_id INTEGER REFERENCES devices(id);
    CREATE INDEX ingests_by_device ON ingests(device_id, started_at);
  `);
  // Files some recorders keep at the top of their storage whose first line is the serial. Data, not
  // code: an administrator adds a model's own file (and a pattern for its content) as another row.
  const profile = db.prepare('INSERT INTO device_profiles (model, identity_file, serial_pattern, created_at) VALUES (NULL, ?, NULL, ?)');
  const now = Date.now();
  for (const file of ['DEVICE.TXT', 'SERIAL.TXT', 'MISC/ID.TXT']) profile.run(file, now);
}
