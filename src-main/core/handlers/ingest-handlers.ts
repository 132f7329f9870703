import type { Handlers } from '../router.js';
import { StationError } from '../errors.js';
import { verifyArchive } from '../archive/verify-archive.js';
import { ingestReport, ingestSummary } from '../ingest/ingest-report.js';
import { listIngests } from '../ingest/ingest-store.js';
import { getRecording, listRecordings } from '../recordings/recording-store.js';
import { browseFolders } from '../sources/browse.js';
import type { HandlerContext } from './context.js';

type IngestCommands =
  | 'station.info'
  | 'sources.browse'
  | 'ingest.start'
  | 'ingest.cancel'
  | 'ingest.get'
  | 'ingest.list'
  | 'recordings.list'
  | 'recordings.get'
  | 'archive.verify';

export function ingestHandlers(context: HandlerContext): Pick<Handlers, IngestCommands> {
  const { db, dataDir, iso } = context;
  return {
    'station.info': () => ({
      stationName: context.stationName,
      dataDir,
      zone: context.zone,
      now: iso(Date.now()),
      version: context.version,
      autoIngestOverride: context.autoIngestOverride,
    }),
    'sources.browse': ({ path }) => browseFolders(path),
    'ingest.start': async ({ sourcePath }, caller) => {
      const { job } = await context.launchIngest(sourcePath, caller.name, null);
      return { ingestId: job.id };
    },
    'ingest.cancel': ({ ingestId }) => {
      const job = context.runningIngest(ingestId);
      job?.cancel();
      return { cancelled: job !== undefined };
    },
    'ingest.get': ({ ingestId }) => {
      const report = ingestReport(db, dataDir, ingestId);
      if (!report) throw new StationError('not-found', `no ingest ${ingestId}`);
      return report;
    },
    'ingest.list': ({ limit }) => listIngests(db, limit).map((row) => ingestSummary(db, dataDir, row, iso)),
    'recordings.list': (query) => listRecordings(db, dataDir, query, iso),
    'recordings.get': ({ id }) => {
      const detail = getRecording(db, dataDir, id, iso);
      if (!detail) throw new StationError('not-found', `no recording ${id}`);
      return detail;
    },
    'archive.verify': () => verifyArchive(db, dataDir),
  };
}
