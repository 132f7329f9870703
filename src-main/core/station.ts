import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { isoInZone, defaultZone, isValidZone } from './clock.js';
import { openDatabase } from './db/database.js';
import { EventBus } from './event-bus.js';
import { createRouter, StationError, type Handlers } from './router.js';
import type { MediaFile, Station } from './station-api.js';
import { archiveFolder, toAbsolute } from './archive/layout.js';
import { verifyArchive } from './archive/verify-archive.js';
import { IngestJob, type IngestEnvironment } from './ingest/ingest-job.js';
import { ingestReport, ingestSummary } from './ingest/ingest-report.js';
import { listIngests } from './ingest/ingest-store.js';
import { MetadataQueue } from './ingest/metadata-queue.js';
import { recoverInterruptedIngests } from './ingest/recovery.js';
import { createMediaInspector, type MediaInspector } from './media/inspector.js';
import { mimeTypeFor } from './recordings/mime.js';
import { getRecording, listRecordings, pendingMetadata, recordingFile } from './recordings/recording-store.js';
import { browseFolders } from './sources/browse.js';
import { mountedVolumes } from './sources/volumes.js';

export interface StationOptions {
  dataDir: string;
  zone?: string;
  stationName?: string;
  freeSpaceMarginBytes?: number;
  version?: string;
}

const defaultMarginBytes = 64 * 1024 * 1024;

export async function openStation(options: StationOptions): Promise<Station> {
  const zone = options.zone ?? defaultZone;
  if (!isValidZone(zone)) throw new Error(`unknown time zone: ${zone}`);
  const { dataDir } = options;
  await fs.mkdir(join(dataDir, archiveFolder), { recursive: true });
  await fs.mkdir(join(dataDir, 'logs'), { recursive: true });
  const db = openDatabase(join(dataDir, 'station.db'));
  await recoverInterruptedIngests(db, dataDir, Date.now());

  const events = new EventBus();
  const iso = (ms: number) => isoInZone(ms, zone);
  let inspector: MediaInspector | null = null;
  const metadata = new MetadataQueue(db, () => (inspector ??= createMediaInspector({ zone })));
  const stationName = options.stationName ?? hostname();
  const environment: IngestEnvironment = {
    db,
    dataDir,
    stationName,
    events,
    metadata,
    freeSpaceMarginBytes: options.freeSpaceMarginBytes ?? defaultMarginBytes,
    now: Date.now,
  };
  const jobs = new Map<string, { job: IngestJob; done: Promise<void> }>();

  const handlers: Handlers = {
    'station.info': () => ({ stationName, dataDir, zone, now: iso(Date.now()), version: options.version ?? '0.0.0' }),
    'sources.volumes': () => mountedVolumes(dataDir),
    'sources.browse': ({ path }) => browseFolders(path),
    'ingest.start': async ({ sourcePath }, caller) => {
      const root = resolve(sourcePath);
      if ([...jobs.values()].some((running) => running.job.root === root)) {
        throw new StationError('busy', `an ingest of ${root} is already running`);
      }
      const job = await IngestJob.create(environment, root, caller.name);
      // Files an earlier, interrupted run archived but never described get described now.
      for (const pending of pendingMetadata(db)) metadata.add(pending.id, toAbsolute(dataDir, pending.archivePath));
      const done = job.run().finally(() => jobs.delete(job.id));
      jobs.set(job.id, { job, done });
      return { ingestId: job.id };
    },
    'ingest.cancel': ({ ingestId }) => {
      const running = jobs.get(ingestId);
      running?.job.cancel();
      return { cancelled: running !== undefined };
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
  const router = createRouter(handlers);

  return {
    dataDir,
    call: router.call,
    dispatch: router.dispatch,
    onEvent: (listener) => events.subscribe(listener),
    mediaFile(recordingId: number): MediaFile | null {
      const file = recordingFile(db, recordingId);
      if (!file) return null;
      return { path: toAbsolute(dataDir, file.archivePath), size: file.size, mime: mimeTypeFor(file.name) };
    },
    async close() {
      for (const { job } of jobs.values()) job.cancel();
      await Promise.allSettled([...jobs.values()].map((running) => running.done));
      await metadata.drained();
      await inspector?.close();
      db.close();
    },
  };
}
