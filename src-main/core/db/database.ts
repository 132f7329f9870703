import BetterSqlite3 from 'better-sqlite3';
import type { Database } from 'better-sqlite3';
import { migrations, type Migration } from './migrations/index.js';

export type { Database };

/** Opens station.db with WAL and foreign keys, and brings its schema up to date. */
export function openDatabase(file: string, list: readonly Migration[] = migrations): Database {
  const db = new BetterSqlite3(file);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // WAL with NORMAL is durable across application crashes; FULL also survives power loss, which an evidence store wants.
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db, list);
  return db;
}

export function migrate(db: Database, list: readonly Migration[]): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  if (current > list.length) {
    throw new Error(`station.db is at schema ${current}, newer than this program (${list.length}); update the station`);
  }
  list.slice(current).forEach((migration, index) => {
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${current + index + 1}`);
    })();
  });
}
