// station.db: opening it and bringing its schema up to date, one numbered migration per file.
export { migrate, openDatabase, openDatabaseReadOnly, writeTransaction, type Database } from './database.js';
