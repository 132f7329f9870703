import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, prepared, recomputableWrite } from '../../../src-main/core/db/database.js';
import { tempDir } from '../../helpers/temp-dir.js';

// PRAGMA synchronous: 1 is NORMAL (a WAL commit does not wait for the disk), 2 is FULL.
const synchronous = (db: BetterSqlite3.Database): unknown => db.pragma('synchronous', { simple: true });

describe('a write the station recomputes when it is lost', () => {
  it('commits without waiting for the disk, and every later commit waits again', () => {
    const file = join(tempDir('recomputable-write'), 'station.db');
    const db = openDatabase(file, [{ up: (d) => d.exec('CREATE TABLE notes (text TEXT)') }]);
    const other = new BetterSqlite3(file, { readonly: true });
    try {
      expect(synchronous(db)).toBe(2);
      const inside = recomputableWrite(db, () => {
        db.prepare('INSERT INTO notes VALUES (?)').run('described');
        return synchronous(db);
      });
      expect(inside).toBe(1);
      expect(synchronous(db)).toBe(2);
      // Committed: another connection (another station process) reads it.
      expect(other.prepare('SELECT text FROM notes').pluck().all()).toEqual(['described']);

      expect(() => recomputableWrite(db, () => db.prepare('INSERT INTO missing VALUES (1)').run())).toThrow(/no such table/);
      expect(synchronous(db)).toBe(2);

      // Inside a transaction (seeding many rows at once) it is part of that transaction, committed with it.
      db.transaction(() => {
        recomputableWrite(db, () => db.prepare('INSERT INTO notes VALUES (?)').run('seeded'));
        expect(synchronous(db)).toBe(2);
      })();
      expect(other.prepare('SELECT text FROM notes ORDER BY rowid').pluck().all()).toEqual(['described', 'seeded']);
    } finally {
      other.close();
      db.close();
    }
  });
});

describe('a statement an ingest runs at every file', () => {
  it('is compiled once per database, and runs each time with its own values', () => {
    const dir = tempDir('prepared-statements');
    const notes = [{ up: (d: BetterSqlite3.Database) => d.exec('CREATE TABLE notes (text TEXT)') }];
    const db = openDatabase(join(dir, 'a.db'), notes);
    const other = openDatabase(join(dir, 'b.db'), notes);
    try {
      const insert = 'INSERT INTO notes VALUES (?)';
      expect(prepared(db, insert)).toBe(prepared(db, insert));
      expect(prepared(other, insert)).not.toBe(prepared(db, insert));
      prepared(db, insert).run('first');
      prepared(db, insert).run('second');
      prepared(other, insert).run('elsewhere');
      expect(prepared(db, 'SELECT text FROM notes ORDER BY rowid').all()).toEqual([{ text: 'first' }, { text: 'second' }]);
      expect(prepared(other, 'SELECT text FROM notes').all()).toEqual([{ text: 'elsewhere' }]);
    } finally {
      other.close();
      db.close();
    }
  });
});
