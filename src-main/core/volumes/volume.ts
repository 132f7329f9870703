/** A mounted file system the station may ingest from, as the scanner offers it. */
export interface Volume {
  mountpoint: string;
  /** The block device (Linux, macOS) or physical drive (Windows) behind the mount. */
  device: string;
  label: string | null;
  uuid: string | null;
  /** As the platform names it (`vfat`, `exfat`, `fuseblk` …); `unknown` where the adapter cannot tell. */
  fsType: string;
  removable: boolean;
  sizeBytes: number | null;
  freeBytes: number | null;
}

/** Where an adapter reports what it sees; the scanner merges the reports of all its adapters. */
export interface VolumeSink {
  attach(volume: Volume): void;
  detach(volume: Volume): void;
  error(error: Error): void;
}

/** One way of seeing volumes come and go (drivelist, the Linux mount table …). */
export interface VolumeAdapter {
  readonly name: string;
  /** Resolves once the volumes present now have been reported. */
  start(sink: VolumeSink): Promise<void>;
  /** Resolves when nothing more will reach the sink. */
  stop(): Promise<void>;
}

/** What every adapter needs to decide whether a volume is offered. */
export interface VolumeFilterOptions {
  /** Also offer volumes the system does not call removable (built-in SD readers, loop devices in tests). */
  anyVolume: boolean;
  /** A path on the archive's own volume (the data folder): that volume is never offered. */
  excludePath: string | null;
}
