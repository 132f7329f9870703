/** How the drift was learnt, best first. */
export type DriftBasis = 'calibration-clip' | 'gps' | 'station-clock';

/** What the ingest knows about one file once its metadata is read. */
export interface ClockInputFile {
  /** The file's path on the source, as the ingest reports it; its name is read for recorder fields. */
  source: string;
  /** The verified copy, which is what gets decoded. */
  archivedPath: string;
  kind: 'video' | 'audio' | 'photo' | 'other';
  /** Device time at the start of the recording, ISO-8601 with offset (MediaMetadata.recordedAt). */
  recordedAt: string | null;
  durationSeconds: number | null;
  /** Satellite time of the same moment, ISO-8601 UTC. */
  gpsTime: string | null;
  /** False when ffprobe could not read the video: no frame of it will show a code. */
  readable?: boolean | null;
}

export interface FileClock {
  /** ISO-8601 in the station zone. */
  deviceTime: string | null;
  /** deviceTime − drift, ISO-8601 in the station zone; null without a drift. */
  correctedTime: string | null;
  /** Device time − true time, seconds; positive: the recorder's clock runs ahead. */
  driftSeconds: number | null;
  basis: DriftBasis | null;
}

export type Finding =
  /** The name's wall time and the metadata differ by whole hours: the device's zone is set wrong. */
  | { kind: 'timezone-mismatch'; source: string; hours: number }
  /** Sequence numbers missing between two present files of one device and day (Art. 18). */
  | { kind: 'sequence-gap'; serial: string; day: string; after: number; before: number; missing: number[] }
  /** An interruption inside one recording session, to be explained (Art. 12). */
  | { kind: 'recording-gap'; source: string; previous: string; gapSeconds: number }
  /** A recording that ends after the station's clock said it could have: its clock runs ahead. */
  | {
      kind: 'future-recording';
      source: string;
      endsAt: string;
      /** The station time it ends after, and what that time was: the plug-in, or the ingest starting to read. */
      referenceAt: string;
      reference: ClockReferenceKind;
      /** The plug-in time when there was one (kept for readers of earlier reports). */
      pluggedInAt: string | null;
    };

export type ClockReferenceKind = 'plug-in' | 'ingest-start';

/**
 * A station time no recording on the source can end after: the plug-in, or for a folder the moment
 * the ingest started reading it (a file copied in later is not in this ingest).
 */
export interface ClockReference {
  atMs: number;
  kind: ClockReferenceKind;
}

export interface ClockDrift {
  seconds: number | null;
  basis: DriftBasis | null;
  exceedsTolerance: boolean;
  /** The source of the file the drift was measured on, for a reviewer to check. */
  evidence: string | null;
}

export interface ClockAnalysis {
  files: Record<string, FileClock>;
  clockDrift: ClockDrift;
  findings: Finding[];
}
