import type { AuditVerifyReport } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { allCheckpoints, auditHashes, auditRowsAfter, entryOf, genesisHash, rowHash } from './audit-store.js';
import { checkpointStatement, type StationKey } from './station-key.js';

type Problem = AuditVerifyReport['problems'][number];

/** Rows hashed between two turns of the event loop. */
const chunkRows = 2000;

/** The chain's head a bag's bag-info names (`Audit-Head`). */
export interface BagAuditHead {
  seq: number;
  hash: string;
}

/**
 * Walks the chain as stored and says where it was tampered with: a row whose content no longer
 * hashes to its hash (`altered`), a sequence number skipped (`missing`), a row not chained to the
 * one before (`inserted`), rows whose links point the wrong way (`reordered`), a chain shorter than
 * a signed checkpoint or a bag's Audit-Head (`truncated`), a checkpoint whose signature fails
 * (`bad-signature`), a row that is not the one a checkpoint or a bag saw at its place (`altered`).
 * `bagHeads` must be read before the rows: a bag names a head already committed, so the rows read
 * after it always reach it unless someone cut them.
 */
export async function verifyAuditChain(db: Database, key: StationKey | null, bagHeads: readonly BagAuditHead[]): Promise<AuditVerifyReport> {
  // Read before the rows, like the bags: each names a head already committed, so rows read after reach it unless cut.
  const checkpoints = allCheckpoints(db);
  const problems: Problem[] = [];
  const flagged = new Set<number>();
  const flag = (seq: number, problem: Problem['problem']) => {
    if (flagged.has(seq)) return;
    flagged.add(seq);
    problems.push({ seq, problem });
  };
  // Every hash, so a row linked to one elsewhere in the chain (later, too) is told from one linked to nothing.
  const hashes = new Set(auditHashes(db));
  const hashAt = new Map<number, string>();

  let previousHash = genesisHash;
  let expectedSeq = 1;
  let rowCount = 0;
  for (let chunk = auditRowsAfter(db, 0, chunkRows); chunk.length > 0; chunk = auditRowsAfter(db, chunk.at(-1)?.seq ?? 0, chunkRows)) {
    for (const row of chunk) {
      const gap = row.seq > expectedSeq;
      if (gap) flag(expectedSeq, 'missing');
      if (row.prev_hash !== previousHash) {
        // Linked to a row that is elsewhere in the chain: moved. Linked to nothing there is: put in by hand.
        if (hashes.has(row.prev_hash)) flag(row.seq, 'reordered');
        else if (!gap) flag(row.seq, 'inserted');
      }
      if (rowHash(row.prev_hash, row.seq, entryOf(row)) !== row.hash) flag(row.seq, 'altered');
      hashAt.set(row.seq, row.hash);
      previousHash = row.hash;
      expectedSeq = row.seq + 1;
    }
    rowCount += chunk.length;
    // A year of rows takes seconds to hash: the station's other work (an ingest copying) goes on between chunks.
    await new Promise((next) => setImmediate(next));
  }

  // The highest sequence number the walk saw.
  const lastSeq = expectedSeq - 1;
  for (const checkpoint of checkpoints) {
    if (key === null || !key.verify(checkpointStatement(checkpoint.seq, checkpoint.hash, checkpoint.at), checkpoint.signature)) {
      flag(checkpoint.seq, 'bad-signature');
      continue;
    }
    if (checkpoint.seq > lastSeq) flag(checkpoint.seq, 'truncated');
    else if (hashAt.get(checkpoint.seq) !== checkpoint.hash) flag(checkpoint.seq, 'altered');
  }
  // A bag's head needs no signature: the bag's own tag manifest and copies elsewhere vouch for it.
  for (const head of bagHeads) {
    if (head.seq === 0) continue;
    if (head.seq > lastSeq) flag(head.seq, 'truncated');
    else if (hashAt.get(head.seq) !== head.hash) flag(head.seq, 'altered');
  }
  problems.sort((a, b) => a.seq - b.seq);
  return { rows: rowCount, checkpoints: checkpoints.length, ok: problems.length === 0, problems };
}
