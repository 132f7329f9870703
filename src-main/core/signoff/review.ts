import type { Caller, IngestReport, IngestSummary, SignoffReview, SignoffState } from '../../contract/index.js';
import { signers } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import type { SignoffRow } from './signoff-store.js';

export const stateOf = (latest: SignoffRow | null): SignoffState => latest?.decision ?? 'pending';

/** Why this caller may not sign this ingest, or null: the operator never signs their own ingest (Art. 13: another checks it). */
export function cannotSign(caller: Caller, summary: IngestSummary, latest: SignoffRow | null): SignoffReview['cannotSign'] {
  if (!signers.includes(caller.role)) return 'not-a-signer';
  if (summary.state === 'running') return 'not-finished';
  if (latest?.decision === 'approved') return 'sealed';
  if (summary.operator === caller.name) return 'own-ingest';
  return null;
}

interface CheckoutFacts {
  id: number;
  officer_name: string;
  checked_out_at: number;
  returned_at: number | null;
  deadline_at: number | null;
  met_at: number | null;
  late_reason: string | null;
}

/**
 * The check-outs the ingest's recordings fall in, as the ledger keeps them: who had the device,
 * when it came back, its deadline and whether the footage met it. Read-only over the ledger's table.
 */
export function checkoutsOf(db: Database, report: IngestReport, iso: (ms: number) => string): SignoffReview['checkouts'] {
  const rows = db
    .prepare(
      `SELECT c.id, p.name AS officer_name, c.checked_out_at, c.returned_at, c.deadline_at, c.met_at, c.late_reason
         FROM checkouts c JOIN people p ON p.id = c.officer_id
        WHERE c.id IN (SELECT DISTINCT checkout_id FROM recordings WHERE ingest_id = ? AND checkout_id IS NOT NULL)
        ORDER BY c.checked_out_at`,
    )
    .all(report.ingestId) as CheckoutFacts[];
  return rows.map((row) => ({
    checkoutId: row.id,
    officer: row.officer_name,
    checkedOutAt: iso(row.checked_out_at),
    returnedAt: row.returned_at === null ? null : iso(row.returned_at),
    deadline: row.deadline_at === null ? null : iso(row.deadline_at),
    late: row.deadline_at !== null && (row.met_at ?? Infinity) > row.deadline_at,
    lateReason: row.late_reason,
  }));
}

export function officersOf(db: Database, ingestId: string): SignoffReview['officers'] {
  return db
    .prepare(
      `SELECT DISTINCT p.id, p.name, p.officer_number AS officerNumber FROM recordings r JOIN people p ON p.id = r.officer_id
        WHERE r.ingest_id = ? ORDER BY p.name`,
    )
    .all(ingestId) as SignoffReview['officers'];
}
