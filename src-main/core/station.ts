import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultZone, isoInZone, isValidZone } from './clock.js';
import { openDatabase } from './db/database.js';
import { EventBus } from './event-bus.js';
import { createRouter } from './router.js';
import { StationError } from './errors.js';
import { isWithin } from './paths.js';
import type { MediaFile, Station } from './station-api.js';
import { archiveFolder, toAbsolute } from './archive/layout.js';
import { deviceHandlers } from './handlers/device-handlers.js';
import type { HandlerContext } from './handlers/context.js';
import { ingestHandlers } from './handlers/ingest-handlers.js';
import { IngestJob, type IngestEnvironment, type IngestOrigin, type IngestOutcome } from './ingest/ingest-job.js';
import { recognizeVolume } from './devices/recognize-volume.js';
import { MetadataQueue } from './ingest/metadata-queue.js';
import { recoverInterruptedIngests } from './ingest/recovery.js';
import { createMediaInspector, type MediaInspector } from './media/inspector.js';
import { VolumeService } from './plug-in/volume-service.js';
import { mimeTypeFor } from './recordings/mime.js';
import { pendingMetadata, recordingFile } from './recordings/recording-store.js';
import { readSettings } from './settings/settings-store.js';
import { createVolumeScanner } from './volumes/volume-scanner.js';

export interface WatchOptions {
  /** Also offer non-removable volumes (built-in SD readers; loop devices in tests); else the setting. */
  anyVolume?: boolean;
  /** Ingest recognised devices on their own; else the setting. */
  autoIngest?: boolean;
  /** Who is at the station: recorded as the operator of ingests started by plugging a device in. */
  operator: string;
}

export interface StationOptions {
  dataDir: string;
  zone?: string;
  stationName?: string;
  freeSpaceMarginBytes?: number;
  version?: string;
  /** Watch for plugged-in devices (desktop, browser mode, `station watch`); one-shot commands do not. */
  watch?: WatchOptions;
}

const defaultMarginBytes = 64 * 1024 * 1024;

export async function openStation(options: StationOptions): Promise<Station> {
  const zone = options.zone ?? defaultZone;
  if (!isValidZone(zone)) throw new Error(`unknown time zone: ${zone}`);
  const dataDir = resolve(options.dataDir);
  await fs.mkdir(join(dataDir, archiveFolder), { recursive: true });
  await fs.mkdir(join(dataDir, 'logs'), { recursive: true });
  const db = openDatabase(join(dataDir, 'station.db'));
  await recoverInterruptedIngests(db, dataDir, Date.now());

  const events = new EventBus();
  const iso = (ms: number) => isoInZone(ms, zone);
  let inspector: MediaInspector | null = null;
  const metadata = new MetadataQueue(db, () => (inspector ??= createMediaInspector({ zone })));
  const environment: IngestEnvironment = {
    db,
    dataDir,
    stationName: options.stationName ?? hostname(),
    events,
    metadata,
    freeSpaceMarginBytes: options.freeSpaceMarginBytes ?? defaultMarginBytes,
    zone,
    settings: () => readSettings(db),
    now: Date.now,
  };
  const jobs = new Map<string, { job: IngestJob; done: Promise<IngestOutcome> }>();

  /** Roots whose ingest is being set up: claimed before the first await, so two starts cannot both pass. */
  const starting = new Set<string>();
  const overlaps = (a: string, b: string) => isWithin(a, b) || isWithin(b, a);
  /** An ingest of this folder, of one inside it, or of one holding it: the same files would be read twice at once. */
  const runningOn = (root: string) => [...jobs.values()].find((running) => overlaps(running.job.root, root));
  let pendingQueued = false;
  const launchIngest: HandlerContext['launchIngest'] = async (sourcePath, operator, origin) => {
    const root = resolve(sourcePath);
    // A card pulled out and plugged back in quickly may find its last ingest still winding down.
    for (let same = runningOn(root); same; same = runningOn(root)) {
      if (!same.job.stopping) throw new StationError('busy', `an ingest of ${root} is already running`);
      await same.done;
    }
    if ([...starting].some((other) => overlaps(other, root))) throw new StationError('busy', `an ingest of ${root} is already starting`);
    starting.add(root);
    try {
      const job = await IngestJob.create(environment, root, operator, origin ?? (await folderOrigin(root)));
      // Files an earlier, interrupted run archived but never described get described, once.
      if (!pendingQueued) for (const pending of pendingMetadata(db)) void metadata.add(pending.id, toAbsolute(dataDir, pending.archivePath));
      pendingQueued = true;
      const done = job
        .run()
        .catch((error: unknown): IngestOutcome => {
          console.error(`ingest ${job.id} ended unexpectedly`, error);
          const reason = { code: 'copy-failed', message: String(error) } as const;
          // Whoever waits for this ingest (the CLI, a card) must still hear that it ended.
          events.emit({ type: 'ingest.failed', ingestId: job.id, mountpoint: job.origin?.mountpoint ?? null, reason: reason.message, reasonCode: reason.code });
          return { state: 'failed', reason, failed: 0 };
        })
        .finally(() => jobs.delete(job.id));
      const running = { job, done };
      jobs.set(job.id, running);
      return running;
    } finally {
      starting.delete(root);
    }
  };

  const { watch } = options;
  /** A folder copied off a recorder still names its device: recognised the way a plugged-in card is. */
  const folderOrigin = async (root: string): Promise<IngestOrigin | null> => {
    try {
      const { deviceId } = await recognizeVolume(db, { mountpoint: root, uuid: null, label: null }, { extraPatterns: readSettings(db).namePatterns });
      return deviceId === null ? null : { mountpoint: null, deviceId, pluggedInAtMs: null };
    } catch {
      return null;
    }
  };

  let volumes: VolumeService | null = null;
  const context: HandlerContext = {
    db,
    dataDir,
    zone,
    stationName: environment.stationName,
    version: options.version ?? '0.0.0',
    autoIngestOverride: watch?.autoIngest ?? null,
    events,
    environment,
    iso,
    launchIngest,
    runningIngest: (ingestId) => jobs.get(ingestId)?.job,
    volumes: () => volumes,
  };
  const router = createRouter({ ...ingestHandlers(context), ...deviceHandlers(context) });

  if (watch) {
    const scanner = createVolumeScanner({ anyVolume: watch.anyVolume ?? readSettings(db).anyVolume, excludePath: dataDir });
    volumes = new VolumeService(
      { db, events, zone, settings: () => readSettings(db), now: Date.now, startIngest: (mountpoint, origin) => launchIngest(mountpoint, watch.operator, origin) },
      scanner,
      watch.autoIngest ?? null,
    );
  }
  let watching: Promise<void> | null = null;

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
    startWatching() {
      watching ??= volumes?.start() ?? Promise.resolve();
      return watching;
    },
    async close() {
      if (watching) await volumes?.stop();
      for (const { job } of jobs.values()) job.cancel();
      await Promise.allSettled([...jobs.values()].map((running) => running.done));
      await metadata.drained();
      await inspector?.close();
      db.close();
    },
  };
}
