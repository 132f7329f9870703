// Which recordings a package or a disc names, and which of them a caller may not see (Art. 14).
import type { Caller } from '../../contract/index.js';
import { maySee } from '../confidentiality/index.js';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { ingestFacts, recordingsByIds, recordingsOfCheckout, recordingsOfIngest, type RecordingFacts } from './custody-facts.js';
import { levelOfFacts } from './custody-files.js';

/** One of an ingest, an activity (check-out) or recordings by id; an export never names a check-out. */
export interface NamedRecordings {
  ingestId?: string;
  checkoutId?: number;
  recordingIds?: readonly number[];
}

/**
 * The recordings named: an ingest's, an activity's, or these by id, refused when there are none or
 * one is missing. `noneNamed` is what the caller says when nothing was named.
 */
export function namedRecordings(db: Database, named: NamedRecordings, noneNamed: string): RecordingFacts[] {
  if (named.ingestId !== undefined) {
    if (ingestFacts(db, named.ingestId) === null) throw new StationError('not-found', `no ingest ${named.ingestId}`);
    return nonEmpty(recordingsOfIngest(db, named.ingestId), `ingest ${named.ingestId} archived no recordings`);
  }
  if (named.checkoutId !== undefined) {
    if (db.prepare('SELECT 1 FROM checkouts WHERE id = ?').get(named.checkoutId) === undefined) throw new StationError('not-found', `no check-out ${named.checkoutId}`);
    return nonEmpty(recordingsOfCheckout(db, named.checkoutId), `no recording is attributed to check-out ${named.checkoutId} yet`);
  }
  const ids = [...new Set(named.recordingIds ?? [])];
  if (ids.length === 0) throw new StationError('invalid-input', noneNamed);
  const found = recordingsByIds(db, ids);
  const missing = ids.filter((id) => !found.some((facts) => facts.id === id));
  if (missing.length > 0) throw new StationError('not-found', `no recording ${missing.join(', ')}`);
  return found;
}

function nonEmpty(found: RecordingFacts[], message: string): RecordingFacts[] {
  if (found.length === 0) throw new StationError('invalid-input', message);
  return found;
}

/** The recordings the caller may not see now; each caller refuses them in its own words. */
export const hiddenFrom = (db: Database, caller: Caller, recordings: readonly RecordingFacts[], now: number): RecordingFacts[] =>
  recordings.filter((facts) => !maySee(db, caller, { id: facts.id, ingestId: facts.ingestId, officerId: facts.officerId, level: levelOfFacts(facts) }, now));
