import type { ChildProcess, StdioOptions } from 'node:child_process';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { BoundedBuffer } from './bounded-buffer.js';
import { spawnDyingWithStation, toolsDieWithStation } from './death-rule.js';
import { LastLines, LineSplitter } from './lines.js';
import type { ToolFailure } from './tool-error.js';
import { DEFAULT_MAX_STDERR_BYTES, type ToolOptions } from './tool-options.js';

/** Who ended the tool: its timeout, the caller's AbortSignal, or the caller directly (no failure). */
export type KillReason = 'timeout' | 'abort' | 'caller';

/** How a tool run ended, before it is judged a success or a failure. */
export interface ToolEnd {
  code: number | null;
  signal: NodeJS.Signals | null;
  /** Set when the tool never ran. */
  startError: string | null;
  killedFor: KillReason | null;
  stderr: string;
  stderrTail: readonly string[];
}

/** A tool started with the death rule, a timeout and an abort signal; stderr read and kept. */
export interface SupervisedTool {
  readonly tool: string;
  readonly pid: number | undefined;
  /** The tool's stdout; an empty stream when it never started. */
  readonly stdout: Readable;
  /** Its `extraOutputs`, on file descriptors 3, 4, …; empty streams when it never started. */
  readonly extra: readonly Readable[];
  /** Kills the tool (SIGKILL: the tools run here only read, nothing of theirs needs cleaning up). */
  kill(reason: KillReason): void;
  /** Settles, never rejects, once the tool has exited and its stderr is read to the end. */
  readonly ended: Promise<ToolEnd>;
}

export function superviseTool(command: string, args: readonly string[], options: ToolOptions): SupervisedTool {
  if (!(Number.isFinite(options.timeoutMs) && options.timeoutMs > 0)) {
    throw new RangeError(`timeoutMs must be a positive number of milliseconds, not ${options.timeoutMs}`);
  }
  const tool = options.name ?? basename(command);
  const extraOutputs = options.extraOutputs ?? 0;
  if (options.signal?.aborted) return notStarted(tool, null, extraOutputs);
  let child: ChildProcess;
  try {
    const stdio: StdioOptions = ['ignore', 'pipe', 'pipe', ...Array<'pipe'>(extraOutputs).fill('pipe')];
    child = spawnDyingWithStation(command, args, { stdio, env: options.env ?? process.env });
  } catch (error) {
    // Node throws (rather than emitting 'error') for arguments it refuses, e.g. a NUL byte.
    return notStarted(tool, error instanceof Error ? error.message : String(error), extraOutputs);
  }
  return watch(tool, child, options);
}

function notStarted(tool: string, startError: string | null, extraOutputs: number): SupervisedTool {
  const end: ToolEnd = { code: null, signal: null, startError, killedFor: startError === null ? 'abort' : null, stderr: '', stderrTail: [] };
  const extra = Array.from({ length: extraOutputs }, () => Readable.from([]));
  return { tool, pid: undefined, stdout: Readable.from([]), extra, kill: () => undefined, ended: Promise.resolve(end) };
}

function watch(tool: string, child: ChildProcess, options: ToolOptions): SupervisedTool {
  const stdout = child.stdout as Readable;
  const stderr = child.stderr as Readable;
  const stderrKept = new BoundedBuffer(options.maxStderrBytes ?? DEFAULT_MAX_STDERR_BYTES);
  const stderrTail = new LastLines();
  const stderrLines = new LineSplitter((line) => {
    stderrTail.add(line);
    options.onLine?.(line, 'stderr');
  });
  stderr.on('data', (chunk: Buffer) => {
    stderrKept.push(chunk);
    stderrLines.push(chunk);
  });

  let killedFor: KillReason | null = null;
  const exited = (): boolean => child.exitCode !== null || child.signalCode !== null;
  const kill = (reason: KillReason): void => {
    if (exited() || killedFor !== null || child.pid === undefined) return;
    killedFor = reason;
    child.kill('SIGKILL');
  };
  const timer = setTimeout(() => kill('timeout'), options.timeoutMs);
  const onAbort = (): void => kill('abort');
  options.signal?.addEventListener('abort', onAbort, { once: true });

  const ended = new Promise<ToolEnd>((settle) => {
    let status: { code: number | null; signal: NodeJS.Signals | null } | null = null;
    let stderrClosed = false;
    let finished = false;
    const finish = (startError: string | null): void => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      stderrLines.end();
      settle({
        code: status?.code ?? null,
        signal: status?.signal ?? null,
        startError,
        killedFor,
        stderr: stderrKept.text(),
        stderrTail: stderrTail.lines(),
      });
    };
    child.once('exit', (code, signal) => {
      status = { code, signal };
      clearTimeout(timer);
      if (stderrClosed) finish(null);
    });
    stderr.once('close', () => {
      stderrClosed = true;
      if (status !== null) finish(null);
    });
    child.on('error', (error) => {
      // After a start, 'error' only reports a failed kill; the 'exit' above still comes.
      // Before it, the tool never ran: Node ends its (empty) stdout and stderr by itself.
      if (child.pid !== undefined) return;
      finish(error.message);
    });
  });
  return { tool, pid: child.pid, stdout, extra: child.stdio.slice(3) as Readable[], kill, ended };
}

// setpriv execs the tool itself: a tool it cannot execute shows up as setpriv's exit code 126 or
// 127 and a line of its own on stderr, not as a spawn error.
const SETPRIV_EXEC_FAILED = /^setpriv: (failed to execute .*)$/m;

/** Why the run failed, or null when the tool succeeded or the caller itself ended it. */
export function failureOf(end: ToolEnd, timeoutMs: number): ToolFailure | null {
  if (end.startError !== null) return { kind: 'start', cause: end.startError };
  const { code } = end;
  // A tool that exited by itself as a kill was on its way is judged by its own exit code.
  if (code === null || end.signal !== null) {
    if (end.killedFor === 'timeout') return { kind: 'timeout', afterMs: timeoutMs };
    if (end.killedFor === 'abort') return { kind: 'abort' };
    if (end.killedFor === 'caller') return null;
    return { kind: 'signal', signal: end.signal ?? 'SIGKILL' };
  }
  if (code === 0) return null;
  const setprivFailure = toolsDieWithStation() && (code === 126 || code === 127) ? SETPRIV_EXEC_FAILED.exec(end.stderr) : null;
  if (setprivFailure?.[1] !== undefined) return { kind: 'start', cause: setprivFailure[1] };
  return { kind: 'exit', code };
}
