import { basename, join } from 'node:path';
import type { Confidentiality } from '../../contract/index.js';
import { auditRowsAbout } from '../audit/index.js';
import { higherLevel } from '../confidentiality/index.js';
import type { StationServices } from '../services.js';
import { ingestFacts, type IngestFacts, type RecordingFacts } from './custody-facts.js';
import { writeCustodyReport, type CustodyReport } from './custody-report.js';
import { copySignoffs, payloadPath } from './make-package.js';

/** A recording's level: the higher of its own and its activity's. */
export const levelOfFacts = (facts: RecordingFacts): Confidentiality => higherLevel(facts.ownLevel, facts.checkoutLevel ?? 'none');

export interface CustodyFilesInput {
  /** The package's or the disc's id, printed on the report. */
  documentId: string;
  madeBy: string;
  madeAt: number;
  purpose: string | null;
  recordings: readonly RecordingFacts[];
  approval: CustodyReport['approval'];
}

/**
 * What proves where footage has been, for anything that carries it out of the station (an export
 * package, an archival disc): each ingest's sign-off under `signoffs/<ingestId>/` and
 * `custody-report.pdf`. Returns the ingests that had a sign-off.
 */
export async function writeCustodyFiles(services: StationServices, out: string, input: CustodyFilesInput): Promise<string[]> {
  const { db, iso } = services;
  const ids = input.recordings.map((facts) => facts.id);
  const ingestIds = [...new Set(input.recordings.map((facts) => facts.ingestId))];
  const signoffIngests = await copySignoffs(services.dataDir, out, ingestIds);
  const ingests = ingestIds.map((id) => ingestFacts(db, id)).filter((facts): facts is IngestFacts => facts !== null);
  const audit = auditRowsAbout(db, [...ids.map((id) => `recording:${id}`), ...ingestIds.map((id) => `ingest:${id}`)]);
  await writeCustodyReport(
    {
      exportId: input.documentId,
      stationName: services.stationName,
      madeBy: input.madeBy,
      madeAt: input.madeAt,
      purpose: input.purpose,
      approval: input.approval,
      recordings: input.recordings.map((facts) => ({ facts, fileName: basename(payloadPath(facts)), level: levelOfFacts(facts) })),
      ingests,
      audit,
      iso,
    },
    join(out, 'custody-report.pdf'),
  );
  return signoffIngests;
}
