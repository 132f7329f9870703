import type { ClockDrift, FileClock, IngestFile, IngestReport, IngestSummary } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { toAbsolute } from '../archive/index.js';
import { fileClock } from '../clock-drift/index.js';
import { readProblem } from '../recordings/index.js';
import type { ListedIngestRow } from './ingest-query.js';
import { serialInNames } from './relink-device.js';
import { earlierSighting, findingCount, getIngest, ingestFiles, ingestFindings, ingestTotals, type IngestFileRow, type IngestRow } from './ingest-store.js';

const clockDriftOf = (row: IngestRow): ClockDrift => ({
  seconds: row.drift_seconds,
  basis: row.drift_basis,
  exceedsTolerance: row.drift_exceeds === 1,
  evidence: row.drift_evidence,
  metadataZone: row.metadata_zone ?? 'UTC',
});

/** One drift per ingest (one device); files not copied or found by this ingest have no clock. */
const clockOf = (file: IngestFileRow, drift: ClockDrift): FileClock | null =>
  file.status === 'archived' || file.status === 'duplicate'
    ? fileClock(file.device_time, file.corrected_time, drift.seconds, drift.basis)
    : null;

/** What the recordings index says of an archived file's playability, so the summary lists the damaged ones at once. */
function damageOf(file: IngestFileRow): Pick<IngestFile, 'readable' | 'problemCode' | 'playsSeconds' | 'durationSeconds'> {
  const problem = readProblem(file.problem);
  return {
    readable: file.readable === null ? null : file.readable === 1,
    problemCode: problem?.code ?? null,
    playsSeconds: problem?.playsSeconds ?? null,
    durationSeconds: file.duration_seconds,
  };
}

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

export function ingestReport(
  db: Database,
  dataDir: string,
  ingestId: string,
  options: { namePatterns: readonly string[]; iso: (ms: number) => string },
): IngestReport | undefined {
  const row = getIngest(db, ingestId);
  if (!row) return undefined;
  const drift = clockDriftOf(row);
  const files = ingestFiles(db, ingestId);
  const before = earlierSighting(db, row);
  return {
    ingestId: row.id,
    source: row.source_path,
    archivePath: toAbsolute(dataDir, row.archive_dir),
    state: row.state,
    reason: row.reason,
    reasonCode: row.reason_code,
    deviceId: row.device_id,
    unregisteredSerial: row.device_id === null ? serialInNames(files.map((file) => file.source_path), options.namePatterns) : null,
    importedBefore: before === null ? null : options.iso(before),
    mountpoint: row.mountpoint,
    files: files.map((file) => ({
      source: file.source_path,
      originalNameHex: file.original_name_hex,
      size: file.size,
      sha256: file.sha256,
      status: file.status,
      archivePath: file.archive_path === null ? null : toAbsolute(dataDir, file.archive_path),
      reason: file.reason,
      reasonCode: file.reason_code,
      recordedAt: file.recorded_at,
      verification: file.verification,
      clock: clockOf(file, drift),
      ...damageOf(file),
    })),
    totals: ingestTotals(db, ingestId),
    clockDrift: drift,
    findings: ingestFindings(db, ingestId),
  };
}
