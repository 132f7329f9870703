import { meetCheckout, setLateReason } from './ledger-store.js';
import type { Database } from '../db/index.js';

/** An ingest that ended with every file verified, as the ingest capability tells the ledger. */
export interface VerifiedIngest {
  ingestId: string;
  deviceId: number;
  endedAt: number;
  /** Who ran it, recorded as the giver of `lateReason`. */
  operator: string;
  /** Given at ingest, for a deadline already passed; ignored when the ingest meets nothing late. */
  lateReason: string | null;
}

/**
 * Art. 13: an ingest of a device that completed with every file verified meets the deadline of
 * the device's most recent return before the ingest's end that is still waiting. Runs inside the
 * ingest's finishing transaction; returns the check-out met (and whether late), or null.
 */
export function meetDeadline(db: Database, ingest: VerifiedIngest): { checkoutId: number; late: boolean } | null {
  const met = meetCheckout(db, ingest.deviceId, ingest.ingestId, ingest.endedAt);
  if (met === null || met.deadline_at === null) return null;
  const late = ingest.endedAt > met.deadline_at;
  if (late && ingest.lateReason !== null) setLateReason(db, met.id, ingest.lateReason, ingest.operator, ingest.endedAt);
  return { checkoutId: met.id, late };
}
