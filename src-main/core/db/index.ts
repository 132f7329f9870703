// station.db: opening it, bringing its schema up to date (one numbered migration per file), and the
// one way into a transaction, which waits for the write lock of other station processes.
export { migrate, openDatabase, openDatabaseReadOnly, prepared, recomputableWrite, writeTransaction, type Database } from './database.js';
