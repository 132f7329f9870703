import type { ClockDrift, FileClock, IngestReport, IngestSummary } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { toAbsolute } from '../archive/index.js';
import { fileClock } from '../clock-drift/index.js';
import type { ListedIngestRow } from './ingest-query.js';
import { findingCount, getIngest, ingestFiles, ingestFindings, ingestTotals, type IngestFileRow, type IngestRow } from './ingest-store.js';

const clockDriftOf = (row: IngestRow): ClockDrift => ({
  seconds: row.drift_seconds,
  basis: row.drift_basis,
  exceedsTolerance: row.drift_exceeds === 1,
  evidence: row.drift_evidence,
});

/** One drift per ingest (one device); files not copied or found by this ingest have no clock. */
const clockOf = (file: IngestFileRow, drift: ClockDrift): FileClock | null =>
  file.status === 'archived' || file.status === 'duplicate'
    ? fileClock(file.device_time, file.corrected_time, drift.seconds, drift.basis)
    : null;

export function ingestSummary(db: Database, dataDir: string, row: ListedIngestRow, iso: (ms: number) => string): IngestSummary {
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
    deviceId: row.device_id,
    device: row.device,
    totals: ingestTotals(db, row.id),
    clockDrift: clockDriftOf(row),
    findingCount: findingCount(db, row.id),
  };
}

export function ingestReport(db: Database, dataDir: string, ingestId: string): IngestReport | undefined {
  const row = getIngest(db, ingestId);
  if (!row) return undefined;
  const drift = clockDriftOf(row);
  return {
    ingestId: row.id,
    source: row.source_path,
    archivePath: toAbsolute(dataDir, row.archive_dir),
    state: row.state,
    reason: row.reason,
    reasonCode: row.reason_code,
    deviceId: row.device_id,
    mountpoint: row.mountpoint,
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
      clock: clockOf(file, drift),
    })),
    totals: ingestTotals(db, ingestId),
    clockDrift: drift,
    findings: ingestFindings(db, ingestId),
  };
}
