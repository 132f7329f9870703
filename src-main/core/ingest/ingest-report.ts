import type { IngestReport, IngestSummary } from '../../contract/index.js';
import type { Database } from '../db/database.js';
import { toAbsolute } from '../archive/layout.js';
import { getIngest, ingestFiles, ingestTotals, type IngestRow } from './ingest-store.js';

export function ingestSummary(db: Database, dataDir: string, row: IngestRow, iso: (ms: number) => string): IngestSummary {
  return {
    ingestId: row.id,
    source: row.source_path,
    archivePath: toAbsolute(dataDir, row.archive_dir),
    operator: row.operator,
    state: row.state,
    startedAt: iso(row.started_at),
    finishedAt: row.finished_at === null ? null : iso(row.finished_at),
    reason: row.reason,
    reasonCode: row.reason_code,
    totals: ingestTotals(db, row.id),
  };
}

export function ingestReport(db: Database, dataDir: string, ingestId: string): IngestReport | undefined {
  const row = getIngest(db, ingestId);
  if (!row) return undefined;
  return {
    ingestId: row.id,
    source: row.source_path,
    archivePath: toAbsolute(dataDir, row.archive_dir),
    state: row.state,
    reason: row.reason,
    reasonCode: row.reason_code,
    files: ingestFiles(db, ingestId).map((file) => ({
      source: file.source_path,
      size: file.size,
      sha256: file.sha256,
      status: file.status,
      archivePath: file.archive_path === null ? null : toAbsolute(dataDir, file.archive_path),
      reason: file.reason,
      reasonCode: file.reason_code,
      recordedAt: file.recorded_at,
      verification: file.verification,
    })),
    totals: ingestTotals(db, ingestId),
  };
}
