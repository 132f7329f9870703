import { readFileSync, statSync } from 'node:fs';
import BetterSqlite3 from 'better-sqlite3';
import type { Database, Statement } from 'better-sqlite3';
import { migrations, type Migration } from './migrations/index.js';

export type { Database };

/** How long a station waits for another process on the same data folder to finish writing. */
const busyTimeoutMs = 15_000;

/**
 * Opens station.db with WAL and foreign keys, and brings its schema up to date. Several station
 * processes may open one data folder (the desktop program and a scripted `station verify`): each
 * waits for the others, up to the busy timeout, instead of failing with "database is locked".
 */
export function openDatabase(file: string, list: readonly Migration[] = migrations): Database {
  const db = new BetterSqlite3(file, { timeout: busyTimeoutMs });
  switchToWal(db);
  db.pragma('foreign_keys = ON');
  // WAL with NORMAL is durable across application crashes; FULL also survives power loss, which an evidence store wants.
  db.pragma('synchronous = FULL');
  migrate(db, list);
  return db;
}

const isBusy = (error: unknown): boolean => String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY');
const sleeper = new Int32Array(new SharedArrayBuffer(4));
const pause = (ms: number): void => void Atomics.wait(sleeper, 0, 0, ms);

/**
 * Switching a new file to WAL reads its header, then writes it. SQLite waits out the busy timeout
 * for the read, not for the write that follows it: while another process switches the same new
 * file (six opening a new data folder together), the switch is refused at once. It is tried
 * again until the busy timeout has passed; once the other has switched the file, it is WAL
 * already and nothing needs writing.
 */
function switchToWal(db: Database): void {
  const giveUpAt = Date.now() + busyTimeoutMs;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if (!isBusy(error) || Date.now() >= giveUpAt) throw error;
    }
    pause(20);
  }
}

/**
 * Opens station.db only to read, for an archive on write-protected media: no migration, no
 * journal mode change. SQLite reads a WAL database in place when its -shm file is there or can
 * be made; on a read-only mount after a clean stop neither holds, so the file is read into memory
 * instead, marked as a rollback-journal database (header bytes 18 and 19: the copy only), which
 * reads the same. Changes still waiting in a -wal file would be missed that way: refused. A schema
 * other than this program's is refused too, since it cannot be brought up to date here.
 */
export function openDatabaseReadOnly(file: string, list: readonly Migration[] = migrations): Database {
  let db: Database;
  try {
    db = new BetterSqlite3(file, { readonly: true, fileMustExist: true, timeout: busyTimeoutMs });
    schemaVersion(db);
  } catch (error) {
    if ((error as { code?: string }).code !== 'SQLITE_CANTOPEN') throw error;
    if (statSync(`${file}-wal`, { throwIfNoEntry: false })?.size) {
      throw new Error(`${file}-wal holds changes that cannot be read on a read-only folder; copy the data folder to writable storage`);
    }
    const copy = readFileSync(file);
    copy[18] = 1;
    copy[19] = 1;
    db = new BetterSqlite3(copy, { readonly: true });
  }
  const version = schemaVersion(db);
  if (version !== list.length) {
    db.close();
    throw new Error(`station.db is at schema ${version} and this program needs ${list.length}; a read-only folder cannot be updated`);
  }
  return db;
}

/**
 * Runs `fn` in a transaction that takes the write lock at its start (BEGIN IMMEDIATE), waiting out
 * the busy timeout while another station process on the same data folder writes. A plain (deferred)
 * transaction that reads before it writes asks for the lock only at its first write, and SQLite
 * refuses that at once with "database is locked" while another process holds it: four processes
 * adding devices to one data folder lost 5 of 60 commands that way. Nested in another transaction it
 * is a savepoint of it, as any; on a read-only database (nothing will be written) a plain one.
 * It is the station's only way into a transaction (the lint refuses `db.transaction` elsewhere), so
 * no transaction needs to be judged for whether it reads first.
 */
export function writeTransaction<T>(db: Database, fn: () => T): T {
  const transaction = db.transaction(fn);
  return db.readonly ? transaction() : transaction.immediate();
}

/**
 * Runs `fn`, whose writes the station recomputes when they are lost, with its commit not waiting
 * for the disk (WAL with `synchronous = NORMAL`): it is durable once the next ordinary commit or
 * checkpoint syncs the log, and a power cut before then loses it whole, never half of it. Every
 * other commit waits for the disk (FULL). A recording's description is such a write: its row stays
 * `pending` until it is saved, and pending ones are described again by the next ingest. Each wait
 * cost about 5 ms of the station's only thread, a card's reads stopped with it, on every file
 * described. Inside a transaction the writes are that transaction's, committed as it is (SQLite
 * will not change the setting there anyway).
 */
export function recomputableWrite<T>(db: Database, fn: () => T): T {
  if (db.inTransaction) return fn();
  db.pragma('synchronous = NORMAL');
  try {
    return fn();
  } finally {
    db.pragma('synchronous = FULL');
  }
}

const preparedByDatabase = new WeakMap<Database, Map<string, Statement>>();

/**
 * `db.prepare(sql)` once per database: for the statements an ingest runs at every file, which
 * SQLite otherwise compiles again each time (about 90 ms of the station's thread on a card of 35
 * files). Only for statements used as they are (`run`, `get`, `all`): a mode set on one
 * (`pluck`, `raw`) would stay set for every caller.
 */
export function prepared(db: Database, sql: string): Pick<Statement, 'run' | 'get' | 'all'> {
  let statements = preparedByDatabase.get(db);
  if (statements === undefined) preparedByDatabase.set(db, (statements = new Map()));
  let statement = statements.get(sql);
  if (statement === undefined) statements.set(sql, (statement = db.prepare(sql)));
  return statement;
}

const schemaVersion = (db: Database): number => db.pragma('user_version', { simple: true }) as number;

/**
 * Runs the migrations this file lacks, each in a write transaction taken before the version is
 * read: a second process opening the folder at the same moment waits, then finds them done.
 */
export function migrate(db: Database, list: readonly Migration[]): void {
  for (;;) {
    const done = db
      .transaction(() => {
        const current = schemaVersion(db);
        if (current > list.length) {
          throw new Error(`station.db is at schema ${current}, newer than this program (${list.length}); update the station`);
        }
        const next = list[current];
        if (next === undefined) return true;
        next.up(db);
        db.pragma(`user_version = ${current + 1}`);
        return false;
      })
      .immediate();
    if (done) return;
  }
}
