import type { AttachedVolume, Caller, Settings } from '../../contract/index.js';
import type { AuditTrail } from '../audit/index.js';
import { isoInZone } from '../clock.js';
import { writeTransaction, type Database } from '../db/index.js';
import { getDevice, publicDevice, recognizeVolume, rememberVolume, type Recognition } from '../devices/index.js';
import { describe, StationError } from '../errors.js';
import type { EventBus } from '../event-bus.js';
import type { IngestActor, IngestOrigin, Reason, ScheduledIngest } from '../ingest/index.js';
import type { Volume, VolumeScanner } from '../volumes/index.js';
import { attachedView, type OpenCheckoutOf } from './attached-view.js';

interface Entry {
  volume: Volume;
  /** An ingest of it is being set up or running: never a second one. */
  busy: boolean;
  /** Station clock when the volume appeared (Art. 7: recordings cannot end after this). */
  pluggedInAt: number;
  recognition: Recognition | null;
  view: AttachedVolume;
  /** Its ingest while one is queued or running. */
  ingestId: string | null;
}

export interface VolumeServiceDeps {
  db: Database;
  events: EventBus;
  zone: string;
  settings: () => Settings;
  /**
   * Submits a verified ingest of the mount point to the scheduler; resolves once it is recorded.
   * `actor` is whoever asked for it; null when the station starts it on its own (auto-ingest).
   */
  startIngest: (mountpoint: string, origin: IngestOrigin, actor: IngestActor | null) => Promise<ScheduledIngest>;
  /** Stops a queued or running ingest with the reason. */
  stopIngest: (ingestId: string, reason: Reason) => void;
  now: () => number;
  /** The device ledger: whether a recorder is out, and checking it in at its plug-in time (setting checkInOnPlugIn). */
  ledger: { openCheckout: OpenCheckoutOf; checkInAtPlugIn(deviceId: number, pluggedInAt: number): boolean };
  /** Where a match is recorded, in the transaction that remembers it. */
  audit: AuditTrail | null;
}

/**
 * A plugged-in volume's way: seen → identified → (auto-ingest, known device) ingesting →
 * verified, "safe to remove" — or a clear failure. Several cards at once; the ingest scheduler
 * decides how many copy at a time.
 * A card pulled out mid-copy stops its ingest; plugging it in again resumes without copying twice.
 */
export class VolumeService {
  private readonly entries = new Map<string, Entry>();
  private stopped = false;
  private unsubscribe: (() => void) | null = null;

  constructor(
    private readonly deps: VolumeServiceDeps,
    private readonly scanner: VolumeScanner,
    private readonly autoIngestOverride: boolean | null,
  ) {}

  async start(): Promise<void> {
    this.scanner.on('attach', (volume) => void this.attached(volume));
    this.scanner.on('detach', (volume) => this.detached(volume));
    this.scanner.on('error', (error) => this.deps.events.emit({ type: 'station.error', message: describe(error) }));
    // A recorder checked in or out at the desk while plugged in: its card says so at once.
    this.unsubscribe = this.deps.events.subscribe((event) => {
      if (event.type === 'ledger.changed') this.refreshCheckouts();
    });
    await this.scanner.start();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.unsubscribe?.();
    await this.scanner.stop();
    for (const entry of this.entries.values()) this.stopIngestOf(entry, { code: 'cancelled', message: 'the station is stopping' });
  }

  list(): AttachedVolume[] {
    return [...this.entries.values()].map((entry) => entry.view);
  }

  /** The officer says which device this is: remembered (and audited), and the card ingested if auto-ingest is on. */
  async match(mountpoint: string, deviceId: number, caller: Caller): Promise<AttachedVolume> {
    const entry = this.require(mountpoint);
    const { db, audit } = this.deps;
    const { uuid, label } = entry.volume;
    writeTransaction(db, () => {
      // What the device is known by from now on, this card's UUID, label or serials among them.
      const knownBy = rememberVolume(db, deviceId, entry.volume, entry.recognition);
      audit?.record({
        actor: caller.name,
        role: caller.role,
        action: 'volumes.match',
        object: `device:${deviceId}`,
        details: { kind: 'change', mountpoint, uuid, label, knownBy: knownBy.map(({ kind, value }) => ({ kind, value })) },
      });
    });
    // Recognised again from what is now remembered, so the card says how it will be known next time.
    entry.recognition = await recognizeVolume(db, entry.volume, { extraPatterns: this.deps.settings().namePatterns });
    const view = attachedView(db, entry.volume, entry.recognition, entry.view.attachedAt, this.deps.ledger.openCheckout);
    if (view.deviceId === deviceId) {
      this.update(entry, { deviceId, device: view.device, how: view.how, state: 'ready', openCheckout: view.openCheckout });
    } else {
      // Nothing on this card can be remembered (no UUID, a generic label): the officer's word holds for now.
      const device = getDevice(db, deviceId);
      this.update(entry, { deviceId, device: device && publicDevice(device), how: null, state: 'ready', openCheckout: this.deps.ledger.openCheckout(deviceId) });
    }
    this.checkInIfSet(entry);
    if (this.autoIngest()) this.autoStart(entry);
    return entry.view;
  }

  /** The caller asked for this card to be ingested: its `ingest.start` row names them. */
  ingest(mountpoint: string, caller: Caller): Promise<{ ingestId: string }> {
    const entry = this.require(mountpoint);
    if (entry.busy) throw new StationError('busy', `${mountpoint} is already being ingested`);
    return this.run(entry, { name: caller.name, role: caller.role });
  }

