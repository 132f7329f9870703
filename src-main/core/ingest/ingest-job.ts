import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileStatus, IngestTotals, Settings } from '../../contract/index.js';
import {
  archivedFilePath,
  availableBytes,
  createCopyBuffers,
  DiskFullError,
  ingestArchiveDir,
  isNoSpace,
  startBag,
  toAbsolute,
} from '../archive/index.js';
import { earlySearchChoice, EarlySearches, type ClockReference } from '../clock-drift/index.js';
import { writeTransaction, type Database } from '../db/index.js';
import { describe, osCause, StationError } from '../errors.js';
import type { EventBus } from '../event-bus.js';
import type { AuditTrail } from '../audit/index.js';
import { JobState, ProgressTracker } from '../jobs/index.js';
import type { StationLog } from '../log/index.js';
import type { MediaMetadata } from '../media/index.js';
import { isWithin } from '../paths.js';
import { processIdentity } from '../process/index.js';
import { officerAndMark } from '../recorder-names/index.js';
import { recordingIdByHash } from '../recordings/index.js';
import { isoInZone } from '../clock.js';
import type { ArchiveDiskGate, DiskLane } from './archive-disk-gate.js';
import { attributeIngest } from './attribution.js';
import { measureIngestClock } from './clock-step.js';
import { copyToPartial, discardCopy, hashOnly, VerificationMismatch, verifyAndPlace, type CopiedFile, type CopyIo } from './file-pipeline.js';
import { copyOrder, videoNames } from './copy-order.js';
import { finalizeBag } from './finalize-bag.js';
import { ingestSteps, isWorking, phaseOf, recordedState, type IngestPhase, type IngestStep } from './ingest-steps.js';
import { finishIngest, getIngest, ingestTotals, insertArchivedFile, insertIngest, recordSighting, seenBefore, type Reason } from './ingest-store.js';
import type { MetadataQueue } from './metadata-queue.js';
import { scanSource, type SourceFile } from './scan-source.js';
import { sourceRootIdentity, sourceStillThere, type SourceRootIdentity } from './source-root.js';
import { UnverifiedBytes } from './unverified-bytes.js';

export interface IngestEnvironment {
  db: Database;
  dataDir: string;
  stationName: string;
  events: EventBus;
  log: StationLog;
  metadata: MetadataQueue;
  /** Kept free on the archive volume beyond each file, so the index and the system can still write. */
  freeSpaceMarginBytes: number;
  zone: string;
  settings: () => Settings;
  now: () => number;
  /** Where the ingest records its start and its end; null on a read-only archive (no ingest runs there). */
  audit: AuditTrail | null;
  /** The device ledger's 24-hour rule, told in the finishing transaction of an ingest that verified every file of a registered device. */
  onVerified: VerifiedIngestHook;
  /** The archive disk's work (each file's verification), shared fairly by every ingest of the scheduler. */
  diskGate: ArchiveDiskGate;
}

/**
 * Told, inside the transaction that records the ingest's end, that an ingest of a registered
 * device completed with every file verified; answers the check-out whose deadline it met, if any.
 */
export type VerifiedIngestHook = (ingest: {
  ingestId: string;
  deviceId: number;
  endedAt: number;
  operator: string;
  lateReason: string | null;
}) => { checkoutId: number; late: boolean } | null;

/** Who asked for the ingest, as the audit chain names them: a person and role, or the station itself (auto-ingest). */
export interface IngestActor {
  name: string;
  role: string;
}

/** How an ingest ended, for whoever started it. */
export interface IngestOutcome {
  state: 'completed' | 'failed';
  reason: Reason | null;
  failed: number;
}

/** Which device an ingest's files come from, and, for a plugged-in volume, where and since when. */
export interface IngestOrigin {
  mountpoint: string | null;
  deviceId: number | null;
  /** Station clock when the volume appeared: a recording ending later proves the device clock fast. */
  pluggedInAtMs: number | null;
}

/** One line of the ingest's account: a file archived, found again, skipped or failed. */
interface Sighting {
  source: string;
  originalNameHex: string | null;
  size: number;
  status: FileStatus;
  mtime?: number | null;
  sha256?: string | null;
  reason?: Reason | null;
  recordingId?: number | null;
}

/** Why an ingest stopped before its last file; every file not yet done is failed with this. */
class IngestStopped extends Error {
  constructor(readonly reason: Reason) {
    super(reason.message);
  }
}

