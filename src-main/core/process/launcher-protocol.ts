// The messages between the station and its tool launcher (launcher-helper.ts), over the launcher's
// IPC channel. Types only: the helper runs this folder's .ts sources directly under Node's type
// stripping in tests, where only type imports are erased.

/** Station → launcher: start a tool. The tool's outputs come back as connections, not messages. */
export interface LaunchRequest {
  type: 'launch';
  id: number;
  /** The executable and its arguments exactly as to be run (setpriv already in front). */
  file: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /**
   * How many outputs the tool writes: file descriptors 1 (stdout), 2 (stderr), 3, … For each, the
   * launcher connects to the station's socket, writes `token` and the descriptor's number (one
   * byte), and hands that connection to the tool as the descriptor.
   */
  outputs: number;
  /** Random, hex: names this tool's connections; the station drops a connection it does not know. */
  token: string;
}

/** Station → launcher: kill a tool (SIGKILL), or do not start it if it has not started yet. */
export interface KillRequest {
  type: 'kill';
  id: number;
}

export type LauncherRequest = LaunchRequest | KillRequest;

/** Launcher → station: what became of a tool. */
export type LauncherEvent =
  | { type: 'spawn'; id: number; pid: number }
  /** It never ran (as a ChildProcess's 'error' before it started). */
  | { type: 'error'; id: number; message: string }
  | { type: 'exit'; id: number; code: number | null; signal: NodeJS.Signals | null };
