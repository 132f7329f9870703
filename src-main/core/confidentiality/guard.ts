import type { Caller, Confidentiality } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { maySee } from './access.js';
import { classifiedRecordings, guardedRecording } from './confidentiality-store.js';

/**
 * The recordings this caller may not see, of all classified ones: lists mask them and searches by
 * name pass them by. Read once per list (classified recordings are few).
 */
export function hiddenRecordings(db: Database, caller: Caller, now: number): Set<number> {
  if (caller.personId == null) return new Set();
  return new Set(classifiedRecordings(db).filter((recording) => !maySee(db, caller, recording, now)).map((recording) => recording.id));
}

/**
 * Before a recording is opened, played or its frame drawn: its effective level when the caller may
 * see it; `not-found` for no such recording, `forbidden` (saying nothing about it) otherwise.
 */
export function requireSight(db: Database, caller: Caller, id: number, now: number): Confidentiality {
  const recording = guardedRecording(db, id);
  if (!recording) throw new StationError('not-found', `no recording ${id}`);
  if (!maySee(db, caller, recording, now)) throw new StationError('forbidden', `recording ${id} is confidential`);
  return recording.level;
}
