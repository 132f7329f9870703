import type { Database } from '../db/database.js';
import type { EventBus } from '../event-bus.js';
import type { IngestEnvironment, IngestJob, IngestOrigin, IngestOutcome } from '../ingest/ingest-job.js';
import type { VolumeService } from '../plug-in/volume-service.js';

/** What the command handlers share: the open station's parts. */
export interface HandlerContext {
  db: Database;
  dataDir: string;
  zone: string;
  stationName: string;
  version: string;
  autoIngestOverride: boolean | null;
  events: EventBus;
  environment: IngestEnvironment;
  iso: (ms: number) => string;
  /** Starts an ingest, registered as running until it ends. */
  launchIngest: (sourcePath: string, operator: string, origin: IngestOrigin | null) => Promise<{ job: IngestJob; done: Promise<IngestOutcome> }>;
  runningIngest: (ingestId: string) => IngestJob | undefined;
  /** The plug-in watcher, when this host watches for devices. */
  volumes: () => VolumeService | null;
}
