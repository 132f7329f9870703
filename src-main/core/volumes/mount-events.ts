import { streamTool, ToolError, type ToolStream } from '../process/index.js';

export interface MountEventsOptions {
  /** The findmnt to run; `findmnt` on the PATH by default. */
  command?: string;
  /** The first wait before a findmnt that ended is started again; doubled on each quick end, up to `maxRestartDelayMs`. */
  restartDelayMs?: number;
  maxRestartDelayMs?: number;
}

const FINDMNT_ARGS = ['--poll', '--raw', '--noheadings', '--output', 'ACTION,TARGET'] as const;
// The runner bounds every tool; a watcher that reaches its bound is simply started again.
const WATCH_TIMEOUT_MS = 24 * 60 * 60 * 1000;
// A findmnt that ran this long was healthy: the next end starts again from the shortest wait.
const HEALTHY_RUN_MS = 60_000;

/**
 * A trigger for the mount-table adapter that fires as a mount happens anywhere, not only under the
 * media roots: util-linux's `findmnt --poll` waits on /proc/self/mountinfo for POLLPRI (Node has
 * no poll()) and prints a line per mount, umount, move or remount as the kernel reports it. Only a
 * trigger: the adapter's scan reads the table itself, and its slow poll remains the safety net, so
 * a findmnt that dies is started again after a back-off and a missing one is reported once and
 * then left alone. findmnt compares its tables by source and target, so the same device unmounted
 * and mounted again at the same folder between two of its reads prints nothing; the poll, keyed by
 * mount id, still sees it.
 */
export class MountEvents {
  private stream: ToolStream | null = null;
  private restartTimer: NodeJS.Timeout | null = null;
  private readonly firstDelayMs: number;
  private readonly maxDelayMs: number;
  private restartDelayMs: number;
  private stopped = false;
  private started = false;

  constructor(
    private readonly onChange: () => void,
    private readonly onUnavailable: (error: Error) => void,
    private readonly options: MountEventsOptions = {},
  ) {
    this.firstDelayMs = options.restartDelayMs ?? 200;
    this.maxDelayMs = options.maxRestartDelayMs ?? 30_000;
    this.restartDelayMs = this.firstDelayMs;
  }

  start(): void {
    if (this.stopped || this.stream !== null) return;
    const startedAt = Date.now();
    // A restart may have missed a mount made while no findmnt ran: look once now.
    if (this.started) this.onChange();
    this.started = true;
    // Through the one runner: bounded, and on Linux it dies with the station (setpriv --pdeathsig).
    const stream = streamTool(this.options.command ?? 'findmnt', FINDMNT_ARGS, { name: 'findmnt', timeoutMs: WATCH_TIMEOUT_MS });
    this.stream = stream;
    // Each chunk holds one line or more; what changed does not matter, the scan reads the table.
    stream.stdout.on('data', () => {
      if (!this.stopped) this.onChange();
    });
    stream.finished.then(
      () => this.ended(stream, startedAt, null),
      (error: unknown) => this.ended(stream, startedAt, error),
    );
  }

  /** Ends findmnt and any restart to come; resolves once it is gone. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.restartTimer !== null) clearTimeout(this.restartTimer);
    this.restartTimer = null;
    await this.stream?.stop();
    this.stream = null;
  }

  private ended(stream: ToolStream, startedAt: number, error: unknown): void {
    if (this.stream !== stream) return;
    this.stream = null;
    if (this.stopped) return;
    if (error instanceof ToolError && error.failure.kind === 'start') {
      this.onUnavailable(new Error('findmnt could not start: mounts outside the media folders are seen by the mount-table poll only', { cause: error }));
      return;
    }
    if (Date.now() - startedAt >= HEALTHY_RUN_MS) this.restartDelayMs = this.firstDelayMs;
    const delay = this.restartDelayMs;
    // A findmnt that keeps ending at once (a kernel without mountinfo events) costs little.
    this.restartDelayMs = Math.min(this.maxDelayMs, delay * 2);
    this.restartTimer = setTimeout(() => {
      this.restartTimer = null;
      this.start();
    }, delay);
  }
}
