import type { Confidentiality } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/**
 * What the custody report says about each exported recording, read from the tables other
 * capabilities own (recordings, ingests, checkouts, devices, people, findings, sign-offs). Read only.
 */
export interface RecordingFacts {
  id: number;
  sha256: string;
  size: number;
  ingestId: string;
  archivePath: string;
  originalPath: string;
  verification: string;
  ownLevel: Confidentiality;
  checkoutLevel: Confidentiality | null;
  officerId: number | null;
  officerName: string | null;
  officerNumber: string | null;
  deviceSerial: string | null;
  deviceName: string | null;
  checkoutId: number | null;
  checkedOutAt: number | null;
  returnedAt: number | null;
}

const recordingColumns = `
  SELECT r.id, r.sha256, r.size, r.ingest_id AS ingestId, r.archive_path AS archivePath, r.original_path AS originalPath,
         r.verification, r.confidentiality AS ownLevel, c.confidentiality AS checkoutLevel,
         COALESCE(r.officer_id, c.officer_id) AS officerId, p.name AS officerName,
         COALESCE(p.officer_number, r.officer_number) AS officerNumber,
         d.serial AS deviceSerial, d.name AS deviceName,
         r.checkout_id AS checkoutId, c.checked_out_at AS checkedOutAt, c.returned_at AS returnedAt
    FROM recordings r
    JOIN ingests i ON i.id = r.ingest_id
    LEFT JOIN checkouts c ON c.id = r.checkout_id
    LEFT JOIN devices d ON d.id = COALESCE(c.device_id, i.device_id)
    LEFT JOIN people p ON p.id = COALESCE(r.officer_id, c.officer_id)`;

export function recordingsByIds(db: Database, ids: readonly number[]): RecordingFacts[] {
  const statement = db.prepare(`${recordingColumns} WHERE r.id = ?`);
  return ids.map((id) => statement.get(id) as RecordingFacts | undefined).filter((row): row is RecordingFacts => row !== undefined);
}

export const recordingsOfIngest = (db: Database, ingestId: string): RecordingFacts[] =>
  db.prepare(`${recordingColumns} WHERE r.ingest_id = ? ORDER BY r.id`).all(ingestId) as RecordingFacts[];

/** An activity's footage: the recordings the ledger attributed to one check-out. */
export const recordingsOfCheckout = (db: Database, checkoutId: number): RecordingFacts[] =>
  db.prepare(`${recordingColumns} WHERE r.checkout_id = ? ORDER BY r.id`).all(checkoutId) as RecordingFacts[];

export interface IngestFacts {
  id: string;
  operator: string;
  stationName: string;
  startedAt: number;
  finishedAt: number | null;
  state: string;
  driftSeconds: number | null;
  driftBasis: string | null;
  findings: { kind: string; details: string }[];
  signoffs: { decision: string; signerName: string; signedAt: number; reason: string | null; keyId: string }[];
}

export function ingestFacts(db: Database, ingestId: string): IngestFacts | null {
  const row = db
    .prepare(
      `SELECT id, operator, station_name AS stationName, started_at AS startedAt, finished_at AS finishedAt, state,
              drift_seconds AS driftSeconds, drift_basis AS driftBasis FROM ingests WHERE id = ?`,
    )
    .get(ingestId) as Omit<IngestFacts, 'findings' | 'signoffs'> | undefined;
  if (row === undefined) return null;
  const findings = db.prepare('SELECT kind, details_json AS details FROM ingest_findings WHERE ingest_id = ? ORDER BY id').all(ingestId) as IngestFacts['findings'];
  const signoffs = db
    .prepare('SELECT decision, signer_name AS signerName, signed_at AS signedAt, reason, key_id AS keyId FROM signoffs WHERE ingest_id = ? ORDER BY id')
    .all(ingestId) as IngestFacts['signoffs'];
  return { ...row, findings, signoffs };
}
