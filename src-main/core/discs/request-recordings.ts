import type { Caller, Confidentiality, NewDiscRequest } from '../../contract/index.js';
import { higherLevel, maySee } from '../confidentiality/index.js';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { ingestFacts, levelOfFacts, recordingsByIds, recordingsOfCheckout, recordingsOfIngest, type RecordingFacts } from '../evidence-export/index.js';

/** The recordings a request names: an ingest's, an activity's (check-out), or these by id. */
export function namedRecordings(db: Database, request: Pick<NewDiscRequest, 'ingestId' | 'recordingIds' | 'checkoutId'>): RecordingFacts[] {
  if (request.ingestId !== undefined) {
    if (ingestFacts(db, request.ingestId) === null) throw new StationError('not-found', `no ingest ${request.ingestId}`);
    return nonEmpty(recordingsOfIngest(db, request.ingestId), `ingest ${request.ingestId} archived no recordings`);
  }
  if (request.checkoutId !== undefined) {
    if (db.prepare('SELECT 1 FROM checkouts WHERE id = ?').get(request.checkoutId) === undefined) throw new StationError('not-found', `no check-out ${request.checkoutId}`);
    return nonEmpty(recordingsOfCheckout(db, request.checkoutId), `no recording is attributed to check-out ${request.checkoutId} yet`);
  }
  const ids = [...new Set(request.recordingIds ?? [])];
  const found = recordingsByIds(db, ids);
  const missing = ids.filter((id) => !found.some((facts) => facts.id === id));
  if (missing.length > 0) throw new StationError('not-found', `no recording ${missing.join(', ')}`);
  return nonEmpty(found, 'name recordings, an ingest or a check-out');
}

function nonEmpty(found: RecordingFacts[], message: string): RecordingFacts[] {
  if (found.length === 0) throw new StationError('invalid-input', message);
  return found;
}

/** The highest level among the recordings: above `none`, only the head approves the disc. */
export const highestLevel = (recordings: readonly RecordingFacts[]): Confidentiality =>
  recordings.reduce<Confidentiality>((level, facts) => higherLevel(level, levelOfFacts(facts)), 'none');

/** Whoever asks for, approves or burns a disc must be allowed to see everything on it (Art. 14). */
export function requireSightOfAll(db: Database, caller: Caller, recordings: readonly RecordingFacts[], now: number): void {
  const hidden = recordings.filter((facts) => !maySee(db, caller, { id: facts.id, ingestId: facts.ingestId, officerId: facts.officerId, level: levelOfFacts(facts) }, now));
  if (hidden.length > 0) throw new StationError('forbidden', `you may not see recording ${hidden.map((facts) => facts.id).join(', ')}, so it cannot go on a disc of yours`);
}
