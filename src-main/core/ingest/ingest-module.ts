import type { IngestQuery, IngestReport, IngestSummary } from '../../contract/index.js';
import type { Capability } from '../capability.js';
import { recognizeVolume } from '../devices/index.js';
import { StationError } from '../errors.js';
import { typedPath } from '../paths.js';
import { createMediaInspector, type MediaInspector } from '../media/index.js';
import type { StationServices } from '../services.js';
import type { IngestOrigin, VerifiedIngestHook } from './ingest-job.js';
import { writeIngestReceipt } from './ingest-receipt.js';
import { ingestReport, ingestSummary } from './ingest-report.js';
import { IngestScheduler, type IngestRequest, type ScheduledIngest } from './ingest-scheduler.js';
import { listIngestPage } from './ingest-query.js';
import { attributeDevice } from './attribution.js';
import { getIngest, ingestsOfDevice } from './ingest-store.js';
import { MetadataQueue } from './metadata-queue.js';
import { recoverInterruptedIngests } from './recovery.js';
import { linkIngestsToSerial } from './relink-device.js';

export interface IngestModule extends Capability<'ingest.start' | 'ingest.cancel' | 'ingest.get' | 'ingest.receipt' | 'ingest.list' | 'ingest.page'> {
  /** The one way to start an ingest, for the plug-in service and anything later. */
  submit(request: IngestRequest): Promise<ScheduledIngest>;
  stopIngest: IngestScheduler['stopJob'];
  /** Prints the ingest's receipt (交接单) as a PDF at `path`, for a host to save or show, once `ingest.receipt` allowed and recorded it. */
  writeReceipt(ingestId: string, path: string): Promise<void>;
  /** A device was registered: earlier folder ingests whose names carry its serial alone are tied to it. */
  deviceRegistered(device: { id: number; serial: string }): void;
  /** A device's ledger changed (a check-out, a check-in): its recordings are attributed again. */
  ledgerChanged(deviceId: number): void;
  /** The whole account of one ingest, as `ingest.get` gives it (for the lead's review). */
  report(ingestId: string): IngestReport | undefined;
  /** One ingest's line in the history (its operator, device, totals), or null. */
  summary(ingestId: string): IngestSummary | null;
  /** The newest finished ingests, for the sign-off list. */
  finishedSummaries(limit: number): IngestSummary[];
}

/** Every ingest, newest first: the query the sign-off list and a single summary narrow. */
const everyIngest: IngestQuery = { limit: 100, offset: 0, sort: 'started', order: 'desc' };

/** `ingest.*`: verified ingests of folders and volumes, scheduled in one place. */
export function ingestModule(
  services: StationServices,
  options: {
    freeSpaceMarginBytes: number;
    onVerified: VerifiedIngestHook;
    /** A signed-off ingest is sealed: its recordings are not attributed again when the ledger changes. */
    sealed: (ingestId: string) => boolean;
  },
): IngestModule {
  const { db, dataDir, iso, log } = services;
  let inspector: MediaInspector | null = null;
  const metadata = new MetadataQueue(db, () => (inspector ??= createMediaInspector({ zone: services.zone })), log);
  const scheduler = new IngestScheduler({ ...services, metadata, freeSpaceMarginBytes: options.freeSpaceMarginBytes, onVerified: options.onVerified });

  const attribution = () => ({ iso, gapSeconds: services.settings().recordingGapSeconds });

  let resumed = false;
  const submit = async (request: IngestRequest): Promise<ScheduledIngest> => {
    const scheduled = await scheduler.submit(request);
    // Files an earlier, interrupted run archived but never described get described, once, when
    // exiftool is wanted anyway: one-shot commands never start it.
    if (!resumed) metadata.describePending(dataDir);
    resumed = true;
    return scheduled;
  };

  /** A folder copied off a recorder still names its device: recognised the way a plugged-in card is. */
  const folderOrigin = async (root: string): Promise<IngestOrigin | null> => {
    try {
      const { deviceId } = await recognizeVolume(db, { mountpoint: root, uuid: null, label: null }, { extraPatterns: services.settings().namePatterns });
      return deviceId === null ? null : { mountpoint: null, deviceId, pluggedInAtMs: null };
    } catch {
      return null;
    }
  };

  const report = (ingestId: string) => ingestReport(db, dataDir, ingestId, { namePatterns: services.settings().namePatterns, iso });

  return {
    submit,
    async writeReceipt(ingestId, path) {
      const row = getIngest(db, ingestId);
      const found = report(ingestId);
      if (!row || !found) throw new StationError('not-found', `no ingest ${ingestId}`);
      await writeIngestReceipt(db, row, found, path, iso);
    },
    stopIngest: (ingestId, reason) => scheduler.stopJob(ingestId, reason),
    deviceRegistered(device) {
      const linked = linkIngestsToSerial(db, device.id, device.serial, services.settings().namePatterns);
      if (linked.length > 0) log.info('ingest.relinked', { deviceId: device.id, ingests: linked });
      attributeDevice(db, linked, attribution());
    },
    ledgerChanged(deviceId) {
      attributeDevice(
        db,
        ingestsOfDevice(db, deviceId).filter((ingestId) => !options.sealed(ingestId)),
        attribution(),
      );
    },
    report: (ingestId) => report(ingestId),
    summary(ingestId) {
      const row = listIngestPage(db, { ...everyIngest, limit: 1 }, services.zone, ingestId).rows[0];
      return row ? ingestSummary(db, dataDir, row, iso) : null;
    },
    finishedSummaries(limit) {
      return listIngestPage(db, { ...everyIngest, limit }, services.zone)
        .rows.filter((row) => row.state !== 'running')
        .map((row) => ingestSummary(db, dataDir, row, iso));
    },
    async start() {
      for (const ingestId of await recoverInterruptedIngests(db, dataDir, services.now(), services.audit)) log.info('ingest.recovered', { ingestId });
    },
    async stop() {
      await scheduler.stop();
      await metadata.drained();
      await inspector?.close();
    },
    handlers: {
      'ingest.start': async (request, caller) => {
        const sourcePath = typedPath(request.sourcePath);
        const { job } = await submit({
          sourcePath,
          operator: caller.name,
          role: caller.role,
          origin: await folderOrigin(sourcePath),
          ...(request.lateReason !== undefined && { lateReason: request.lateReason }),
        });
        return { ingestId: job.id };
      },
      'ingest.cancel': ({ ingestId }) => ({
        cancelled: scheduler.stopJob(ingestId, { code: 'cancelled', message: 'cancelled by the operator' }),
      }),
      'ingest.get': ({ ingestId }) => {
        const found = report(ingestId);
        if (!found) throw new StationError('not-found', `no ingest ${ingestId}`);
        return found;
      },
      // Audited as a view: the row is written in this answer's transaction, and only for an ingest that exists.
      'ingest.receipt': ({ ingestId }) => {
        if (!getIngest(db, ingestId)) throw new StationError('not-found', `no ingest ${ingestId}`);
        return { ingestId };
      },
      'ingest.list': (query) => listIngestPage(db, query, services.zone).rows.map((row) => ingestSummary(db, dataDir, row, iso)),
      'ingest.page': (query) => {
        const { total, rows } = listIngestPage(db, query, services.zone);
        return { total, rows: rows.map((row) => ingestSummary(db, dataDir, row, iso)) };
      },
    },
  };
}
