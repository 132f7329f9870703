import { promises as fs } from 'node:fs';
import { basename, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FileStatus, IngestState, Settings } from '../../contract/index.js';
import type { Database } from '../db/database.js';
import type { EventBus } from '../event-bus.js';
import { describe, StationError } from '../errors.js';
import { isWithin } from '../paths.js';
import { startBag } from '../archive/bag.js';
import { availableBytes, DiskFullError, isNoSpace } from '../archive/free-space.js';
import { archivedFilePath, ingestArchiveDir, toAbsolute } from '../archive/layout.js';
import { createReadBackBuffers } from '../archive/read-back.js';
import { createCopyBuffers } from '../archive/stream-copy.js';
import { findCalibrationCode, type CalibrationCode } from '../clock-drift/calibration-code.js';
import { isCalibrationCandidate, MAX_VIDEOS_SEARCHED } from '../clock-drift/drift-bases.js';
import type { MediaMetadata } from '../media/inspector.js';
import { measureIngestClock } from './clock-step.js';
import { finalizeBag } from './finalize-bag.js';
import {
  copyToPartial,
  discardCopy,
  hashOnly,
  VerificationMismatch,
  verifyAndPlace,
  type CopiedFile,
  type CopyIo,
} from './file-pipeline.js';
import {
  finishIngest,
  ingestTotals,
  insertArchivedFile,
  insertIngest,
  recordingIdByHash,
  type Reason,
  recordSighting,
  seenBefore,
} from './ingest-store.js';
import type { MetadataQueue } from './metadata-queue.js';
import { ProgressTracker } from './progress.js';
import { scanSource, type SourceFile } from './scan-source.js';

export interface IngestEnvironment {
  db: Database;
  dataDir: string;
  stationName: string;
  events: EventBus;
  metadata: MetadataQueue;
  /** Kept free on the archive volume beyond each file, so the index and the system can still write. */
  freeSpaceMarginBytes: number;
  zone: string;
  settings: () => Settings;
  now: () => number;
}

/** How an ingest ended, for whoever started it. */
export interface IngestOutcome {
  state: IngestState;
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
    throw new StationError('source-unreadable', `cannot open the source ${path}: ${describe(error)}`);
  }
  if (!stats.isDirectory()) throw new StationError('source-unreadable', `the source ${path} is not a folder or volume`);
}

async function sourceStillThere(root: string): Promise<boolean> {
  try {
    await fs.readdir(root);
    return true;
  } catch {
    return false;
  }
}

export class IngestJob {
  readonly id: string;
  readonly root: string;
  private readonly abort = new AbortController();
  private readonly progress: ProgressTracker;
  private readonly io: CopyIo;
  private pendingPlacement: Promise<void> = Promise.resolve();
  private readonly inFlight = new Map<string, Promise<boolean>>();
  /** Calibration-code searches begun while the card was still copying, by archived path; one at a time. */
  private readonly earlySearches = new Map<string, Promise<CalibrationCode | null>>();
  private lastEarlySearch: Promise<unknown> = Promise.resolve();
  private finishing = false;
  /** This ingest's own metadata reads: another card's queue is never waited for. */
  private readonly described: Promise<unknown>[] = [];

  private constructor(
    private readonly env: IngestEnvironment,
    root: string,
    readonly origin: IngestOrigin | null,
  ) {
    this.root = root;
    this.id = newIngestId(env.now());
    this.progress = new ProgressTracker(this.id, (progress) => env.events.emit({ type: 'ingest.progress', progress }));
    this.io = {
      buffers: createCopyBuffers(),
      readBack: createReadBackBuffers(),
      onBytes: (bytes) => this.progress.addBytes(bytes),
      signal: this.abort.signal,
    };
  }

  /** Checks the source and records the ingest; the copy itself runs in `run()`. */
  static async create(env: IngestEnvironment, sourcePath: string, operator: string, origin: IngestOrigin | null = null): Promise<IngestJob> {
    const root = resolve(sourcePath);
    await requireFolder(root);
    if (isWithin(root, env.dataDir)) {
      throw new StationError('invalid-input', `the source ${root} is inside the station's own data folder`);
    }
    const job = new IngestJob(env, root, origin);
    await startBag(toAbsolute(env.dataDir, ingestArchiveDir(job.id)));
    insertIngest(env.db, {
      id: job.id,
      source_path: root,
      archive_dir: ingestArchiveDir(job.id),
      operator,
      station_name: env.stationName,
      source_label: basename(root) || root,
      owner_pid: process.pid,
      started_at: env.now(),
      device_id: origin?.deviceId ?? null,
      mountpoint: origin?.mountpoint ?? null,
      plugged_in_at: origin?.pluggedInAtMs ?? null,
    });
    return job;
  }

  cancel(): void {
    this.stop({ code: 'cancelled', message: 'cancelled by the operator' });
  }