const isUniqueHash = (error: unknown): boolean =>
  (error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('recordings.sha256');

const newIngestId = (at: number): string =>
  `${new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d+Z$/, 'Z')}-${randomBytes(3).toString('hex')}`;

async function requireFolder(path: string): Promise<void> {
  let stats;
  try {
    stats = await fs.stat(path);
  } catch (error) {
    throw new StationError('source-unreadable', `cannot open the source ${path}: ${describe(error)}`, osCause(error));
  }
  if (!stats.isDirectory()) throw new StationError('source-unreadable', `the source ${path} is not a folder or volume`, 'not-a-folder');
}

/**
 * An empty or unreadable source makes no ingest record and no empty bag: it is refused with what
 * was found. The walk is lstat only, so checking first costs little beside the copy.
 */
async function requireSomethingToImport(root: string, dataDir: string): Promise<void> {
  const scan = await scanSource(root, dataDir);
  if (scan.files.length > 0) return;
  const rootUnreadable = scan.skipped.find((entry) => entry.relative === '.');
  if (rootUnreadable) throw new StationError('source-unreadable', `cannot read the source ${root}: ${rootUnreadable.reason.message}`);
  const aside = scan.skipped.length > 0 ? ` (only ${scan.skipped.length} set aside: system files, links or unreadable folders)` : '';
  throw new StationError('source-empty', `nothing to import: ${root} holds no files${aside}`);
}

/**
 * One verified ingest of a folder or volume, as a state machine (`ingest-steps.ts`): queued →
 * scanning → copying → verifying → describing → clock → finishing → done | failed | cancelled.
 * The scheduler decides when it runs; the job decides nothing about other ingests.
 */
export class IngestJob {
  readonly id: string;
  private readonly abort = new AbortController();
  private readonly step: JobState<IngestStep>;
  private readonly progress: ProgressTracker<IngestPhase>;
  private readonly io: CopyIo;
  /** Copied files waiting for their read-back, which the copy of the next ones overlaps, within a budget. */
  private readonly unverified = new UnverifiedBytes();
  /** This ingest's turn at the archive disk. */
  private readonly disk: DiskLane;
  /** Read-backs under way by content hash: the same content twice in one source is one copy. */
  private readonly placing = new Map<string, Promise<boolean>>();
  /**
   * The last copied file's placing: each file is recorded after the one copied before it. Files are
   * verified side by side (a small one may be placed first), but the index and the report list a
   * card's files in the order they were copied, as a second ingest of the same card lists them.
   */
  private lastPlaced: Promise<unknown> = Promise.resolve();
  /** Calibration-code searches begun while the card was still copying; one at a time. */
  private readonly earlySearches = new EarlySearches(this.abort.signal);
  /** Set once the scan has found the card's videos. */
  private worthSearchingEarly: ReturnType<typeof earlySearchChoice> = () => false;
  /** When the scan began: no file read from the source can have been recorded after it. */
  private readingStartedAtMs: number | null = null;
  /** The source root as it was when reading began, to tell a failing file from a source gone. */
  private rootIdentity: SourceRootIdentity | null = null;
  /** What the copy step last said it is doing (see `tellCopyPhase`); null until its first file. */
  private copyPhase: 'copying' | 'checking' | null = null;
  /** This ingest's own metadata reads: another card's queue is never waited for. */
  private readonly described: Promise<unknown>[] = [];

  private constructor(
    private readonly env: IngestEnvironment,
    readonly root: string,
    readonly origin: IngestOrigin | null,
    private readonly actor: IngestActor,
    /** Why the footage comes in after its deadline, given at ingest; kept only if this ingest meets a deadline late. */
    private readonly lateReason: string | null,
  ) {
    this.id = newIngestId(env.now());
    this.progress = new ProgressTracker<IngestPhase>('queued', (progress) =>
      env.events.emit({ type: 'ingest.progress', progress: { ingestId: this.id, ...progress } }),
    );
    this.step = new JobState<IngestStep>(`ingest ${this.id}`, 'queued', ingestSteps, (step) => {
      if (!isWorking(step)) return;
      this.progress.update({ phase: phaseOf[step] });
      // Told at once, not at the next tick: the steps after the copy last only seconds, and the
      // officer should see each of them rather than a bar waiting at 99%. The copy is not: each
      // file says at once whether it is copied or, archived before, only checked.
      if (step !== 'copying') this.progress.flush();
    });
    this.io = {
      buffers: createCopyBuffers(),
      onBytes: (bytes) => this.progress.addBytes(bytes),
      signal: this.abort.signal,
      folders: new Set(),
    };
    this.disk = env.diskGate.lane(this.id);
  }

  /** Checks the source and records the ingest, queued; the copy itself runs in `run()`. */
  static async create(
    env: IngestEnvironment,
    sourcePath: string,
    actor: IngestActor,
    origin: IngestOrigin | null = null,
    lateReason: string | null = null,
  ): Promise<IngestJob> {
    const root = resolve(sourcePath);
    await requireFolder(root);
    // Real paths: a symlink to the data folder (or into it) must not pass for another folder.
    if (isWithin(await fs.realpath(root), await fs.realpath(env.dataDir))) {
      throw new StationError('invalid-input', `the source ${root} is inside the station's own data folder`);
    }
    await requireSomethingToImport(root, env.dataDir);
    const job = new IngestJob(env, root, origin, actor, lateReason);
    writeTransaction(env.db, () => {
      insertIngest(env.db, {
        id: job.id,
        source_path: root,
        archive_dir: ingestArchiveDir(job.id),
        operator: actor.name,
        station_name: env.stationName,
        source_label: basename(root) || root,
        owner_pid: process.pid,
        owner_identity: processIdentity(process.pid),
        started_at: env.now(),
        device_id: origin?.deviceId ?? null,
        mountpoint: origin?.mountpoint ?? null,
        plugged_in_at: origin?.pluggedInAtMs ?? null,
      });
      env.audit?.record({
        actor: actor.name,
        role: actor.role,
        action: 'ingest.start',
        object: `ingest:${job.id}`,
        details: { source: root, deviceId: origin?.deviceId ?? null, mountpoint: origin?.mountpoint ?? null },
      });
    });
    // Recorded first, then the bag made: a `station verify` in another process must never find a
    // bag that no running ingest owns.
    try {
      await startBag(toAbsolute(env.dataDir, ingestArchiveDir(job.id)));
    } catch (error) {
      const reason = { code: 'copy-failed', message: `cannot make the bag: ${describe(error)}` } as const;
      writeTransaction(env.db, () => {
        finishIngest(env.db, job.id, 'failed', reason, env.now());
        env.audit?.record({
          actor: actor.name,
          role: actor.role,
          action: 'ingest.finish',
          object: `ingest:${job.id}`,
          details: { state: 'failed', reasonCode: reason.code, totals: ingestTotals(env.db, job.id) },
        });
      });
      throw error;
    }
    job.progress.start();
    return job;
  }

  get state(): IngestStep {
    return this.step.value;
  }

  /** A stop was asked for (cancel, unplug, the station stopping): the job is winding down. */
  get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  cancel(): void {
    this.stop({ code: 'cancelled', message: 'cancelled by the operator' });
  }

  /** Ends the copy at the next chunk; the file in flight is discarded and every file left is failed with this reason. */
  stop(reason: Reason): void {
    if (!this.abort.signal.aborted) this.abort.abort(new IngestStopped(reason));
  }

  /** Runs the job to its end. Never rejects for a file or a source: the outcome says how it ended. */
  async run(): Promise<IngestOutcome> {
    let stop: Reason | null;
    try {
      stop = this.stopping ? await this.stopReason(null) : await this.work();
    } catch (error) {
      stop = (await this.stopReason(error)) ?? { code: 'copy-failed', message: describe(error) };
    }
    try {
      return await this.finish(stop);
    } finally {
      // Even when finishing itself throws, the progress timer must not outlive the job.
      this.progress.stop();
    }
  }

  /** scanning → copying → verifying → describing → clock; returns why it stopped early, or null. */
  private async work(): Promise<Reason | null> {
    const { env } = this;
    this.step.to('scanning');
    this.readingStartedAtMs = env.now();
    env.events.emit({ type: 'ingest.started', ingestId: this.id, source: this.root, mountpoint: this.origin?.mountpoint ?? null });
    this.rootIdentity = await sourceRootIdentity(this.root);
    const scan = await scanSource(this.root, env.dataDir);
    for (const { relative, originalNameHex, size, status, reason } of scan.skipped) {
      this.record({ source: relative, originalNameHex, size, status, reason });
    }
    this.progress.update({ filesTotal: scan.files.length, bytesTotal: scan.files.reduce((sum, file) => sum + file.size, 0) });
    this.worthSearchingEarly = earlySearchChoice(videoNames(scan.files));

    this.step.to('copying');
    env.metadata.copyStarted();
    const stop = await this.copyAll(copyOrder(scan.files)).finally(() => env.metadata.copyEnded());

    this.step.to('verifying');
    this.progress.update({ currentFile: null });
    await this.unverified.settled();

    this.step.to('describing');
    await Promise.all(this.described);

    if (!this.stopping) {
      this.step.to('clock');
      await this.measureClock();
    }
    return stop;
  }

  /**
   * finishing → done | failed | cancelled: writes the bag's tag files and the ingest's end. Never
   * throws, so whoever waits for the ingest always hears how it ended: a bag that cannot be finished
   * (a full disk) fails the ingest with the reason; the index still counts only verified files, and
   * `station verify` will say what is amiss.
   */
  private async finish(stop: Reason | null): Promise<IngestOutcome> {
    const { env } = this;
    this.step.to('finishing');
    await this.unverified.settled();
    // No ffmpeg of this ingest outlives it.
    await this.earlySearches.settled();
    let reason = stop;
    let end: 'done' | 'failed' | 'cancelled' = reason === null ? 'done' : reason.code === 'cancelled' ? 'cancelled' : 'failed';
    try {
      await finalizeBag(env.db, env.dataDir, this.id, env.now(), recordedState(end));
    } catch (error) {
      end = 'failed';
      reason = { code: isNoSpace(error) ? 'disk-full' : 'copy-failed', message: `the bag's manifest could not be written: ${describe(error)}` };
    }
    // Every file is recorded by now: the totals are final, for the audit row and the event alike.
    const totals = ingestTotals(env.db, this.id);
    try {
      writeTransaction(env.db, () => {
        const endedAt = env.now();
        finishIngest(env.db, this.id, recordedState(end), reason, endedAt);
        const met = this.meetDeadline(end, totals, endedAt);
        env.audit?.record({
          actor: this.actor.name,
          role: this.actor.role,
          action: 'ingest.finish',
          object: `ingest:${this.id}`,
          details: { state: recordedState(end), reasonCode: reason?.code ?? null, totals, ...(met && { checkoutMet: met.checkoutId, late: met.late }) },
        });
      });
    } catch (error) {
      // The row stays 'running'; the next start of the station finishes it as interrupted.
      env.log.error('ingest.unrecorded-end', error, { ingestId: this.id });
    }
    this.progress.stop();
    this.step.to(end);
    const mountpoint = this.origin?.mountpoint ?? null;
    if (end === 'done') {
      env.events.emit({ type: 'ingest.completed', ingestId: this.id, mountpoint, totals });
    } else {
      const why = reason ?? { code: 'copy-failed', message: 'unknown' };
      env.events.emit({ type: 'ingest.failed', ingestId: this.id, mountpoint, reason: why.message, reasonCode: why.code });
    }
    return { state: recordedState(end), reason, failed: totals.failed };
  }

  /** Art. 13: only an ingest that verified every file of a registered device meets a deadline. */
  private meetDeadline(end: 'done' | 'failed' | 'cancelled', totals: IngestTotals, endedAt: number) {
    const deviceId = getIngest(this.env.db, this.id)?.device_id ?? null;
    if (end !== 'done' || totals.failed > 0 || totals.notReached > 0 || deviceId === null) return null;
    return this.env.onVerified({ ingestId: this.id, deviceId, endedAt, operator: this.actor.name, lateReason: this.lateReason });
  }

  /**
   * The videos the clock step will search (short ones, where a clip is, and the earliest), searched
   * as soon as their metadata is in: that uses the time a slow card leaves idle, instead of adding
   * it after the last file.
   */
  private searchEarly(path: string, metadata: MediaMetadata | null, name: string): void {
    if (!metadata || !this.worthSearchingEarly(metadata, name)) return;
    if (this.stopping || !this.step.is('copying', 'verifying', 'describing', 'clock')) return;
    this.earlySearches.begin(path, metadata);
  }

  /** The plug-in when the station saw the card arrive; else the moment it started reading the source. */
  private clockReference(): ClockReference | null {
    const pluggedInAtMs = this.origin?.pluggedInAtMs ?? null;
    if (pluggedInAtMs !== null) return { atMs: pluggedInAtMs, kind: 'plug-in' };
    return this.readingStartedAtMs === null ? null : { atMs: this.readingStartedAtMs, kind: 'ingest-start' };
  }

  /** A clock that cannot be measured never fails the ingest: the files are safe; the drift stays unknown. */
  private async measureClock(): Promise<void> {
    const { env } = this;
    try {
      await measureIngestClock(env.db, env.dataDir, this.id, {
        zone: env.zone,
        settings: env.settings(),
        reference: this.clockReference(),
        findCode: this.earlySearches.findCode,
      });
    } catch (error) {
      env.log.error('ingest.clock-unmeasured', error, { ingestId: this.id });
    }
    // On the corrected times just measured: whose footage it is, and what the ledger says of it.
    try {
      attributeIngest(env.db, this.id, { iso: (ms) => isoInZone(ms, env.zone), gapSeconds: env.settings().recordingGapSeconds });
    } catch (error) {
      env.log.error('ingest.unattributed', error, { ingestId: this.id });
    }
  }

  /** Returns why the ingest had to stop early, or null when every file was dealt with. */
  private async copyAll(files: readonly SourceFile[]): Promise<Reason | null> {
    for (const [index, file] of files.entries()) {
      this.progress.update({ currentFile: file.relative });
      try {
        this.abort.signal.throwIfAborted();
        await this.copyOne(file);
      } catch (error) {
        const stop = await this.stopReason(error);
        if (stop === null) {
          this.fail(file, { code: this.sourceRefused(error) ? 'unreadable' : 'copy-failed', message: `copy failed: ${describe(error)}` });
          continue;
        }
        await this.unverified.settled();
        for (const rest of files.slice(index)) this.fail(rest, { code: stop.code, message: `not copied: ${stop.message}` });
        return stop;
      }
    }
    return null;
  }

  /**
   * Within the copy, whether this file is copied or, archived before, only read and hashed: a card
   * imported again must not be said to be copying. Told at once when it changes.
   */
  private tellCopyPhase(phase: 'copying' | 'checking'): void {
    if (this.copyPhase === phase) return;
    this.copyPhase = phase;
    this.progress.update({ phase });
    this.progress.flush();
  }

  /** Errors that end the whole ingest (a stop asked for, full disk, source gone) rather than one file. */
  private async stopReason(error: unknown): Promise<Reason | null> {
    if (this.abort.signal.aborted) {
      const why: unknown = this.abort.signal.reason;
      return why instanceof IngestStopped ? why.reason : { code: 'cancelled', message: 'cancelled' };
    }
    if (error instanceof DiskFullError) return { code: 'disk-full', message: error.message };
    if (isNoSpace(error)) return { code: 'disk-full', message: 'archive disk full' };
    if (!(await sourceStillThere(this.root, this.rootIdentity))) {
      return { code: 'source-gone', message: `the source ${this.root} is no longer readable (device removed?)` };
    }
    return null;
  }

  /** The file being verified is already on the disk, so statfs has counted it: only this one is added. */
  private async ensureSpace(size: number): Promise<void> {
    const needed = size + this.env.freeSpaceMarginBytes;
    const available = await availableBytes(this.env.dataDir);
    if (available < needed) throw new DiskFullError(needed, available);
  }

  /** A file the OS would not let the station read: its access rights need fixing, not the card or the disk. */
  private sourceRefused(error: unknown): boolean {
    const path = (error as NodeJS.ErrnoException).path;
    return osCause(error) === 'no-permission' && path !== undefined && !isWithin(resolve(path), resolve(this.env.dataDir));
  }

  private async copyOne(file: SourceFile): Promise<void> {
    const { db } = this.env;
    if (seenBefore(db, file.relative, file.size, file.mtimeMs)) {
      this.tellCopyPhase('checking');
      const hashed = await hashOnly(file, this.io);
      const known = recordingIdByHash(db, hashed.sha256);
      if (known !== undefined) {
        this.foundAgain(file, hashed.sha256, known);
        return;
      }
      this.progress.addBytes(-hashed.bytes);
    }
    this.tellCopyPhase('copying');
    await this.unverified.room();
    const finalPath = toAbsolute(this.env.dataDir, archivedFilePath(this.id, file.relative));
    const copied = await copyToPartial(file, finalPath, this.io, () => this.ensureSpace(file.size));
    try {
      if (await this.isDuplicate(copied)) {
        await discardCopy(copied.partialPath);
        return;
      }
    } catch (error) {
      await discardCopy(copied.partialPath);
      throw error;
    }
    // Queued at the disk gate, which reads this ingest's files back one at a time, in the order copied.
    const placed = this.place(copied, this.lastPlaced);
    this.lastPlaced = placed;
    this.placing.set(copied.sha256, placed);
    this.unverified.add(
      copied.bytes,
      placed.then(() => {
        this.placing.delete(copied.sha256);
      }),
    );
  }

  private async isDuplicate(copied: CopiedFile): Promise<boolean> {
    const sameInThisIngest = this.placing.get(copied.sha256);
    if (sameInThisIngest) await sameInThisIngest;
    const known = recordingIdByHash(this.env.db, copied.sha256);
    if (known === undefined) return false;
    this.foundAgain(copied.file, copied.sha256, known);
    return true;
  }

  /** Verifies and commits one copied file, recorded after `previous`; resolves true when it is archived. Never rejects. */
  private async place(copied: CopiedFile, previous: Promise<unknown>): Promise<boolean> {
    const { db, dataDir, now } = this.env;
    const verifying = verifyAndPlace(copied, this.disk);
    // Whatever came of it, the file is recorded after the one copied before it.
    await Promise.allSettled([verifying, previous]);
    try {
      const verified = await verifying;
      const archivePath = archivedFilePath(this.id, copied.file.relative);
      let id: number;
      try {
        id = insertArchivedFile(db, {
          sha256: verified.sha256,
          verifiedSha256: verified.verifiedSha256,
          verification: verified.verification,
          size: verified.bytes,
          ingestId: this.id,
          archivePath,
          originalPath: copied.file.relative,
          sourceMtime: copied.file.mtimeMs,
          archivedAt: now(),
          kind: 'other',
          ...officerAndMark(copied.file.relative, this.env.settings().namePatterns),
          originalNameHex: copied.file.originalNameHex,
        });
      } catch (error) {
        await discardCopy(verified.finalPath);
        // Another ingest archived the same content a moment ago: this copy is a duplicate sighting of it.
        const other = isUniqueHash(error) ? recordingIdByHash(db, verified.sha256) : undefined;
        if (other === undefined) throw error;
        this.foundAgain(copied.file, copied.sha256, other);
        return true;
      }
      this.progress.fileDone();
      this.env.events.emit({ type: 'ingest.file', ingestId: this.id, source: copied.file.relative, status: 'archived', reason: null, reasonCode: null });
      const archived = toAbsolute(dataDir, archivePath);
      this.described.push(this.env.metadata.add(id, archived).then((metadata) => this.searchEarly(archived, metadata, copied.file.relative)));
      return true;
    } catch (error) {
      const code = error instanceof VerificationMismatch ? 'verification-failed' : 'copy-failed';
      try {
        this.fail(copied.file, { code, message: error instanceof VerificationMismatch ? error.message : describe(error) });
      } catch (recordError) {
        // The index itself is failing: the file is not counted, which is the truth; the ingest goes on.
        this.env.log.error('ingest.unrecorded-failure', recordError, { ingestId: this.id, source: copied.file.relative });
      }
      return false;
    }
  }

  /** Content the archive already holds: recorded as a sighting of that recording, never copied twice. */
  private foundAgain(file: SourceFile, sha256: string, recordingId: number): void {
    const { relative: source, originalNameHex, size, mtimeMs: mtime } = file;
    this.record({ source, originalNameHex, size, mtime, status: 'duplicate', sha256, recordingId });
    this.progress.fileDone();
  }

  private fail(file: SourceFile, reason: Reason): void {
    const { relative: source, originalNameHex, size, mtimeMs: mtime } = file;
    this.record({ source, originalNameHex, size, mtime, status: 'failed', reason });
    this.progress.fileDone();
  }

  private record(sighting: Sighting): void {
    const reason = sighting.reason ?? null;
    recordSighting(this.env.db, {
      ingestId: this.id,
      sourcePath: sighting.source,
      originalNameHex: sighting.originalNameHex,
      size: sighting.size,
      sourceMtime: sighting.mtime ?? null,
      status: sighting.status,
      sha256: sighting.sha256 ?? null,
      recordingId: sighting.recordingId ?? null,
      reason,
      at: this.env.now(),
    });
    this.env.events.emit({
      type: 'ingest.file',
      ingestId: this.id,
      source: sighting.source,
      status: sighting.status,
      reason: reason?.message ?? null,
      reasonCode: reason?.code ?? null,
    });
  }
}
