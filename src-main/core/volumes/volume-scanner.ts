import { EventEmitter } from 'node:events';
import { DrivelistAdapter } from './drivelist-adapter.js';
import { MountTableAdapter } from './mount-table-adapter.js';
import type { Volume, VolumeAdapter, VolumeSink } from './volume.js';

export type VolumeScannerEvents = {
  attach: [volume: Volume];
  detach: [volume: Volume];
  error: [error: Error];
};

export interface VolumeScannerOptions {
  /** Also offer volumes the system does not call removable (built-in SD readers; loop devices in tests). */
  anyVolume?: boolean;
  /** A path on the archive's own volume, normally the data folder: that volume is never offered. */
  excludePath?: string | null;
  platform?: NodeJS.Platform;
}

/**
 * The adapters for a platform. Linux reads the mount table (plus a folder watch) rather than drivelist:
 * drivelist is lsblk there, which sees no more than the mount table and sysfs do, hides loop devices,
 * and would hold a detach back until its own next poll.
 */
export function defaultVolumeAdapters(options: VolumeScannerOptions = {}): VolumeAdapter[] {
  const filter = { anyVolume: options.anyVolume ?? false, excludePath: options.excludePath ?? null };
  const platform = options.platform ?? process.platform;
  return platform === 'linux' ? [new MountTableAdapter(filter)] : [new DrivelistAdapter({ ...filter, platform })];
}

interface Present {
  volume: Volume;
  seenBy: Set<VolumeAdapter>;
}

/**
 * Volumes coming and going, merged over adapters by mount point: attached when the first adapter
 * sees it, detached when the last one stops seeing it. Nothing is emitted once stop() is called.
 */
export class VolumeScanner extends EventEmitter<VolumeScannerEvents> {
  private state: 'new' | 'running' | 'stopped' = 'new';
  private readonly present = new Map<string, Present>();

  constructor(private readonly adapters: readonly VolumeAdapter[]) {
    super();
  }

  /** The volumes attached now. */
  get volumes(): Volume[] {
    return [...this.present.values()].map((entry) => entry.volume);
  }

  /** Resolves once every adapter has reported the volumes present now (each as an attach event). */
  async start(): Promise<void> {
    if (this.state !== 'new') throw new Error('a volume scanner starts once');
    this.state = 'running';
    const started = await Promise.allSettled(this.adapters.map((adapter) => adapter.start(this.sinkFor(adapter))));
    started.forEach((outcome, index) => {
      if (outcome.status === 'rejected') this.report(new Error(`volume adapter ${this.adapters[index]?.name} failed to start`, { cause: outcome.reason }));
    });
  }

  async stop(): Promise<void> {
    if (this.state === 'stopped') return;
    this.state = 'stopped';
    await Promise.allSettled(this.adapters.map((adapter) => adapter.stop()));
    this.present.clear();
  }

  private sinkFor(adapter: VolumeAdapter): VolumeSink {
    return {
      attach: (volume) => {
        if (this.state !== 'running') return;
        const entry = this.present.get(volume.mountpoint);
        if (entry !== undefined) {
          entry.seenBy.add(adapter);
          return;
        }
        this.present.set(volume.mountpoint, { volume, seenBy: new Set([adapter]) });
        this.deliver('attach', volume);
      },
      detach: (volume) => {
        if (this.state !== 'running') return;
        const entry = this.present.get(volume.mountpoint);
        if (entry === undefined || !entry.seenBy.delete(adapter) || entry.seenBy.size > 0) return;
        this.present.delete(volume.mountpoint);
        this.deliver('detach', entry.volume);
      },
      error: (error) => {
        if (this.state === 'running') this.report(error);
      },
    };
  }

  // A listener that throws must not cost the other listeners, or the adapters, the events after it.
  private deliver(event: 'attach' | 'detach', volume: Volume): void {
    for (const listener of this.rawListeners(event)) {
      try {
        (listener as (volume: Volume) => void).call(this, volume);
      } catch (error) {
        this.report(new Error(`volume ${event} listener failed`, { cause: error }));
      }
    }
  }

  // An 'error' event with no listener would throw and take the process down; a scanner error never
  // should. The station always listens (and logs); stderr is the last resort of a bare scanner.
  private report(error: Error): void {
    if (this.listenerCount('error') === 0) {
      console.error('volume scanner:', error);
      return;
    }
    try {
      this.emit('error', error);
    } catch (thrown) {
      console.error('volume error listener failed', thrown);
    }
  }
}

/** The scanner for this platform: `new VolumeScanner(defaultVolumeAdapters(options))`. */
export const createVolumeScanner = (options: VolumeScannerOptions = {}): VolumeScanner => new VolumeScanner(defaultVolumeAdapters(options));
