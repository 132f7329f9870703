/** Why a tool did not finish normally. */
export type ToolFailure =
  | { kind: 'exit'; code: number }
  | { kind: 'signal'; signal: NodeJS.Signals }
  | { kind: 'timeout'; afterMs: number }
  | { kind: 'abort' }
  | { kind: 'start'; cause: string }
  | { kind: 'stdout-limit'; maxBytes: number };

/** What the tool printed before it failed; both bounded (see the run options). */
export interface ToolOutputSoFar {
  stdout: string;
  stderr: string;
  /** The last few non-empty lines of stderr, each cut to a bounded length. */
  stderrTail: readonly string[];
}

function reasonText(tool: string, failure: ToolFailure): string {
  switch (failure.kind) {
    case 'exit':
      return `${tool} exited with code ${failure.code}`;
    case 'signal':
      return `${tool} was killed by ${failure.signal}`;
    case 'timeout':
      return `${tool} timed out after ${failure.afterMs} ms`;
    case 'abort':
      return `${tool} was aborted`;
    case 'start':
      return `${tool} could not start: ${failure.cause}`;
    case 'stdout-limit':
      return `${tool} printed more than ${failure.maxBytes} bytes on stdout`;
  }
}

/**
 * The one error every external tool run ends in when it fails. The message names the tool, the
 * reason and the tail of stderr, because the tail is where ffmpeg and friends say what went wrong.
 */
export class ToolError extends Error {
  override readonly name = 'ToolError';
  /** The message without the stderr tail, e.g. `ffprobe exited with code 1`. */
  readonly reason: string;
  /** Exit code, or null when the tool did not exit by itself (signal, timeout, abort, no start). */
  readonly code: number | null;
  readonly timedOut: boolean;
  readonly aborted: boolean;
  readonly stdout: string;
  readonly stderr: string;
  readonly stderrTail: readonly string[];

  constructor(
    readonly tool: string,
    readonly failure: ToolFailure,
    output: ToolOutputSoFar,
  ) {
    const reason = reasonText(tool, failure);
    super(output.stderrTail.length === 0 ? reason : `${reason}: ${output.stderrTail.join(' / ')}`);
    this.reason = reason;
    this.code = failure.kind === 'exit' ? failure.code : null;
    this.timedOut = failure.kind === 'timeout';
    this.aborted = failure.kind === 'abort';
    this.stdout = output.stdout;
    this.stderr = output.stderr;
    this.stderrTail = output.stderrTail;
  }
}
