import type { EventEmitter } from 'node:events';
import type { Readable, Writable } from 'node:stream';

/**
 * A started tool as the runner watches it: a ChildProcess when the station spawns it itself, or the
 * tool launcher's stand-in for one. Events as a ChildProcess's: 'error' (it never ran) and
 * 'exit' (code, signal).
 */
export interface StartedTool extends EventEmitter {
  /** Known once the tool has started: the launcher learns it a moment later than a spawn would. */
  readonly pid?: number | undefined;
  readonly exitCode: number | null;
  readonly signalCode: NodeJS.Signals | null;
  readonly stdout: Readable | null;
  readonly stderr: Readable | null;
  /** Index = the tool's file descriptor: stdin (unused), stdout, stderr, then extra outputs. */
  readonly stdio: readonly (Readable | Writable | null | undefined)[];
  kill(signal: NodeJS.Signals): boolean;
}
