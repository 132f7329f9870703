// station.db: opening it, bringing its schema up to date (one numbered migration per file), the
// one way into a transaction, which waits for the write lock of other station processes, the
// statements compiled once (`prepared`), and the one write that need not wait for the disk.
export { migrate, openDatabase, openDatabaseReadOnly, prepared, recomputableWrite, writeTransaction, type Database } from './database.js';
