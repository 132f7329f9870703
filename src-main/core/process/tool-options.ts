export type OutputStreamName = 'stdout' | 'stderr';

/** How any tool is run, buffered (runTool) or streamed (streamTool). */
export interface ToolOptions {
  /** The tool's name in errors (`ffprobe`, not its full path); the command's base name by default. */
  name?: string;
  /** Required, so that no tool runs unbounded: after this long the tool is killed. */
  timeoutMs: number;
  /** Aborting kills the tool. A signal that is already aborted starts nothing. */
  signal?: AbortSignal;
  /**
   * Every non-empty line as it arrives: stderr always, stdout in runTool only (streamTool's stdout
   * belongs to the caller). Called from stream events: it must not throw.
   */
  onLine?: (line: string, stream: OutputStreamName) => void;
  /** The tool's environment; the station's own by default. */
  env?: NodeJS.ProcessEnv;
  /** stderr is kept for the result up to this many bytes (its start; the tail is kept apart). */
  maxStderrBytes?: number;
  /**
   * Streamed tools only: this many more outputs besides stdout, as pipes on file descriptors 3, 4,
   * … of the tool (ffmpeg writing several streams at once: `pipe:3`, `pipe:4`).
   */
  extraOutputs?: number;
}

export const DEFAULT_MAX_STDERR_BYTES = 1024 * 1024;
