import type { Capability } from '../capability.js';
import type { Database } from '../db/index.js';
import { verifyArchive } from './verify-archive.js';

/** `archive.verify`: the archive re-hashed against the index and the bags' manifests (Art. 18). */
export const verifyModule = (db: Database, dataDir: string): Capability<'archive.verify'> => ({
  handlers: { 'archive.verify': () => verifyArchive(db, dataDir) },
});
