// station.db: opening it, bringing its schema up to date (one numbered migration per file), and the
// transaction for a write that reads first, shared with other station processes.
export { migrate, openDatabase, openDatabaseReadOnly, writeTransaction, type Database } from './database.js';
