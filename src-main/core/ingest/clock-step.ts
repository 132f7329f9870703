import type { Settings } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { toAbsolute } from '../archive/index.js';
import { getDevice } from '../devices/index.js';
import { asStationWallClock } from '../media/index.js';
import { analyzeClock, gpsTimeFromTag, type ClockInputFile, type ClockReference, type findCalibrationCode } from '../clock-drift/index.js';
import { clockSightings, getIngest, saveIngestClock } from './ingest-store.js';

/**
 * Art. 7: after the metadata is read, measure how far the recorder's clock was off and note what
 * the names and times show for review; store it with the ingest. Files are never changed: the
 * corrected time is kept beside the device time.
 */
export async function measureIngestClock(
  db: Database,
  dataDir: string,
  ingestId: string,
  options: { zone: string; settings: Settings; reference: ClockReference | null; findCode: typeof findCalibrationCode },
): Promise<void> {
  const rows = clockSightings(db, ingestId);
  // A recorder confirmed to write local time into UTC header fields is read on the station's clock.
  const deviceId = getIngest(db, ingestId)?.device_id ?? null;
  const localTime = deviceId !== null && getDevice(db, deviceId)?.metadataLocalTime === true;
  const metadataZone = localTime ? options.zone : 'UTC';
  const files: ClockInputFile[] = rows.map((row) => ({
    source: row.source,
    archivedPath: toAbsolute(dataDir, row.archive_path),
    kind: row.kind,
    recordedAt: localTime && row.recorded_at !== null ? asStationWallClock(row.recorded_at, row.recorded_at_source, options.zone) : row.recorded_at,
    durationSeconds: row.duration_seconds,
    gpsTime: gpsTimeFromTag((JSON.parse(row.tags_json) as Record<string, unknown>)['Composite:GPSDateTime']),
    readable: row.readable === null ? null : row.readable === 1,
  }));
  const analysis = await analyzeClock({
    files,
    reference: options.reference,
    zone: options.zone,
    toleranceSeconds: options.settings.driftToleranceSeconds,
    recordingGapSeconds: options.settings.recordingGapSeconds,
    extraNamePatterns: options.settings.namePatterns,
    findCode: options.findCode,
  });
  saveIngestClock(db, ingestId, {
    files: rows.flatMap((row) => {
      const clock = analysis.files[row.source];
      return clock ? [{ sightingId: row.id, deviceTime: clock.deviceTime, correctedTime: clock.correctedTime }] : [];
    }),
    drift: { ...analysis.clockDrift, metadataZone },
    findings: analysis.findings,
  });
}
