import type { Capability } from '../capability.js';
import type { Database } from '../db/index.js';
import { auditRows, entryOf } from './audit-store.js';
import type { AuditTrail } from './audit-trail.js';
import { readBagAuditHeads } from './bag-heads.js';
import type { StationKey } from './station-key.js';
import { verifyAuditChain } from './verify-audit.js';

const hourMs = 3_600_000;

/** `audit.*`: the chain read and proved (against its checkpoints and every bag's Audit-Head); a signed checkpoint of its head every hour and at shutdown. */
export function auditModule(
  db: Database,
  dataDir: string,
  trail: AuditTrail | null,
  key: StationKey | null,
  zone: string,
  iso: (ms: number) => string,
): Capability<'audit.list' | 'audit.verify'> {
  let timer: NodeJS.Timeout | null = null;
  return {
    handlers: {
      'audit.list': (query) =>
        auditRows(db, query, zone).map((row) => {
          const entry = entryOf(row);
          return { seq: row.seq, at: iso(row.at), actor: entry.actor, role: entry.role, action: entry.action, object: entry.object, details: entry.details, hash: row.hash };
        }),
      // The bags first, then the rows (see verifyAuditChain).
      'audit.verify': async () => verifyAuditChain(db, key, await readBagAuditHeads(dataDir)),
    },
    start() {
      if (trail !== null) {
        timer = setInterval(() => trail.checkpoint(), hourMs);
        timer.unref();
      }
      return Promise.resolve();
    },
    stop() {
      if (timer !== null) clearInterval(timer);
      trail?.checkpoint();
      return Promise.resolve();
    },
  };
}
