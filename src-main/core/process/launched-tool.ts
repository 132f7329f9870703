import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import { PassThrough } from 'node:stream';
import type { StartedTool } from './started-tool.js';

/**
 * The station's stand-in for a tool the launcher started: its outputs are streams that the tool's
 * connections feed once they arrive, its pid comes with the launcher's word that it started.
 */
export class LaunchedTool extends EventEmitter implements StartedTool {
  pid: number | undefined = undefined;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  readonly stdout: PassThrough;
  readonly stderr: PassThrough;
  readonly stdio: readonly (PassThrough | null)[];
  /** Index = file descriptor, as stdio. */
  private readonly connections: (Socket | undefined)[] = [];
  private attached = 0;

  constructor(
    readonly id: number,
    private readonly outputs: number,
    private readonly requestKill: () => void,
  ) {
    super();
    const streams = Array.from({ length: outputs }, () => new PassThrough());
    this.stdout = streams[0] as PassThrough;
    this.stderr = streams[1] as PassThrough;
    this.stdio = [null, ...streams];
    // A reader that destroys an output closes the connection: the tool then meets a closed pipe, as
    // it would had it been spawned here.
    for (const [index, stream] of streams.entries()) stream.once('close', () => this.connections[index + 1]?.destroy());
  }

  /** True once every output has its connection. */
  get complete(): boolean {
    return this.attached === this.outputs;
  }

  /** Feeds output `fd` from `connection`; false when that output has one already or does not exist. */
  attach(fd: number, connection: Socket): boolean {
    const stream = this.stdio[fd];
    if (!stream || this.connections[fd] !== undefined) return false;
    this.connections[fd] = connection;
    this.attached += 1;
    if (stream.destroyed || stream.writableEnded) {
      connection.destroy();
      return true;
    }
    connection.pipe(stream);
    // A reset connection ends its output rather than leaving its reader waiting.
    connection.once('error', () => stream.end());
    return true;
  }

  kill(): boolean {
    if (this.exitCode !== null || this.signalCode !== null) return false;
    this.requestKill();
    return true;
  }

  started(pid: number): void {
    this.pid = pid;
    this.emit('spawn');
  }

  /** It never ran: its outputs end empty, as a ChildProcess's do. */
  failed(message: string): void {
    this.endUnconnected();
    this.emit('error', new Error(message));
  }

  exited(code: number | null, signal: NodeJS.Signals | null): void {
    this.exitCode = code;
    this.signalCode = signal;
    this.emit('exit', code, signal);
  }

  /** Ends the outputs no connection feeds (and none will: the launcher is gone or the tool never ran). */
  endUnconnected(): void {
    for (const [fd, stream] of this.stdio.entries()) {
      if (stream && this.connections[fd] === undefined) stream.end();
    }
  }
}
