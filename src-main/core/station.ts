import { promises as fs } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { commandNames } from '../contract/index.js';
import { archiveFolder } from './archive/index.js';
import { AuditTrail, auditModule, openStationKey } from './audit/index.js';
import { collectHandlers, type Capability } from './capability.js';
import { confidentialityModule } from './confidentiality/index.js';
import { defaultZone, isoInZone, isValidZone } from './clock.js';
import { canWriteIn, ReadOnlyDataFolderError, requireStorageFolder } from './data-dir.js';
import { openDatabase, openDatabaseReadOnly } from './db/index.js';
import { devicesModule } from './devices/index.js';
import { discsModule } from './discs/index.js';
import { evidenceExportModule } from './evidence-export/index.js';
import { EventBus } from './event-bus.js';
import { ingestModule } from './ingest/index.js';
import { ledgerModule } from './ledger/index.js';
import { nullLog, openStationLog } from './log/index.js';
import { peopleModule } from './people/index.js';
import { plugInModule, type WatchOptions } from './plug-in/index.js';
import { recordingsModule } from './recordings/index.js';
import { createRouter } from './router.js';
import type { StationServices } from './services.js';
import { readSettings, settingsModule } from './settings/index.js';
import { signoffModule } from './signoff/index.js';
import { sourcesModule } from './sources/index.js';
import type { Station } from './station-api.js';
import { stationInfoModule } from './station-info/index.js';
import { thumbnailsModule } from './thumbnails/index.js';
import { verifyModule } from './verify/index.js';
import { workRecordsModule } from './work-records/index.js';

export type { WatchOptions };

export interface StationOptions {
  dataDir: string;
  zone?: string;
  stationName?: string;
  freeSpaceMarginBytes?: number;
  version?: string;
  /** Watch for plugged-in devices (desktop, browser mode, `station watch`); one-shot commands do not. */
  watch?: WatchOptions;
  /**
   * The caller only reads (listing, verifying, printing a receipt elsewhere): a data folder that
   * cannot be written (an archive on write-protected media) is then opened read-only — the
   * database read-only, no log file, none of the start-up work that writes (crash recovery,
   * back-filling). Without it such a folder is refused with ReadOnlyDataFolderError.
   */
  onlyReads?: boolean;
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
  const readOnly = !(await canWriteIn(dataDir));
  if (readOnly && !options.onlyReads) throw new ReadOnlyDataFolderError(dataDir);
  if (!readOnly) await fs.mkdir(join(dataDir, archiveFolder), { recursive: true });
  const log = readOnly ? nullLog : await openStationLog(join(dataDir, 'logs'));
  const db = readOnly ? openDatabaseReadOnly(join(dataDir, 'station.db')) : openDatabase(join(dataDir, 'station.db'));
  const stationKey = await openStationKey(dataDir, { create: !readOnly });
  const audit = readOnly || stationKey === null ? null : new AuditTrail(db, stationKey, Date.now);
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
    audit,
  };

  const people = peopleModule(services);
  const recordings = recordingsModule(services, () => signoff.standing());
  const thumbnails = thumbnailsModule(services);
  // Late-bound: the ledger tells the ingest capability, made next, when a device's windows change.
  const ledger = ledgerModule(services, (deviceId) => ingest.ledgerChanged(deviceId));
  const ingest = ingestModule(services, {
    freeSpaceMarginBytes: options.freeSpaceMarginBytes ?? defaultMarginBytes,
    onVerified: (verified) => ledger.meetDeadline(verified),
    sealed: (ingestId) => signoff.isSealed(ingestId),
  });
  const signoff = signoffModule(services, ingest, people.signer);
  const plugIn = plugInModule(services, ingest, ledger, options.watch);
  const capabilities: Capability[] = [
    // First, so it stops last: its shutdown checkpoint covers everything the others recorded.
    auditModule(db, dataDir, audit, stationKey, zone, services.iso),
    people,
    stationInfoModule(services, { version: options.version ?? '0.0.0', autoIngestOverride: options.watch?.autoIngest ?? null }),
    settingsModule(db),
    sourcesModule(),
    devicesModule(db, (device) => ingest.deviceRegistered(device)),
    recordings,
    confidentialityModule(services),
    thumbnails,
    verifyModule(db, dataDir),
    ledger,
    ingest,
    signoff,
    plugIn,
    evidenceExportModule(services, people.signer),
    workRecordsModule(services, people.signer),
    discsModule(services, people.signer),
  ];
  const router = createRouter(collectHandlers(capabilities, commandNames), log, { db, trail: audit }, (credentials) =>
    people.authenticator.identify(credentials),
  );
  const started: Capability[] = [];
  /** Stops what started, in reverse, then lets go of the database and the log, whatever fails on the way. */
  const stopAll = async (): Promise<void> => {
    try {
      for (const capability of started.reverse()) await capability.stop?.();
    } finally {
      db.close();
      await log.close();
    }
  };
  try {
    // A read-only archive starts nothing: every start-up job (recovery, backfill) writes.
    for (const capability of readOnly ? [] : capabilities) {
      started.push(capability);
      await capability.start?.();
    }
  } catch (error) {
    log.error('station.start-failed', error, { dataDir });
    await stopAll();
    throw error;
  }
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
      log.info('station.stop', { dataDir });
      await stopAll();
    },
  };
}
