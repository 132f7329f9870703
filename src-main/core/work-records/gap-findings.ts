import type { Finding, GapFinding, UncoveredGap } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/**
 * Detected pauses in the footage (`recording-gap` findings inside an activity's window) as work
 * records name them. Reads only: the ingest capability writes `ingest_findings`.
 */

interface FindingRow {
  id: number;
  ingest_id: string;
  details_json: string;
  device_id: number | null;
  device_serial: string | null;
  device_name: string | null;
}

type RecordingGap = Extract<Finding, { kind: 'recording-gap' }>;

export interface DetectedGap {
  finding: GapFinding;
  details: RecordingGap;
  deviceId: number | null;
  device: UncoveredGap['device'];
  /** The missing span on the station's clock, epoch ms. */
  fromMs: number;
  toMs: number;
}

// Pauses outside any activity (a new activity began) need no work record: only those with a span.
const gapColumns = `g.id, g.ingest_id, g.details_json, i.device_id, d.serial AS device_serial, d.name AS device_name
  FROM ingest_findings g JOIN ingests i ON i.id = g.ingest_id LEFT JOIN devices d ON d.id = i.device_id
  WHERE g.kind = 'recording-gap' AND json_extract(g.details_json, '$.activity') IS NOT NULL`;

function detected(row: FindingRow): DetectedGap | null {
  const details = JSON.parse(row.details_json) as RecordingGap;
  if (!details.activity) return null;
  return {
    finding: { findingId: row.id, ingestId: row.ingest_id, from: details.activity.from, to: details.activity.to, gapSeconds: details.gapSeconds },
    details,
    deviceId: row.device_id,
    device: row.device_id === null ? null : { id: row.device_id, serial: row.device_serial ?? '', name: row.device_name },
    fromMs: Date.parse(details.activity.from),
    toMs: Date.parse(details.activity.to),
  };
}

const present = (gap: DetectedGap | null): gap is DetectedGap => gap !== null;

/** The detected pauses on one device, oldest finding first. */
export function gapsOfDevice(db: Database, deviceId: number): DetectedGap[] {
  return (db.prepare(`SELECT ${gapColumns} AND i.device_id = ? ORDER BY g.id`).all(deviceId) as FindingRow[]).map(detected).filter(present);
}

/** The detected pauses no work record names yet, oldest finding first. */
export function uncoveredGaps(db: Database): DetectedGap[] {
  return (
    db.prepare(`SELECT ${gapColumns} AND NOT EXISTS (SELECT 1 FROM work_records w WHERE w.gap_finding_id = g.id) ORDER BY g.id`).all() as FindingRow[]
  )
    .map(detected)
    .filter(present);
}

export function gapById(db: Database, findingId: number): DetectedGap | null {
  const row = db.prepare(`SELECT ${gapColumns} AND g.id = ?`).get(findingId) as FindingRow | undefined;
  return row ? detected(row) : null;
}

/** Finding ids already named by a work record. */
export function linkedFindingIds(db: Database): Set<number> {
  return new Set((db.prepare('SELECT gap_finding_id AS id FROM work_records WHERE gap_finding_id IS NOT NULL').all() as { id: number }[]).map((row) => row.id));
}

/** The officer the check-out was to, by name: the gap list shows whose footage has the pause. */
export function checkoutOfficerName(db: Database, checkoutId: number): string | null {
  const row = db.prepare('SELECT p.name FROM checkouts c JOIN people p ON p.id = c.officer_id WHERE c.id = ?').get(checkoutId) as { name: string } | undefined;
  return row?.name ?? null;
}