  get stopping(): boolean {
    return this.abort.signal.aborted;
  }

  /** Ends the copy at the next chunk; the file in flight is discarded and every file left is failed with this reason. */
  stop(reason: Reason): void {
    if (!this.abort.signal.aborted) this.abort.abort(new IngestStopped(reason));
  }

  async run(): Promise<IngestOutcome> {
    const { env } = this;
    const mountpoint = this.origin?.mountpoint ?? null;
    env.events.emit({ type: 'ingest.started', ingestId: this.id, source: this.root, mountpoint });
    this.progress.start();
    let state: IngestState = 'completed';
    let reason: Reason | null = null;
    try {
      const scan = await scanSource(this.root, env.dataDir);
      for (const entry of scan.skipped) this.record(entry.relative, entry.size, null, entry.status, null, entry.reason);
      this.progress.update({
        phase: 'copying',
        filesTotal: scan.files.length,
        bytesTotal: scan.files.reduce((sum, file) => sum + file.size, 0),
      });
      env.metadata.copyStarted();
      const stop = await this.copyAll(scan.files).finally(() => env.metadata.copyEnded());
      if (stop) {
        state = 'failed';
        reason = stop;
      }
      this.progress.update({ phase: 'metadata', currentFile: null });
      await Promise.all(this.described);
      if (!this.stopping) {
        this.progress.update({ phase: 'clock' });
        await this.measureClock();
      }
    } catch (error) {
      state = 'failed';
      reason = (await this.stopReason(error)) ?? { code: 'copy-failed', message: describe(error) };
    } finally {
      this.progress.update({ phase: 'finishing' });
      this.finishing = true;
      await this.pendingPlacement;
      // No ffmpeg of this ingest outlives it.
      await this.lastEarlySearch;
      ({ state, reason } = await this.finish(state, reason));
      this.progress.stop();
    }
    const totals = ingestTotals(env.db, this.id);
    if (state === 'completed') {
      env.events.emit({ type: 'ingest.completed', ingestId: this.id, mountpoint, totals });
    } else {
      const why = reason ?? { code: 'copy-failed', message: 'unknown' };
      env.events.emit({ type: 'ingest.failed', ingestId: this.id, mountpoint, reason: why.message, reasonCode: why.code });
    }
    return { state, reason, failed: totals.failed };
  }

  /**
   * Writes the bag's tag files and the ingest's end. Never throws, so whoever waits for the ingest
   * always hears how it ended: a bag that cannot be finished (a full disk) fails the ingest with the
   * reason; the index still counts only verified files, and `station verify` will say what is amiss.
   */
  private async finish(state: IngestState, reason: Reason | null): Promise<{ state: IngestState; reason: Reason | null }> {
    const { env } = this;
    let ended = { state, reason };
    try {
      await finalizeBag(env.db, env.dataDir, this.id, env.now(), state);
    } catch (error) {
      const code = isNoSpace(error) ? 'disk-full' : 'copy-failed';
      ended = { state: 'failed', reason: { code, message: `the bag's manifest could not be written: ${describe(error)}` } };
    }
    try {
      finishIngest(env.db, this.id, ended.state, ended.reason, env.now());
    } catch (error) {
      // The row stays 'running'; the next start of the station finishes it as interrupted.
      console.error(`the end of ingest ${this.id} could not be recorded: ${describe(error)}`);
    }
    return ended;
  }

  /**
   * Short videos are where a calibration clip is; searching them as soon as their metadata is in
   * uses the time a slow card leaves idle, instead of adding it after the last file.
   */
  private searchEarly(path: string, metadata: MediaMetadata | null): void {
    if (!metadata || !isCalibrationCandidate(metadata.kind, metadata.recordedAt, metadata.durationSeconds)) return;
    if (this.stopping || this.finishing || this.earlySearches.size >= MAX_VIDEOS_SEARCHED) return;
    const search = this.lastEarlySearch.then(() => findCalibrationCode(path));
    this.lastEarlySearch = search.catch(() => null);
    this.earlySearches.set(path, search);
  }

