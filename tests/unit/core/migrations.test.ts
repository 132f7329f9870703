import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate, openDatabase } from '../../../src-main/core/db/database.js';
import { migrations } from '../../../src-main/core/db/migrations/index.js';
import { tempDir } from '../../helpers/temp-dir.js';

describe('migration 001: ingests, recordings, ingest files', () => {
  const dir = tempDir('migrate');

  it('creates the tables on a real file, in WAL with foreign keys, and records the version', () => {
    // Migration 001 alone: later migrations add tables of their own, tested in their own files.
    const db = openDatabase(join(dir, 'a.db'), migrations.slice(0, 1));
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all();
    expect(tables).toEqual([{ name: 'ingest_files' }, { name: 'ingests' }, { name: 'recordings' }]);
    expect(() =>
      db
        .prepare(`INSERT INTO recordings (sha256, verified_sha256, verification, size, ingest_id, archive_path, original_path, source_mtime, archived_at, kind)
                  VALUES ('a', 'a', 'o_direct', 1, 'no-such-ingest', 'p', 'o', 0, 0, 'video')`)
        .run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('is idempotent on reopen and refuses a database from a newer program', () => {
    const file = join(dir, 'b.db');
    openDatabase(file).close();
    const db = openDatabase(file);
    expect(db.pragma('user_version', { simple: true })).toBe(migrations.length);
    db.pragma(`user_version = ${migrations.length + 1}`);
    expect(() => migrate(db, migrations)).toThrow(/newer than this program/);
    db.close();
  });
});
