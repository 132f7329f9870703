// What every disc burner backend offers the station (issue 10). Backends never spawn a process
// themselves: the station hands them its one tool runner, so every burn has a timeout, an abort
// and dies with the station.

/** The station's tool runner (core/process runTool), as a backend sees it. */
export type RunTool = (
  command: string,
  args: readonly string[],
  options: {
    timeoutMs: number;
    signal?: AbortSignal;
    /** Every line as it arrives (progress); must not throw. */
    onLine?: (line: string, stream: 'stdout' | 'stderr') => void;
    env?: NodeJS.ProcessEnv;
    name?: string;
  },
) => Promise<{ stdout: string; stderr: string }>;

export interface DriveMedia {
  /** `none` when no disc is in (or the tray is open); else the medium's profile (`DVD+R`, `BD-R`, `stdio file`). */
  kind: string;
  blank: boolean;
  /** What can still be written, as the drive reports it; null when it cannot tell (a growing file). */
  freeBytes: number | null;
}

export interface DriveInfo {
  /** `/dev/sr0`, a drive letter, a device path: what `burn` takes as `drive`. */
  device: string;
  vendor: string | null;
  model: string | null;
  media: DriveMedia;
}

/** Why a burn could not start or did not finish, in terms a person can act on. */
export type BurnFailure = 'no-disc' | 'tray-open' | 'wrong-medium' | 'not-blank' | 'disc-full' | 'cancelled' | 'failed';

export class BurnError extends Error {
  constructor(
    readonly failure: BurnFailure,
    message: string,
  ) {
    super(message);
    this.name = 'BurnError';
  }
}

export interface BurnRequest {
  /** The ISO image file, built once; every copy is burned from it. */
  image: string;
  /** Its size in bytes. */
  bytes: number;
  drive: string;
  signal?: AbortSignal;
  /** Bytes written so far, as the burner reports them. */
  onBytes?: (bytesWritten: number) => void;
}

export interface DiscBurner {
  readonly name: 'xorriso' | 'imapi2' | 'hdiutil';
  drives(run: RunTool, signal?: AbortSignal): Promise<DriveInfo[]>;
  /** The medium in one drive; throws BurnError `no-disc` / `tray-open` when there is none. */
  media(run: RunTool, drive: string, signal?: AbortSignal): Promise<DriveMedia>;
  /** Writes the image onto the medium, from its first block; refuses (BurnError) before writing when it cannot fit. */
  burn(run: RunTool, request: BurnRequest): Promise<void>;
}