  /** A clock that cannot be measured never fails the ingest: the files are safe; the drift stays unknown. */
  private async measureClock(): Promise<void> {
    const { env } = this;
    try {
      await measureIngestClock(env.db, env.dataDir, this.id, {
        zone: env.zone,
        settings: env.settings(),
        pluggedInAtMs: this.origin?.pluggedInAtMs ?? null,
        findCode: (path, options) => this.earlySearches.get(path) ?? findCalibrationCode(path, options),
      });
    } catch (error) {
      console.error(`clock drift of ingest ${this.id} could not be measured: ${describe(error)}`);
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
          this.fail(file, { code: 'copy-failed', message: `copy failed: ${describe(error)}` });
          continue;
        }
        await this.pendingPlacement;
        for (const rest of files.slice(index)) this.fail(rest, { code: stop.code, message: `not copied: ${stop.message}` });
        return stop;
      }
    }
    await this.pendingPlacement;
    return null;
  }

  /** Errors that end the whole ingest (cancel, full disk, source gone) rather than one file. */
  private async stopReason(error: unknown): Promise<Reason | null> {
    if (this.abort.signal.aborted) {
      const why: unknown = this.abort.signal.reason;
      return why instanceof IngestStopped ? why.reason : { code: 'cancelled', message: 'cancelled' };
    }
    if (error instanceof DiskFullError) return { code: 'disk-full', message: error.message };
    if (isNoSpace(error)) return { code: 'disk-full', message: 'archive disk full' };
    if (!(await sourceStillThere(this.root))) {
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

  private async copyOne(file: SourceFile): Promise<void> {
    const { db } = this.env;
    if (seenBefore(db, file.relative, file.size, file.mtimeMs)) {
      const hashed = await hashOnly(file, this.io);
      const known = recordingIdByHash(db, hashed.sha256);
      if (known !== undefined) {
        this.record(file.relative, file.size, file.mtimeMs, 'duplicate', hashed.sha256, null, known);
        this.progress.fileDone();
        return;
      }
      this.progress.addBytes(-hashed.bytes);
    }
    await this.ensureSpace(file.size);
    const finalPath = toAbsolute(this.env.dataDir, archivedFilePath(this.id, file.relative));
    const copied = await copyToPartial(file, finalPath, this.io);
    try {
      if (await this.isDuplicate(copied)) {
        await discardCopy(copied.partialPath);
        return;
      }
      // Wait for the previous file's verification before starting this one's, so one read-back buffer serves.
      await this.pendingPlacement;
    } catch (error) {
      await discardCopy(copied.partialPath);
      throw error;
    }
    const placed = this.place(copied);
    this.inFlight.set(copied.sha256, placed);
    this.pendingPlacement = placed.then(() => {
      this.inFlight.delete(copied.sha256);
    });
  }

  private async isDuplicate(copied: CopiedFile): Promise<boolean> {
    const sameInThisIngest = this.inFlight.get(copied.sha256);
    if (sameInThisIngest) await sameInThisIngest;
    const known = recordingIdByHash(this.env.db, copied.sha256);
    if (known === undefined) return false;
    this.record(copied.file.relative, copied.bytes, copied.file.mtimeMs, 'duplicate', copied.sha256, null, known);
    this.progress.fileDone();
    return true;
  }

  /** Verifies and commits one copied file; resolves true when it is archived. Never rejects. */
  private async place(copied: CopiedFile): Promise<boolean> {
    const { db, dataDir, now } = this.env;
    try {
      const verified = await verifyAndPlace(copied, this.io.readBack);
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
        });
      } catch (error) {
        await discardCopy(verified.finalPath);
        // Another ingest archived the same content a moment ago: this copy is a duplicate sighting of it.
        const other = isUniqueHash(error) ? recordingIdByHash(db, verified.sha256) : undefined;
        if (other === undefined) throw error;
        this.record(copied.file.relative, copied.bytes, copied.file.mtimeMs, 'duplicate', copied.sha256, null, other);
        this.progress.fileDone();
        return true;
      }
      this.progress.fileDone();
      this.env.events.emit({
        type: 'ingest.file',
        ingestId: this.id,
        source: copied.file.relative,
        status: 'archived',
        reason: null,
        reasonCode: null,
      });
      const archived = toAbsolute(dataDir, archivePath);
      this.described.push(this.env.metadata.add(id, archived).then((metadata) => this.searchEarly(archived, metadata)));
      return true;
    } catch (error) {
      const code = error instanceof VerificationMismatch ? 'verification-failed' : 'copy-failed';
      try {
        this.fail(copied.file, { code, message: error instanceof VerificationMismatch ? error.message : describe(error) });
      } catch (recordError) {
        // The index itself is failing: the file is not counted, which is the truth; the ingest goes on.
        console.error(`ingest ${this.id}: ${copied.file.relative} could not be recorded as failed: ${describe(recordError)}`);
      }
      return false;
    }
  }

  private fail(file: SourceFile, reason: Reason): void {
    this.record(file.relative, file.size, file.mtimeMs, 'failed', null, reason);
    this.progress.fileDone();
  }

  private record(
    source: string,
    size: number,
    mtime: number | null,
    status: FileStatus,
    sha256: string | null,
    reason: Reason | null,
    recordingId: number | null = null,
  ): void {
    recordSighting(this.env.db, {
      ingestId: this.id,
      sourcePath: source,
      size,
      sourceMtime: mtime,
      status,
      sha256,
      recordingId,
      reason,
      at: this.env.now(),
    });
    this.env.events.emit({ type: 'ingest.file', ingestId: this.id, source, status, reason: reason?.message ?? null, reasonCode: reason?.code ?? null });
  }
}
