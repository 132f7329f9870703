import { resolve } from 'node:path';
import { describe, StationError } from '../errors.js';
import { isWithin } from '../paths.js';
import { ArchiveDiskGate } from './archive-disk-gate.js';
import { IngestJob, type IngestEnvironment, type IngestOrigin, type IngestOutcome } from './ingest-job.js';
import type { Reason } from './ingest-store.js';

export interface IngestRequest {
  sourcePath: string;
  /** Recorded as the ingest's operator. */
  operator: string;
  /** The operator's role in the audit chain; `station` when the station started it on its own (auto-ingest). */
  role: string;
  origin: IngestOrigin | null;
  /** Why the footage comes in after its deadline (Art. 13), when the operator knows it will. */
  lateReason?: string;
}

/** A submitted ingest: recorded and queued or running; `done` resolves when it has ended. Never rejects. */
export interface ScheduledIngest {
  job: IngestJob;
  done: Promise<IngestOutcome>;
}

interface Entry extends ScheduledIngest {
  begin: () => void;
}

const overlaps = (a: string, b: string) => isWithin(a, b) || isWithin(b, a);

/**
 * The one owner of every ingest: who is queued and who runs, overlap refusal, the concurrency
 * limit, and what happens when a job crashes. `ingest.start`, the plug-in service and anything
 * later submit here; nothing else starts a job. Every card is admitted at once, up to the
 * `maxConcurrentIngests` setting: each reads its own device, and what they share, the archive
 * disk, is scheduled by the one disk gate that every job's verifications pass through.
 */
export class IngestScheduler {
  private readonly entries = new Map<string, Entry>();
  private readonly queue: Entry[] = [];
  /** Roots whose ingest is being set up: claimed before the first await, so two submits cannot both pass. */
  private readonly claimed = new Set<string>();
  /** Ingests being recorded (between the checks and the queue): stop() waits for them too. */
  private readonly settingUp = new Set<Promise<unknown>>();
  private running = 0;
  private stopped = false;
  private readonly env: IngestEnvironment;

  constructor(env: Omit<IngestEnvironment, 'diskGate'>) {
    this.env = { ...env, diskGate: new ArchiveDiskGate() };
  }

  /**
   * Records the ingest and queues it; it runs as soon as fewer than the setting allows run.
   * Refused while an ingest of the same folder (or one inside it, or one holding it) is queued or
   * running, except that one winding down (a card pulled out and plugged back in) is waited for.
   */
  async submit(request: IngestRequest): Promise<ScheduledIngest> {
    const root = resolve(request.sourcePath);
    for (let same = this.on(root); same; same = this.on(root)) {
      if (!same.job.stopping) throw new StationError('busy', `an ingest of ${root} is already running`);
      await same.done;
    }
    if ([...this.claimed].some((other) => overlaps(other, root))) throw new StationError('busy', `an ingest of ${root} is already starting`);
    if (this.stopped) throw new StationError('busy', 'the station is stopping');
    this.claimed.add(root);
    const creating = IngestJob.create(this.env, root, { name: request.operator, role: request.role }, request.origin, request.lateReason ?? null);
    this.settingUp.add(creating);
    try {
      const job = await creating;
      let begin: () => void = () => undefined;
      const started = new Promise<void>((go) => (begin = go));
      const entry: Entry = { job, begin, done: started.then(() => this.runJob(job)) };
      this.entries.set(job.id, entry);
      this.queue.push(entry);
      this.pump();
      return { job, done: entry.done };
    } finally {
      this.claimed.delete(root);
      this.settingUp.delete(creating);
    }
  }

  get(ingestId: string): IngestJob | undefined {
    return this.entries.get(ingestId)?.job;
  }

  /** Stops a queued or running ingest with the reason; a queued one ends at once, without a slot. */
  stopJob(ingestId: string, reason: Reason): boolean {
    const entry = this.entries.get(ingestId);
    if (!entry) return false;
    entry.job.stop(reason);
    this.startNow(entry);
    return true;
  }

  /** Every ingest stopped and ended: queued ones close their bags without copying. */
  async stop(): Promise<void> {
    this.stopped = true;
    // One being recorded now would otherwise join the queue after the station stopped.
    await Promise.allSettled(this.settingUp);
    const all = [...this.entries.values()];
    for (const entry of all) {
      entry.job.stop({ code: 'cancelled', message: 'the station is stopping' });
      this.startNow(entry);
    }
    await Promise.allSettled(all.map((entry) => entry.done));
    this.env.diskGate.close();
  }

  private on(root: string): Entry | undefined {
    return [...this.entries.values()].find((entry) => overlaps(entry.job.root, root));
  }

  private startNow(entry: Entry): void {
    const queued = this.queue.indexOf(entry);
    if (queued < 0) return;
    this.queue.splice(queued, 1);
    this.running += 1;
    entry.begin();
  }

  /** Starts queued ingests while fewer run than the setting allows, read each time: a change applies to the next start. */
  private pump(): void {
    while (this.running < this.env.settings().maxConcurrentIngests && this.queue.length > 0) {
      const entry = this.queue.shift();
      if (!entry) break;
      this.running += 1;
      entry.begin();
    }
  }

  private async runJob(job: IngestJob): Promise<IngestOutcome> {
    const { env } = this;
    env.log.info('ingest.started', { ingestId: job.id, source: job.root, deviceId: job.origin?.deviceId ?? null });
    let outcome: IngestOutcome;
    try {
      outcome = await job.run();
    } catch (error) {
      env.log.error('ingest.crashed', error, { ingestId: job.id });
      const reason = { code: 'copy-failed', message: describe(error) } as const;
      // Whoever waits for this ingest (the CLI, a card) must still hear that it ended.
      env.events.emit({ type: 'ingest.failed', ingestId: job.id, mountpoint: job.origin?.mountpoint ?? null, reason: reason.message, reasonCode: reason.code });
      outcome = { state: 'failed', reason, failed: 0 };
    } finally {
      this.entries.delete(job.id);
      this.running -= 1;
      this.pump();
    }
    if (outcome.state === 'completed') env.log.info('ingest.finished', { ingestId: job.id, failed: outcome.failed });
    else env.log.info('ingest.failed', { ingestId: job.id, reason: outcome.reason });
    return outcome;
  }
}
