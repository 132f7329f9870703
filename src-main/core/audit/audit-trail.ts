import type { Database } from '../db/index.js';
import { appendAuditRow, auditHead, insertCheckpoint, lastCheckpoint, type AuditEntry } from './audit-store.js';
import { checkpointStatement, type StationKey } from './station-key.js';

/** A signed checkpoint of the head every this many rows (and hourly, and at shutdown). */
export const checkpointEveryRows = 100;

/**
 * Where every capability records what it did. `record` must run inside the transaction of the
 * change it records; a read-only archive (no key, no writes) has no trail.
 */
export class AuditTrail {
  constructor(
    private readonly db: Database,
    private readonly key: StationKey,
    private readonly now: () => number,
  ) {}

  record(entry: Omit<AuditEntry, 'at'>): void {
    const { seq } = appendAuditRow(this.db, { ...entry, at: this.now() });
    if (seq % checkpointEveryRows === 0) this.checkpoint();
  }

  /** Signs the chain's head, unless the last checkpoint already covers it. */
  checkpoint(): void {
    const head = auditHead(this.db);
    if (head.seq === 0 || lastCheckpoint(this.db)?.seq === head.seq) return;
    const at = this.now();
    insertCheckpoint(this.db, { seq: head.seq, hash: head.hash, at, signature: this.key.sign(checkpointStatement(head.seq, head.hash, at)) });
  }
}
