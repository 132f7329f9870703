import type { Caller, StationEvent } from '../../../src-main/contract/index.js';
import { EventBus } from '../../../src-main/core/event-bus.js';
import { nullLog } from '../../../src-main/core/log/index.js';
import { StationError } from '../../../src-main/core/errors.js';
import { createRouter } from '../../../src-main/core/router.js';
import type { MediaFile, Station } from '../../../src-main/core/station-api.js';

/**
 * A small but real Station for testing hosts: the core's own router and event bus, a handful of
 * working commands, and playback files the test creates. The host is what is under test.
 */
export interface SmallStation extends Station {
  emit(event: StationEvent): void;
  /** Event listeners currently subscribed, to prove hosts unsubscribe. */
  listeners(): number;
  /** Callers seen by commands, in order. */
  readonly callers: Caller[];
  readonly closed: boolean;
}

export function smallStation(dataDir: string, media: ReadonlyMap<number, MediaFile> = new Map()): SmallStation {
  const bus = new EventBus(nullLog);
  const callers: Caller[] = [];
  let listenerCount = 0;
  let closed = false;
  const absent = (what: string) => () => {
    throw new StationError('not-found', `${what} does not exist in this small station`);
  };
  const router = createRouter(
    {
    'station.info': (_input, caller) => {
      callers.push(caller);
      return { stationName: 'test desk', dataDir, zone: 'Asia/Shanghai', now: new Date(0).toISOString(), version: '0.0.0', autoIngestOverride: null };
    },
    'sources.browse': absent('source'),
    'ingest.start': (input, caller) => {
      callers.push(caller);
      return { ingestId: `ingest-of-${input.sourcePath}` };
    },
    'ingest.cancel': () => ({ cancelled: false }),
    'ingest.get': absent('ingest'),
    'ingest.receipt': absent('ingest'),
    'ingest.list': () => [],
    'ingest.page': () => ({ total: 0, rows: [] }),
    'recordings.list': () => ({ total: 0, rows: [] }),
    'recordings.get': absent('recording'),
    'recordings.play': ({ id }) => {
      if (!media.has(id)) throw new StationError('not-found', `no recording ${id}`);
      return { id, confidentiality: 'none' };
    },
    'recordings.thumbnail': ({ id }) => ({ id }),
    'archive.verify': () => ({ checked: 0, problems: [] }),
    'devices.list': () => [],
    'devices.add': absent('device registry'),
    'devices.update': absent('device'),
    'devices.setMetadataLocalTime': absent('device'),
    'volumes.list': () => [],
    'volumes.match': absent('volume'),
    'volumes.ingest': absent('volume'),
    'settings.get': () => ({ autoIngest: false, anyVolume: false, driftToleranceSeconds: 30, recordingGapSeconds: 60, namePatterns: [], idleLockMinutes: 10, ingestDeadlineHours: 24, bodyCamerasPerOfficer: 1, checkInOnPlugIn: false, unitName: '', discRecheckMonths: 12, maxConcurrentIngests: 16 }),
    'settings.update': absent('settings store'),
    'ledger.checkout': absent('ledger'),
    'ledger.checkin': absent('ledger'),
    'ledger.lateReason': absent('check-out'),
    'ledger.list': () => [],
    'ledger.deadlines': () => [],
    'ledger.export': absent('ledger'),
    'workRecords.add': absent('device'),
    'workRecords.list': () => [],
    'workRecords.decide': absent('work record'),
    'workRecords.file': absent('work record'),
    'workRecords.gaps': () => [],
    'workRecords.form': absent('work record'),
    'discs.request': absent('recording'),
    'discs.decide': absent('disc request'),
    'discs.plan': absent('disc request'),
    'discs.requests': () => [],
    'discs.image': absent('disc'),
    'discs.burn': absent('disc'),
    'discs.verify': absent('disc'),
    'discs.cancel': () => ({ cancelled: false }),
    'discs.store': absent('disc'),
    'discs.label': absent('disc'),
    'discs.list': () => [],
    'discs.drives': () => [],
    'discs.due': () => [],
    'session.status': () => ({ state: 'open', person: null, idleLockMinutes: 10 }),
    'session.signIn': absent('account'),
    'session.signOut': () => ({ state: 'open', person: null, idleLockMinutes: 10 }),
    'session.lock': absent('session'),
    'session.unlock': absent('session'),
    'session.changePassword': absent('account'),
    'people.list': () => [],
    'people.add': absent('people register'),
    'people.update': absent('person'),
    'people.setPassword': absent('account'),
    'audit.list': () => [],
    'audit.verify': () => ({ rows: 0, checkpoints: 0, ok: true, problems: [] }),
    'signoff.list': () => [],
    'signoff.review': absent('ingest'),
    'signoff.decide': absent('ingest'),
    'signoff.verify': () => ({ checked: 0, ok: 0, problems: [] }),
    'signoff.keys': () => [],
    'export.create': absent('recording'),
    'export.approvals': () => [],
    'export.decide': absent('export approval request'),
    'confidentiality.classify': absent('recording'),
    'confidentiality.grant': absent('recording'),
    'confidentiality.grants': () => [],
    },
    nullLog,
  );
  return {
    dataDir,
    call: router.call,
    dispatch: router.dispatch,
    onEvent(listener) {
      const unsubscribe = bus.subscribe(listener);
      listenerCount += 1;
      let subscribed = true;
      return () => {
        if (subscribed) listenerCount -= 1;
        subscribed = false;
        unsubscribe();
      };
    },
    mediaFile: (id) => media.get(id) ?? null,
    writeReceipt: () => Promise.reject(new StationError('not-found', 'this test station prints no receipts')),
    thumbnailFile: () => Promise.resolve(null),
    startWatching: () => Promise.resolve(),
    async close() {
      closed = true;
    },
    emit: (event) => bus.emit(event),
    listeners: () => listenerCount,
    callers,
    get closed() {
      return closed;
    },
  };
}
