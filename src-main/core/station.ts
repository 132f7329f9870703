import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { commandNames } from '../contract/index.js';
import { archiveFolder } from './archive/index.js';
import { collectHandlers, type Capability } from './capability.js';
import { defaultZone, isoInZone, isValidZone } from './clock.js';
import { requireStorageFolder } from './data-dir.js';
import { openDatabase } from './db/index.js';
import { devicesModule } from './devices/index.js';
import { EventBus } from './event-bus.js';
import { ingestModule } from './ingest/index.js';
import { openStationLog } from './log/index.js';
import { plugInModule, type WatchOptions } from './plug-in/index.js';
import { recordingsModule } from './recordings/index.js';
import { createRouter } from './router.js';
import type { StationServices } from './services.js';
import { readSettings, settingsModule } from './settings/index.js';
import { sourcesModule } from './sources/index.js';
import type { Station } from './station-api.js';
import { stationInfoModule } from './station-info/index.js';
import { thumbnailsModule } from './thumbnails/index.js';
import { verifyModule } from './verify/index.js';

export type { WatchOptions };

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

/**
 * Opens a station over a data folder: the database and the shared services, then the capabilities
 * in order (each may use those listed before it). Closing stops them in reverse.
 */
export async function openStation(options: StationOptions): Promise<Station> {
  const zone = options.zone ?? defaultZone;
  if (!isValidZone(zone)) throw new Error(`unknown time zone: ${zone}`);
  await requireStorageFolder(options.dataDir);
  const dataDir = resolve(options.dataDir);
  await fs.mkdir(join(dataDir, archiveFolder), { recursive: true });
  const log = await openStationLog(join(dataDir, 'logs'));
  const db = openDatabase(join(dataDir, 'station.db'));
  const services: StationServices = {
    db,
    dataDir,
    zone,
    stationName: options.stationName ?? hostname(),
    events: new EventBus(log),
    log,
    settings: () => readSettings(db),
    now: Date.now,
    iso: (ms) => isoInZone(ms, zone),
  };

  const recordings = recordingsModule(services);
  const thumbnails = thumbnailsModule(services);
  const ingest = ingestModule(services, { freeSpaceMarginBytes: options.freeSpaceMarginBytes ?? defaultMarginBytes });
  const plugIn = plugInModule(services, ingest, options.watch);
  const capabilities: Capability[] = [
    stationInfoModule(services, { version: options.version ?? '0.0.0', autoIngestOverride: options.watch?.autoIngest ?? null }),
    settingsModule(db),
    sourcesModule(),
    devicesModule(db),
    recordings,
    thumbnails,
    verifyModule(db, dataDir),
    ingest,
    plugIn,
  ];
  const router = createRouter(collectHandlers(capabilities, commandNames), log);
  for (const capability of capabilities) await capability.start?.();
  log.info('station.start', { dataDir, zone, version: options.version ?? '0.0.0', watching: options.watch !== undefined });

  return {
    dataDir,
    call: router.call,
    dispatch: router.dispatch,
    onEvent: (listener) => services.events.subscribe(listener),
    mediaFile: recordings.mediaFile,
    thumbnailFile: thumbnails.thumbnailFile,
    writeReceipt: ingest.writeReceipt,
    startWatching: plugIn.watch,
    async close() {
      for (const capability of [...capabilities].reverse()) await capability.stop?.();
      db.close();
      log.info('station.stop', { dataDir });
      await log.close();
    },
  };
}
