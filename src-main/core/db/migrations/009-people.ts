import type { Database } from 'better-sqlite3';

/**
 * Issue 8: the people of the office (Art. 4's ledger names them) and the accounts of those who use
 * the station. An officer who only wears a recorder has a row in `people` and none in `accounts`.
 * A person is never deleted (the ledger and the audit chain name them): one who left is inactive.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE people (
      id INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      officer_number TEXT UNIQUE,
      cert_number TEXT,
      unit TEXT,
      roles_json TEXT NOT NULL CHECK (json_valid(roles_json) AND json_type(roles_json) = 'array'),
      active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
      created_at INTEGER NOT NULL
    );
    CREATE TRIGGER people_no_delete BEFORE DELETE ON people
      BEGIN SELECT RAISE(ABORT, 'a person is never deleted: mark them inactive'); END;

    CREATE TABLE accounts (
      person_id INTEGER PRIMARY KEY REFERENCES people(id),
      login TEXT NOT NULL UNIQUE COLLATE NOCASE,
      -- scrypt: "scrypt$N$r$p$salt$hash", salt and hash in base64.
      password_hash TEXT NOT NULL,
      failed_sign_ins INTEGER NOT NULL DEFAULT 0,
      locked_until INTEGER,
      password_changed_at INTEGER NOT NULL
    );
  `);
}
