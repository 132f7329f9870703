import type { AccessGrant, Caller, ClassifyRequest } from '../../contract/index.js';
import type { Capability } from '../capability.js';
import type { Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { personById } from '../people/index.js';
import type { StationServices } from '../services.js';
import { levels } from './access.js';
import { currentLevels, grantRows, ingestExists, insertGrant, recordingExists, setLevel, type ClassifyTarget, type GrantRow } from './confidentiality-store.js';

export type ConfidentialityModule = Capability<'confidentiality.classify' | 'confidentiality.grant' | 'confidentiality.grants'>;

const targetOf = (request: ClassifyRequest): ClassifyTarget => {
  if (request.recordingId !== undefined) return { recordingId: request.recordingId };
  if (request.ingestId !== undefined) return { ingestId: request.ingestId };
  return { checkoutId: request.checkoutId as number };
};

/**
 * Clerks and leads may keep footage apart; taking a level back down would show it again to those
 * it was kept from, so that is the head's (or, while the station runs open, anyone's: it keeps nothing apart).
 */
function mayLower(db: Database, caller: Caller): boolean {
  if (caller.personId == null) return true;
  return personById(db, caller.personId)?.roles.includes('head') ?? false;
}

/** `confidentiality.*`: Art. 14 levels of recordings and activities, and the head's grants to see state secrets. */
export function confidentialityModule({ db, now, iso }: Pick<StationServices, 'db' | 'now' | 'iso'>): ConfidentialityModule {
  const toGrant = (row: GrantRow): AccessGrant => ({
    id: row.id,
    personId: row.person_id,
    name: row.name,
    recordingId: row.recording_id,
    ingestId: row.ingest_id,
    until: iso(row.until_ms),
    grantedBy: row.granted_by,
    grantedAt: iso(row.granted_at),
  });
  return {
    handlers: {
      'confidentiality.classify': (request, caller) => {
        const target = targetOf(request);
        const before = currentLevels(db, target);
        if (before === null) throw new StationError('not-found', 'no such recording, ingest or check-out');
        const lowers = before.some((level) => levels.indexOf(level) > levels.indexOf(request.level));
        if (lowers && !mayLower(db, caller)) throw new StationError('forbidden', 'only the head may lower a confidentiality level');
        return { level: request.level, recordings: setLevel(db, target, request.level) };
      },
      'confidentiality.grant': (request, caller) => {
        const untilMs = Date.parse(request.until);
        const at = now();
        if (untilMs <= at) throw new StationError('invalid-input', 'a grant must end in the future');
        if (!personById(db, request.personId)) throw new StationError('not-found', `no person ${request.personId}`);
        if (request.recordingId !== undefined && !recordingExists(db, request.recordingId)) throw new StationError('not-found', `no recording ${request.recordingId}`);
        if (request.ingestId !== undefined && !ingestExists(db, request.ingestId)) throw new StationError('not-found', `no ingest ${request.ingestId}`);
        const row = insertGrant(db, {
          personId: request.personId,
          recordingId: request.recordingId ?? null,
          ingestId: request.ingestId ?? null,
          untilMs,
          grantedBy: caller.name,
          grantedAt: at,
        });
        return toGrant(row);
      },
      'confidentiality.grants': () => grantRows(db).map(toGrant),
    },
  };
}