  private require(mountpoint: string): Entry {
    const entry = this.entries.get(mountpoint);
    if (!entry) throw new StationError('not-found', `no volume is attached at ${mountpoint}`);
    return entry;
  }

  private autoIngest(): boolean {
    return this.autoIngestOverride ?? this.deps.settings().autoIngest;
  }

  private async attached(volume: Volume): Promise<void> {
    const { db, events, now, zone } = this.deps;
    const attachedAt = isoInZone(now(), zone);
    const entry: Entry = {
      volume,
      busy: false,
      pluggedInAt: now(),
      recognition: null,
      ingestId: null,
      view: attachedView(db, volume, null, attachedAt, this.deps.ledger.openCheckout),
    };
    this.entries.set(volume.mountpoint, entry);
    try {
      entry.recognition = await recognizeVolume(db, volume, { extraPatterns: this.deps.settings().namePatterns });
      entry.view = attachedView(db, volume, entry.recognition, attachedAt, this.deps.ledger.openCheckout);
    } catch (error) {
      entry.view = { ...entry.view, state: 'failed', reason: `cannot read the volume: ${describe(error)}`, reasonCode: 'unreadable' };
    }
    if (this.stopped || this.entries.get(volume.mountpoint) !== entry) return;
    // Checked in before the ingest starts, so that the ingest meets the deadline this return starts.
    this.checkInIfSet(entry);
    events.emit({ type: 'volume.attached', mountpoint: volume.mountpoint, deviceId: entry.view.deviceId, volume: entry.view });
    if (entry.view.state === 'ready' && this.autoIngest()) this.autoStart(entry);
  }

  /** With the setting checkInOnPlugIn, a recorder that is out is checked in at the moment it was plugged in. */
  private checkInIfSet(entry: Entry): void {
    const { deviceId, openCheckout } = entry.view;
    if (deviceId === null || openCheckout === null || !this.deps.settings().checkInOnPlugIn) return;
    try {
      if (this.deps.ledger.checkInAtPlugIn(deviceId, entry.pluggedInAt)) entry.view = { ...entry.view, openCheckout: this.deps.ledger.openCheckout(deviceId) };
    } catch (error) {
      this.deps.events.emit({ type: 'station.error', message: `could not check in the recorder at ${entry.volume.mountpoint}: ${describe(error)}` });
    }
  }

  /** The ledger changed: each card shows its recorder's check-out as it is now. */
  private refreshCheckouts(): void {
    for (const entry of this.entries.values()) {
      if (entry.view.deviceId === null) continue;
      const openCheckout = this.deps.ledger.openCheckout(entry.view.deviceId);
      if (openCheckout?.checkoutId !== entry.view.openCheckout?.checkoutId) this.update(entry, { openCheckout });
    }
  }

  private detached(volume: Volume): void {
    const entry = this.entries.get(volume.mountpoint);
    if (!entry) return;
    this.entries.delete(volume.mountpoint);
    this.stopIngestOf(entry, { code: 'source-gone', message: `the device at ${volume.mountpoint} was removed during the ingest` });
    this.deps.events.emit({ type: 'volume.detached', mountpoint: volume.mountpoint, deviceId: entry.view.deviceId });
  }

  private autoStart(entry: Entry): void {
    if (!entry.busy) void this.run(entry, null).catch(() => undefined);
  }

  private stopIngestOf(entry: Entry, reason: Reason): void {
    if (entry.ingestId !== null) this.deps.stopIngest(entry.ingestId, reason);
  }

  private async run(entry: Entry, actor: IngestActor | null): Promise<{ ingestId: string }> {
    const { mountpoint } = entry.volume;
    entry.busy = true;
    try {
      const { job, done } = await this.deps.startIngest(mountpoint, {
        mountpoint,
        deviceId: entry.view.deviceId,
        pluggedInAtMs: entry.pluggedInAt,
      }, actor);
      entry.ingestId = job.id;
      // Unplugged (or the station stopping) while the ingest was being set up: it must not run on.
      if (this.stopped || this.entries.get(mountpoint) !== entry) {
        this.stopIngestOf(entry, { code: 'source-gone', message: `the device at ${mountpoint} was removed before its ingest began` });
      }
      this.update(entry, { state: 'ingesting', ingestId: job.id, reason: null, reasonCode: null, safeToRemove: false });
      void done.then((outcome) => {
        entry.ingestId = null;
        entry.busy = false;
        if (this.entries.get(mountpoint) === entry) {
          const verified = outcome.state === 'completed' && outcome.failed === 0;
          this.update(
            entry,
            verified
              ? { state: 'verified', safeToRemove: true }
              : {
                  state: 'failed',
                  reason: outcome.reason?.message ?? `${outcome.failed} files failed`,
                  reasonCode: outcome.reason?.code ?? 'copy-failed',
                },
          );
        }
      });
      return { ingestId: job.id };
    } catch (error) {
      entry.busy = false;
      const empty = error instanceof StationError && error.code === 'source-empty';
      this.update(entry, { state: 'failed', reason: describe(error), reasonCode: empty ? 'source-empty' : 'unreadable' });
      throw error;
    }
  }

  private update(entry: Entry, change: Partial<AttachedVolume>): void {
    entry.view = { ...entry.view, ...change };
    if (this.entries.get(entry.volume.mountpoint) !== entry || this.stopped) return;
    this.deps.events.emit({
      type: 'volume.updated',
      mountpoint: entry.volume.mountpoint,
      deviceId: entry.view.deviceId,
      volume: entry.view,
    });
  }
}
