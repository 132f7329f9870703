import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { existsSync } from 'node:fs';

const SETPRIV = '/usr/bin/setpriv';

let setprivUsable: boolean | undefined;

/**
 * Whether tools started here die with the station. On Linux they are started through util-linux's
 * `setpriv --pdeathsig KILL`, which sets the parent-death signal and then execs the tool (same pid),
 * so a station that crashes or is killed leaves no ffmpeg, ffprobe or exiftool behind.
 *
 * Elsewhere tools are spawned directly and can outlive a killed station (their timeouts still end
 * them). Windows would need a Job Object with JOB_OBJECT_LIMIT_KILL_ON_JOB_CLOSE; Node has no API
 * for it and no library for it is used here. macOS has no parent-death signal at all.
 */
export function toolsDieWithStation(): boolean {
  setprivUsable ??= process.platform === 'linux' && existsSync(SETPRIV);
  return setprivUsable;
}

/** The program actually executed for `command args`: setpriv in front where it is usable. */
function launchLine(command: string, args: readonly string[]): { file: string; args: string[]; throughSetpriv: boolean } {
  if (!toolsDieWithStation()) return { file: command, args: [...args], throughSetpriv: false };
  return { file: SETPRIV, args: ['--pdeathsig', 'KILL', '--', command, ...args], throughSetpriv: true };
}

/**
 * `spawn` with the death rule, never through a shell. The parent-death signal fires when the
 * *thread* that spawned the tool ends: spawn from the station's main thread (Node's
 * child_process always does, unless called inside a worker_thread, whose end would kill the tool).
 * For callers that manage a process themselves (exiftool-vendored's pool); others use runTool or
 * streamTool.
 */
export function spawnDyingWithStation(command: string, args: readonly string[], options: SpawnOptions = {}): ChildProcess {
  const launch = launchLine(command, args);
  return spawn(launch.file, launch.args, { windowsHide: true, ...options, shell: false });
}
