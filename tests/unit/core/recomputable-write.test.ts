import { join } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase, recomputableWrite } from '../../../src-main/core/db/database.js';
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
    } finally {
      other.close();
      db.close();
    }
  });
});
