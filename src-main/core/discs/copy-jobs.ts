import { mkdir, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { mediaCapacity, type BurnResult, type Caller, type DiscCopyName } from '../../contract/index.js';
import { BurnError, type DiscBurner, type RunTool } from '../../../native-tools/disc-burners/index.js';
import { StationError } from '../errors.js';
import { copyVerified, type RecordingFacts } from '../evidence-export/index.js';
import type { StationServices } from '../services.js';
import type { Signer } from '../signing/index.js';
import { CopyStopped, runCopyJob } from './copy-job.js';
import { requireSafeDrive } from './drive-path.js';
import { discMediaText } from './disc-label.js';
import { stageDisc, type DiscContents } from './disc-contents.js';
import { dropImage, ensureImage, type DiscImage, type ImageOptions } from './disc-image.js';
import { burningCopies, copiesOf, copyOf, insertCheck, recordImage, updateCopy, type DiscCopyRow, type DiscRequestRow, type DiscRow } from './disc-store.js';
import { labelFacts } from './label-facts.js';
import { requireSightOfAll } from './request-recordings.js';
import { writeTransaction } from '../db/index.js';

export interface CopyJobsEnv {
  services: StationServices;
  signer: Signer;
  burner: DiscBurner;
  run: RunTool;
  recordingsOf: (row: { recording_ids_json: string }) => RecordingFacts[];
  requireRequest: (id: number) => DiscRequestRow;
  requireDisc: (id: string) => DiscRow;
  audit: (caller: Caller, action: string, object: string, details: Record<string, unknown>) => void;
  changed: (requestId: number) => void;
}

export interface CopyRequest {
  discId: string;
  copy: DiscCopyName;
  drive: string;
  kind: 'burn' | 'recheck';
}

const burnable = new Set<DiscCopyRow['state']>(['planned', 'image-only', 'failed']);
const checkable = new Set<DiscCopyRow['state']>(['verified', 'stored', 'failed']);

/** A BurnError as the contract says it: the code and the cause the interface translates. */
function refusal(error: BurnError): StationError {
  if (error.failure === 'failed' || error.failure === 'cancelled') return new StationError('internal', error.message);
  return new StationError('invalid-input', error.message, error.failure);
}

/**
 * The disc work under way: at most one job per disc and one per drive, each cancellable. Every
 * change of a copy and every check is recorded with its audit row in one transaction.
 */
export class CopyJobs {
  private readonly running = new Map<string, { controller: AbortController; drive: string | null; done: Promise<unknown>; cancelledBy?: string }>();

  constructor(private readonly env: CopyJobsEnv) {}

  /** Stops the job on a disc; who asked is in the audit chain (the job's own row says what it left). */
  cancel(discId: string, caller: Caller): boolean {
    const job = this.running.get(discId);
    if (job === undefined) return false;
    writeTransaction(this.env.services.db, () => this.env.audit(caller, 'discs.cancel', `disc:${discId}`, { kind: 'change', drive: job.drive }));
    job.cancelledBy = caller.name;
    job.controller.abort();
    return true;
  }

  /** Whether a job holds the disc now: its discs are not planned again under it. */
  isBusy(discId: string): boolean {
    return this.running.has(discId);
  }

  /**
   * At start: a copy left `burning` by a station that stopped mid-burn (killed, power cut) was
   * written partly or not at all; it is failed with why, so it can be burned again.
   */
  recoverInterrupted(): void {
    const { db, audit } = this.env.services;
    writeTransaction(db, () => {
      for (const copy of burningCopies(db)) {
        updateCopy(db, copy.disc_id, copy.copy, { state: 'failed', problem: 'interrupted: the station stopped during the burn or its checks' });
        // The station ends it, not whoever began it, as with an interrupted ingest.
        audit?.record({ actor: 'station', role: 'station', action: 'discs.interrupted', object: `disc:${copy.disc_id}:${copy.copy}`, details: { kind: 'change', drive: copy.drive } });
      }
    });
  }

  async stop(): Promise<void> {
    for (const job of this.running.values()) job.controller.abort();
    await Promise.allSettled([...this.running.values()].map((job) => job.done));
  }

  /** Claims the disc (and the drive) for one job, or refuses as busy. */
  private async exclusive<T>(discId: string, drive: string | null, work: (signal: AbortSignal) => Promise<T>): Promise<T> {
    if (this.running.has(discId)) throw new StationError('busy', `disc ${discId} is being burned or checked: wait for it, or cancel it`);
    const onDrive = drive === null ? undefined : [...this.running.entries()].find(([, job]) => job.drive === drive);
    if (onDrive) throw new StationError('busy', `${drive} is busy with disc ${onDrive[0]}`);
    const controller = new AbortController();
    const done = work(controller.signal);
    this.running.set(discId, { controller, drive, done });
    try {
      return await done;
    } finally {
      this.running.delete(discId);
    }
  }

  private contents(disc: DiscRow): () => Promise<DiscContents> {
    const request = this.env.requireRequest(disc.request_id);
    return () =>
      stageDisc(this.env.services, this.env.signer, {
        discId: disc.id,
        request,
        recordings: this.env.recordingsOf(disc),
        label: labelFacts(this.env.services, disc, request, true),
        plannedAt: disc.planned_at,
      });
  }

  /**
   * The disc's image, built once; its hash recorded the first time; refused when it outgrew the medium.
   * A burn passes the contents it already staged for the manifest, so the disc is staged once.
   */
  private async image(disc: DiscRow, options: ImageOptions, contents = this.contents(disc)): Promise<DiscImage> {
    const image = await ensureImage(this.env.services.dataDir, disc, contents, options);
    if (image.bytes > mediaCapacity[disc.media]) {
      throw new StationError(
        'invalid-input',
        `disc ${disc.id}: its image is ${image.bytes} bytes, more than a ${discMediaText[disc.media]} holds (${mediaCapacity[disc.media]}): plan the request again`,
        'disc-full',
      );
    }
    if (image.built && disc.image_sha256 === null) recordImage(this.env.services.db, disc.id, image.sha256, image.bytes, this.env.services.now());
    return image;
  }

  private requireApproved(disc: DiscRow, caller: Caller): void {
    const request = this.env.requireRequest(disc.request_id);
    if (request.decision !== 'approved') throw new StationError('invalid-input', `disc request ${request.id} is not approved`);
    requireSightOfAll(this.env.services.db, caller, this.env.recordingsOf(disc), this.env.services.now());
  }

  /** `discs.image`: the image into a folder, to burn elsewhere; copies not yet burned show `image-only`. */
  async writeImage(disc: DiscRow, out: string, caller: Caller): Promise<{ discId: string; path: string; imageSha256: string }> {
    this.requireApproved(disc, caller);
    const { db, dataDir } = this.env.services;
    // The folder is outside the data folder: an image in a bag would be a file its manifest does not list.
    await requireSafeDrive(`stdio:${join(out, 'image.iso')}`, dataDir, false);
    return this.exclusive(disc.id, null, async (signal) => {
      const image = await this.image(disc, { signal });
      await mkdir(out, { recursive: true });
      const path = join(out, `${disc.id}.iso`);
      const partial = `${path}.partial`;
      if ((await stat(path).catch(() => null)) !== null) throw new StationError('invalid-input', `${path} already exists`);
      try {
        // One pass, hashed on the way, written beside and renamed: a full disk leaves no half image under the name.
        await copyVerified(image.path, partial, image.sha256);
        await rename(partial, path);
      } catch (error) {
        await rm(partial, { force: true });
        throw error;
      }
      writeTransaction(db, () => {
        for (const copy of copiesOf(db, disc.id)) if (copy.state === 'planned') updateCopy(db, disc.id, copy.copy, { state: 'image-only' });
        this.env.audit(caller, 'discs.image', `disc:${disc.id}`, { kind: 'change', path, imageSha256: image.sha256 });
      });
      return { discId: disc.id, path, imageSha256: image.sha256 };
    });
  }

  /** `discs.burn` and `discs.verify`: one copy burned and checked, or checked again. */
  async copy(request: CopyRequest, caller: Caller): Promise<BurnResult> {
    const { services, burner, run } = this.env;
    const { db } = services;
    const disc = this.env.requireDisc(request.discId);
    this.requireApproved(disc, caller);
    await requireSafeDrive(request.drive, services.dataDir, request.kind === 'burn');
    const before = copyOf(db, disc.id, request.copy);
    if (before === null) throw new StationError('not-found', `no copy ${request.copy} of disc ${disc.id}`);
    const allowed = request.kind === 'burn' ? burnable : checkable;
    if (!allowed.has(before.state) || (request.kind === 'recheck' && (before.burned_at === null || disc.image_sha256 === null))) {
      const doing = request.kind === 'burn' ? 'burned' : 're-checked';
      throw new StationError('invalid-input', `disc ${disc.id} copy ${request.copy} is ${before.state}: it cannot be ${doing} now`);
    }
    const action = request.kind === 'burn' ? 'discs.burn' : 'discs.verify';
    const object = `disc:${disc.id}:${request.copy}`;
    return this.exclusive(disc.id, request.drive, async (signal) => {
      if (request.kind === 'burn') {
        // Asked before anything is built or written: an empty drive or a disc too small is said now.
        const media = await burner.media(run, request.drive, signal).catch((error: unknown) => {
          throw error instanceof BurnError ? refusal(error) : error;
        });
        // Before the first build the image's size is not known; the footage alone is a floor.
        const needs = disc.image_bytes ?? disc.bytes;
        if (media.freeBytes !== null && media.freeBytes < needs) {
          throw new StationError('invalid-input', `the disc in ${request.drive} has ${media.freeBytes} bytes free; this disc needs ${needs} or more`, 'disc-full');
        }
      }
      writeTransaction(db, () => {
        updateCopy(db, disc.id, request.copy, { state: 'burning', drive: request.drive });
        this.env.audit(caller, action, object, { kind: 'change', drive: request.drive, begun: true });
      });
      this.env.changed(disc.request_id);
      try {
        const contents = await this.contents(disc)();
        const outcome = await runCopyJob(
          { run, burner, emit: (progress) => services.events.emit({ type: 'discs.progress', progress }) },
          {
            discId: disc.id,
            copy: request.copy,
            drive: request.drive,
            ...(request.kind === 'burn'
              ? { image: (options: ImageOptions) => this.image(this.env.requireDisc(disc.id), options, () => Promise.resolve(contents)) }
              : { recorded: { sha256: disc.image_sha256!, bytes: disc.image_bytes! } }),
            payloadBytes: disc.bytes,
            manifest: contents.manifest,
            signal,
          },
        );
        const verified = outcome.problem === null;
        const now = services.now();
        writeTransaction(db, () => {
          insertCheck(db, {
            disc_id: disc.id,
            copy: request.copy,
            kind: request.kind,
            drive: request.drive,
            checked_by: caller.name,
            checked_at: now,
            image_ok: Number(outcome.checks.image),
            md5_ok: Number(outcome.checks.md5),
            manifest_ok: Number(outcome.checks.manifest),
            read_sha256: outcome.readSha256,
            problem: outcome.problem,
          });
          const kept = before.location !== null && request.kind === 'recheck';
          updateCopy(db, disc.id, request.copy, {
            state: verified ? (kept ? 'stored' : 'verified') : 'failed',
            problem: outcome.problem,
            ...(request.kind === 'burn' ? { burned_at: now } : {}),
            ...(verified ? { verified_at: now } : {}),
          });
          this.env.audit(caller, action, object, { kind: 'change', drive: request.drive, verified, checks: outcome.checks, imageSha256: outcome.imageSha256, readSha256: outcome.readSha256, problem: outcome.problem });
        });
        if (copiesOf(db, disc.id).every((copy) => copy.state === 'verified' || copy.state === 'stored')) {
          // Recorded already: failing to let the working image go changes nothing about the copy.
          await dropImage(services.dataDir, disc.id).catch((error: unknown) => services.log.error('discs.image-kept', error, { discId: disc.id }));
        }
        return { discId: disc.id, copy: request.copy, imageSha256: outcome.imageSha256, bytes: outcome.bytes, verified, checks: outcome.checks, problem: outcome.problem };
      } catch (error) {
        const stopped = error instanceof CopyStopped ? error : null;
        const underlying: unknown = stopped === null || stopped.cancelled ? error : stopped.reason;
        // Nothing written: the copy is as it was. Written and then stopped: that disc is spoilt.
        const spoilt = request.kind === 'burn' && stopped?.written === true;
        const problem = stopped?.cancelled ? `cancelled by ${this.running.get(disc.id)?.cancelledBy ?? caller.name}` : underlying instanceof Error ? underlying.message : String(underlying);
        writeTransaction(db, () => {
          updateCopy(db, disc.id, request.copy, spoilt ? { state: 'failed', problem, burned_at: services.now() } : { state: before.state, problem: before.problem });
          this.env.audit(caller, action, object, { kind: 'change', drive: request.drive, verified: false, problem, spoilt });
        });
        if (stopped?.cancelled) throw new StationError('invalid-input', `disc ${disc.id} copy ${request.copy}: ${problem}${spoilt ? '; the disc was partly written and cannot be used' : ''}`);
        throw underlying instanceof BurnError ? refusal(underlying) : underlying;
      } finally {
        this.env.changed(disc.request_id);
      }
    });
  }
}
