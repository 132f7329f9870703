import type { CommandName, CommandOutput, Credentials, Result, StationEvent } from '../contract/index.js';

/** An archived file that a host may stream for playback. */
export interface MediaFile {
  path: string;
  size: number;
  mime: string;
}

/** What every host sees of the core: commands through one router, events, playback files. */
export interface Station {
  readonly dataDir: string;
  call<K extends CommandName>(name: K, input: unknown, credentials: Credentials): Promise<Result<CommandOutput<K>>>;
  /** For hosts that receive a command name from outside (IPC, HTTP): unknown names become errors. */
  dispatch(name: string, input: unknown, credentials: Credentials): Promise<Result<unknown>>;
  onEvent(listener: (event: StationEvent) => void): () => void;
  mediaFile(recordingId: number): MediaFile | null;
  /** One frame of a video recording as a small JPEG, made on first request and cached; null when there is none. */
  thumbnailFile(recordingId: number): Promise<MediaFile | null>;
  /** Prints an ingest's receipt (交接单) as a PDF at `path`; hosts choose where. */
  writeReceipt(ingestId: string, path: string): Promise<void>;
  /**
   * Starts watching for plugged-in devices, when the station was opened to watch; hosts call it once
   * they listen, so no attach is missed. Volumes present now are reported as attached.
   */
  startWatching(): Promise<void>;
  close(): Promise<void>;
}
