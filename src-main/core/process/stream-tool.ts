import type { Readable } from 'node:stream';
import { failureOf, superviseTool } from './supervise.js';
import { ToolError } from './tool-error.js';
import type { ToolOptions } from './tool-options.js';

/** How a streamed tool ended without failing. */
export interface ToolStreamEnd {
  /** stderr, up to its bound. */
  stderr: string;
  /** The caller ended it early (stop(), or stopped reading stdout). */
  stopped: boolean;
}

/** A running tool whose stdout the caller reads as it comes (e.g. ffmpeg's raw frames). */
export interface ToolStream {
  readonly pid: number | undefined;
  /**
   * The tool's stdout. Read it to its end, or stop early: destroying it (as leaving a `for await`
   * loop over it does) kills the tool, like stop().
   */
  readonly stdout: Readable;
  /**
   * Its `extraOutputs` (file descriptors 3, 4, …). Unlike stdout, closing one early does not stop
   * the tool, which may block writing to it: read each to its end (drain what is not wanted), or stop().
   */
  readonly extra: readonly Readable[];
  /**
   * Resolves once the tool has ended normally or was stopped; rejects with ToolError when it
   * failed (non-zero exit, timeout, abort, no start). It settles without stdout being read to its
   * end, and an unawaited rejection is not reported as unhandled.
   */
  readonly finished: Promise<ToolStreamEnd>;
  /** Kills the tool now; resolves once it is gone. Harmless after it ended. */
  stop(): Promise<void>;
}

/** Starts a tool whose stdout the caller streams; stderr goes to the line hook and the error tail. */
export function streamTool(command: string, args: readonly string[], options: ToolOptions): ToolStream {
  const running = superviseTool(command, args, options);
  const { stdout, extra } = running;
  // Once the caller wants no more, however the tool then ends is no failure: it may die of its
  // closed stdout (EPIPE, "Connection reset by peer") before the kill reaches it.
  let stopped = false;
  const stopNow = (): void => {
    stopped = true;
    running.kill('caller');
  };
  stdout.once('close', () => {
    if (!stdout.readableEnded) stopNow();
  });
  const finished = running.ended.then((end) => {
    const failure = stopped ? null : failureOf(end, options.timeoutMs);
    if (failure !== null) throw new ToolError(running.tool, failure, { stdout: '', stderr: end.stderr, stderrTail: end.stderrTail });
    return { stderr: end.stderr, stopped };
  });
  // A caller that stopped early (or threw) may never await it: that is no unhandled rejection.
  finished.catch(() => undefined);
  const stop = async (): Promise<void> => {
    stopNow();
    stdout.destroy();
    for (const output of extra) output.destroy();
    await running.ended;
  };
  return { pid: running.pid, stdout, extra, finished, stop };
}
