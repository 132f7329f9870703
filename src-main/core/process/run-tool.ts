import { BoundedBuffer } from './bounded-buffer.js';
import { LineSplitter } from './lines.js';
import { failureOf, superviseTool } from './supervise.js';
import { ToolError } from './tool-error.js';
import type { ToolOptions } from './tool-options.js';

export interface RunToolOptions extends ToolOptions {
  /**
   * stdout is buffered up to this many bytes; a tool printing more is killed and the run fails.
   * 1 MiB by default (as execFile); ffprobe packet listings need tens of MB.
   */
  maxStdoutBytes?: number;
}

/** What a tool that succeeded printed (stderr up to its bound). */
export interface ToolOutput {
  stdout: string;
  stderr: string;
}

const DEFAULT_MAX_STDOUT_BYTES = 1024 * 1024;

/**
 * Runs a tool to its end and returns its output. Throws ToolError when it exits non-zero, is
 * killed (timeout, abort, a signal), prints too much or cannot start.
 */
export async function runTool(command: string, args: readonly string[], options: RunToolOptions): Promise<ToolOutput> {
  const running = superviseTool(command, args, options);
  const maxStdoutBytes = options.maxStdoutBytes ?? DEFAULT_MAX_STDOUT_BYTES;
  const stdout = new BoundedBuffer(maxStdoutBytes);
  const onLine = options.onLine;
  const stdoutLines = onLine ? new LineSplitter((line) => onLine(line, 'stdout')) : null;
  running.stdout.on('data', (chunk: Buffer) => {
    if (stdout.overflowed) return;
    if (!stdout.push(chunk)) running.kill('caller');
    stdoutLines?.push(chunk);
  });
  const stdoutRead = new Promise<void>((done) => running.stdout.once('close', done));
  running.stdout.once('end', () => stdoutLines?.end());

  // stdout is read to its end too: after a normal exit, its last bytes may still be in the pipe.
  const [end] = await Promise.all([running.ended, stdoutRead]);
  const output = { stdout: stdout.text(), stderr: end.stderr };
  const failure = stdout.overflowed ? { kind: 'stdout-limit' as const, maxBytes: maxStdoutBytes } : failureOf(end, options.timeoutMs);
  if (failure !== null) throw new ToolError(running.tool, failure, { ...output, stderrTail: end.stderrTail });
  return output;
}
