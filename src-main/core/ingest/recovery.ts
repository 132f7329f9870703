import { promises as fs } from 'node:fs';
import { join } from 'node:path';
import type { AuditTrail } from '../audit/index.js';
import { writeTransaction, type Database } from '../db/index.js';
import { archivedFilePath, toAbsolute, toStored, filesUnder } from '../archive/index.js';
import { finalizeBag } from './finalize-bag.js';
import { bagEntries } from '../recordings/index.js';
import { isProcessAlive } from '../process/index.js';
import { finishIngest, ingestTotals, runningIngests } from './ingest-store.js';

/**
 * An ingest still marked running whose process is gone (or whose PID now belongs to another
 * process) was cut short by a crash or a kill; one another live station runs is left alone.
 * Whatever it left in its bag that the index does not count (a `.partial`, or a copy renamed in
 * the instant before its commit) is the station's own unproved copy: removed, so the bag holds
 * only verified files. The source still has the originals; the next ingest of it resumes.
 */
export async function recoverInterruptedIngests(db: Database, dataDir: string, now: number, audit: AuditTrail | null): Promise<string[]> {
  const recovered: string[] = [];
  for (const ingest of runningIngests(db)) {
    if (ingest.owner_pid !== process.pid && isProcessAlive(ingest.owner_pid, ingest.owner_identity)) continue;
    const counted = new Set(bagEntries(db, ingest.id).map((entry) => archivedFilePath(ingest.id, entry.path)));
    for await (const path of filesUnder(join(toAbsolute(dataDir, ingest.archive_dir), 'data'))) {
      if (!counted.has(toStored(dataDir, path))) await fs.rm(path, { force: true });
    }
    await finalizeBag(db, dataDir, ingest.id, now, 'interrupted');
    const reason = { code: 'interrupted', message: 'the station stopped during this ingest; ingest the source again to resume' } as const;
    // The station ends it, not its operator: the chain says so, beside the ingest's own start row.
    writeTransaction(db, () => {
      finishIngest(db, ingest.id, 'interrupted', reason, now);
      audit?.record({
        actor: 'station',
        role: 'station',
        action: 'ingest.finish',
        object: `ingest:${ingest.id}`,
        details: { state: 'interrupted', reasonCode: reason.code, totals: ingestTotals(db, ingest.id) },
      });
    });
    recovered.push(ingest.id);
  }
  return recovered;
}
