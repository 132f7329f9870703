import type { Caller, Confidentiality, Role } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { personById } from '../people/index.js';

/** Least to most restricted: a recording's level is the higher of its own and its activity's. */
export const levels: readonly Confidentiality[] = ['none', 'personal-privacy', 'commercial-secret', 'state-secret'];
export const higherLevel = (a: Confidentiality, b: Confidentiality): Confidentiality => (levels.indexOf(a) >= levels.indexOf(b) ? a : b);

/** What deciding who may see a recording needs to know about it. */
export interface GuardedRecording {
  id: number;
  ingestId: string;
  /** The officer the recording is attributed to (its own officer may see privacy and commercial secrets). */
  officerId: number | null;
  level: Confidentiality;
}

/** Art. 14 in one place: who may view, play and export at each level. */
const seesSecrets: readonly Role[] = ['lead', 'head', 'auditor'];

/**
 * The roles a caller holds: every role of the signed-in person (the router picked one for the
 * command; confidentiality looks at them all), else the host's in open mode.
 */
function rolesOf(db: Database, caller: Caller): readonly Role[] {
  if (caller.personId == null) return [caller.role];
  return personById(db, caller.personId)?.roles ?? [];
}

function hasGrant(db: Database, personId: number, recording: GuardedRecording, now: number): boolean {
  const row = db
    .prepare('SELECT 1 FROM access_grants WHERE person_id = ? AND until_ms > ? AND (recording_id = ? OR ingest_id = ?) LIMIT 1')
    .get(personId, now, recording.id, recording.ingestId);
  return row !== undefined;
}

/**
 * Whether the caller may see this recording's content (its file, its name, its metadata). A station
 * running open (no accounts) has no one to keep footage from: everything is shown.
 */
export function maySee(db: Database, caller: Caller, recording: GuardedRecording, now: number): boolean {
  if (recording.level === 'none' || caller.personId == null) return true;
  const roles = rolesOf(db, caller);
  if (recording.level === 'state-secret') return roles.includes('head') || hasGrant(db, caller.personId, recording, now);
  return roles.some((role) => seesSecrets.includes(role)) || recording.officerId === caller.personId;
}
