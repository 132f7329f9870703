import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { spawnDyingWithStation } from './death-rule.js';
import { LaunchedTool } from './launched-tool.js';
import type { LauncherEvent, LauncherRequest } from './launcher-protocol.js';

const TOKEN_BYTES = 16;
const HEADER_BYTES = TOKEN_BYTES + 1;
/** A connection that has not said whose output it is by then is dropped. */
const IDENTIFY_TIMEOUT_MS = 10_000;

// Compiled, the helper is the .js beside this file; tests run the sources, and Node runs the .ts.
const helperPath = fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? 'launcher-helper.ts' : 'launcher-helper.js', import.meta.url));

interface Running {
  helper: ChildProcess;
  server: Server;
  /** Removes the socket's private folder. */
  removeDir: () => void;
}

const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/**
 * Starts tools through the launcher process (launcher-helper.ts), started with the first tool and
 * again after it is lost. The station's side: a socket in a private folder (0700, made by mkdtemp)
 * that the tools' outputs connect to, each naming its tool by a random token; requests and the
 * tools' fates over the launcher's IPC channel.
 */
class ToolLauncher {
  private starting: Promise<Running> | null = null;
  private current: Running | null = null;
  /** Tools not yet ended, by id. */
  private readonly tools = new Map<number, LaunchedTool>();
  /** Tools still waiting for some of their outputs' connections. */
  private readonly byToken = new Map<string, LaunchedTool>();
  private nextId = 1;

  launch(file: string, args: readonly string[], options: { outputs: number; env: NodeJS.ProcessEnv }): LaunchedTool {
    const id = this.nextId++;
    const token = randomBytes(TOKEN_BYTES).toString('hex');
    const tool = new LaunchedTool(id, options.outputs, () => this.send({ type: 'kill', id }));
    this.tools.set(id, tool);
    this.byToken.set(token, tool);
    const forget = (): void => {
      this.tools.delete(id);
      this.holdChannel();
    };
    tool.once('exit', forget);
    tool.once('error', () => {
      this.byToken.delete(token);
      forget();
    });
    this.send({ type: 'launch', id, file, args: [...args], env: options.env, outputs: options.outputs, token });
    this.holdChannel();
    return tool;
  }

  private send(request: LauncherRequest): void {
    this.ready().then(
      ({ helper }) => {
        // A launcher lost meanwhile has failed this request's tool already.
        if (helper.connected) helper.send(request);
      },
      (error: unknown) => {
        if (request.type === 'launch') this.tools.get(request.id)?.failed(`the tool launcher could not start: ${reason(error)}`);
      },
    );
  }

  private ready(): Promise<Running> {
    this.starting ??= this.start().catch((error: unknown) => {
      this.starting = null;
      throw error;
    });
    return this.starting;
  }

  private async start(): Promise<Running> {
    const dir = mkdtempSync(join(tmpdir(), 'station-tools-'));
    const removeDir = (): void => rmSync(dir, { recursive: true, force: true });
    const socketPath = join(dir, 'outputs.sock');
    const server = createServer((connection) => this.identify(connection));
    try {
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(socketPath, resolve);
      });
    } catch (error) {
      removeDir();
      throw error;
    }
    server.unref();
    process.once('exit', removeDir);
    const helper = spawnDyingWithStation(process.execPath, [helperPath, socketPath], {
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
      // Under Electron, execPath is Electron itself: this makes it run the helper as plain Node.
      env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' },
    }, 'TERM');
    const running: Running = { helper, server, removeDir };
    this.current = running;
    // The station's life is not the launcher's business: only tools not yet ended keep it up.
    helper.unref();
    this.holdChannel();
    helper.on('message', (event: LauncherEvent) => this.onEvent(event));
    helper.once('exit', () => this.lost(running));
    // 'error': it could not start, or a message could not be sent (its channel closed as it died).
    helper.on('error', () => this.lost(running));
    return running;
  }

  /** The IPC channel keeps the station running while a tool's end is still to be told. */
  private holdChannel(): void {
    const channel = this.current?.helper.channel;
    if (this.tools.size > 0) channel?.ref();
    else channel?.unref();
  }

  private onEvent(event: LauncherEvent): void {
    const tool = this.tools.get(event.id);
    if (tool === undefined) return;
    if (event.type === 'spawn') tool.started(event.pid);
    else if (event.type === 'error') tool.failed(event.message);
    else tool.exited(event.code, event.signal);
  }

  /** A new connection says whose output it is in its first bytes: a token and a descriptor number. */
  private identify(connection: Socket): void {
    connection.on('error', () => connection.destroy());
    const drop = setTimeout(() => connection.destroy(), IDENTIFY_TIMEOUT_MS);
    drop.unref();
    const onReadable = (): void => {
      const header = connection.read(HEADER_BYTES) as Buffer | null;
      if (header === null) return;
      connection.off('readable', onReadable);
      clearTimeout(drop);
      const token = header.subarray(0, TOKEN_BYTES).toString('hex');
      const tool = header.length === HEADER_BYTES ? this.byToken.get(token) : undefined;
      if (tool === undefined || !tool.attach(header[TOKEN_BYTES] ?? 0, connection)) {
        connection.destroy();
        return;
      }
      if (tool.complete) this.byToken.delete(token);
    };
    connection.on('readable', onReadable);
  }

  /** The launcher ended (killed, crashed): its tools died with it; the next tool starts a new one. */
  private lost(running: Running): void {
    if (this.current !== running) return;
    this.current = null;
    this.starting = null;
    running.server.close();
    process.off('exit', running.removeDir);
    running.removeDir();
    this.byToken.clear();
    for (const tool of [...this.tools.values()]) {
      if (tool.pid === undefined) {
        tool.failed('the tool launcher ended before the tool started');
      } else {
        tool.endUnconnected();
        tool.exited(null, 'SIGKILL');
      }
    }
  }
}

let launcher: ToolLauncher | undefined;

/** Starts `file args` through the station's tool launcher, with `outputs` outputs (stdout, stderr, fd 3, …). */
export function launchTool(file: string, args: readonly string[], options: { outputs: number; env: NodeJS.ProcessEnv }): LaunchedTool {
  launcher ??= new ToolLauncher();
  return launcher.launch(file, args, options);
}
