import type { ChildProcessByStdio } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { setTimeout as sleep } from 'node:timers/promises';
import { startCli } from '../helpers/run-cli.js';

/** One line `station watch --json` printed, and when this process read it (Date.now()). */
export interface WatchLine {
  at: number;
  event: { type: string; mountpoint?: string; [field: string]: unknown };
}

/**
 * A `station watch --json` child and everything it printed, each line timestamped on arrival, so a
 * test can wait for events in order and measure how long they took to come.
 */
export class WatchSession {
  readonly lines: WatchLine[] = [];
  private stdout = '';
  private stderr = '';
  private exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

  private constructor(private readonly child: ChildProcessByStdio<null, Readable, Readable>) {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (text: string) => {
      const at = Date.now();
      const parts = (this.stdout + text).split('\n');
      this.stdout = parts.pop() ?? '';
      for (const line of parts.filter((l) => l.trim() !== '')) this.lines.push({ at, event: JSON.parse(line) as WatchLine['event'] });
    });
    child.stderr.on('data', (text: string) => (this.stderr += text));
    this.exit = new Promise((resolve) => child.on('close', (code, signal) => resolve({ code, signal })));
  }

  /** Starts the watcher and resolves once it says it is watching (volumes mounted before then come in its first scan). */
  static async start(dataDir: string, flags: string[] = ['--auto-ingest', '--any-volume']): Promise<WatchSession> {
    const session = new WatchSession(startCli(dataDir, ['watch', '--json', ...flags]));
    await session.until('the watcher to start', () => session.stderr.includes('Watching for devices'), 30_000);
    return session;
  }

  /** What the watcher wrote to stderr, for failure messages. */
  get log(): string {
    return `stderr:\n${this.stderr}\nlines:\n${this.lines.map((l) => JSON.stringify(l.event)).join('\n')}`;
  }

  /** The first line from index `from` on that matches; waits for it. */
  async next(what: string, match: (event: WatchLine['event']) => boolean, options: { from?: number; timeoutMs?: number } = {}): Promise<WatchLine & { index: number }> {
    let found: (WatchLine & { index: number }) | undefined;
    await this.until(what, () => {
      const index = this.lines.findIndex((line, i) => i >= (options.from ?? 0) && match(line.event));
      found = index < 0 ? undefined : { ...this.lines[index]!, index };
      return found !== undefined;
    }, options.timeoutMs ?? 60_000);
    return found!;
  }

  /** Lines about one mount point, in order. */
  about(mountpoint: string, from = 0): WatchLine['event'][] {
    return this.lines.slice(from).map((l) => l.event).filter((e) => e.mountpoint === mountpoint);
  }

  /** Sends the signal and waits for the process to end; gives its exit and how long that took. */
  async stop(signal: NodeJS.Signals = 'SIGTERM'): Promise<{ code: number | null; signal: NodeJS.Signals | null; ms: number }> {
    const started = Date.now();
    this.child.kill(signal);
    const result = await Promise.race([this.exit, sleep(30_000).then(() => null)]);
    if (result === null) {
      this.child.kill('SIGKILL');
      throw new Error(`station watch did not stop within 30 s of ${signal}\n${this.log}`);
    }
    return { ...result, ms: Date.now() - started };
  }

  /** For afterAll: ends the process if a failed test left it running. */
  async kill(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill('SIGKILL');
    await this.exit;
  }

  private async until(what: string, done: () => boolean, timeoutMs: number): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (!done()) {
      if (this.child.exitCode !== null) throw new Error(`station watch exited (${this.child.exitCode}) while waiting for ${what}\n${this.log}`);
      if (Date.now() > until) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${this.log}`);
      await sleep(5);
    }
  }
}

// mountinfo escapes space, tab, newline and backslash as octal.
const unescape = (text: string): string => text.replace(/\\([0-7]{3})/g, (_, octal: string) => String.fromCharCode(parseInt(octal, 8)));

/** Each mount as its whole mountinfo line (mount id, device numbers, options) with its unescaped mount point. */
const mounts = (): { mountpoint: string; line: string }[] =>
  readFileSync('/proc/self/mountinfo', 'utf8')
    .split('\n')
    .flatMap((line) => {
      const field = line.split(' ')[4];
      return field === undefined ? [] : [{ mountpoint: unescape(field), line }];
    });

/**
 * When a new mount whose mount point satisfies `match` shows in the mount table (Date.now(), looked at
 * every 2 ms): the moment a mount is complete, where detection latency starts. Start it before
 * mounting; a mount counts as new when its line was not in the table at the start.
 */
export function mountAppearance(match: (mountpoint: string) => boolean, timeoutMs = 60_000): Promise<number> {
  const before = new Set(mounts().filter((m) => match(m.mountpoint)).map((m) => m.line));
  return (async () => {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (mounts().some((m) => match(m.mountpoint) && !before.has(m.line))) return Date.now();
      await sleep(2);
    }
    throw new Error('no new matching mount appeared');
  })();
}
