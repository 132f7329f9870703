import type { IngestState } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { writeBagTags, toAbsolute } from '../archive/index.js';
import { auditHead } from '../audit/index.js';
import { bagEntries } from '../recordings/index.js';
import { getIngest } from './ingest-store.js';

/**
 * Writes the bag's manifest and bag-info from the index: the bag lists exactly what was verified.
 * bag-info's Audit-Head is the chain's head now: it covers the ingest's `ingest.start` row and
 * everything before, but not its `ingest.finish` row, which is written after the bag is durable
 * (a bag cannot name a row whose commit might yet fail, nor know the rows other processes append
 * in between).
 */
export async function finalizeBag(
  db: Database,
  dataDir: string,
  ingestId: string,
  finishedAt: number,
  state: IngestState,
): Promise<void> {
  const ingest = getIngest(db, ingestId);
  if (!ingest) throw new Error(`no ingest ${ingestId}`);
  await writeBagTags(toAbsolute(dataDir, ingest.archive_dir), bagEntries(db, ingestId), {
    sourceOrganization: ingest.station_name,
    externalIdentifier: ingest.id,
    sourcePath: ingest.source_path,
    sourceDevice: ingest.source_label,
    station: ingest.station_name,
    operator: ingest.operator,
    started: new Date(ingest.started_at).toISOString(),
    finished: new Date(finishedAt).toISOString(),
    state,
    auditHead: auditHead(db),
  });
}
