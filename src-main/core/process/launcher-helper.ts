// The tool launcher: a small Node process of the station's own that starts its tools.
//
// A process forks to start another, and a fork copies the forking process's page tables. At a
// rack's height the station holds hundreds of MB and fifty threads: each start cost its main thread
// 8 ms typically and up to 170 ms (the fork, then the wait for the tool's exec on busy cores), 2.2 s
// in a 13 s rack during which no card's copy was served. This process stays small, so its forks are
// cheap, and it waits for them instead of the station.
//
// A tool's outputs never pass through here: each is a connection to the station's socket, handed
// to the tool as its descriptor, so the tool writes straight to the station (backpressure included).
//
// It ends with the station: its IPC channel closes when the station ends, however it ends (it was
// also started with SIGTERM as its parent-death signal), and the tools it started die with it
// through theirs (SIGKILL).
// argv[2] is the station's socket, in a folder of its own that this process removes as it ends.
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { dirname } from 'node:path';
import type { LaunchRequest, LauncherEvent, LauncherRequest } from './launcher-protocol.js';

const socketPath = process.argv[2] ?? '';
const running = new Map<number, ChildProcess>();
/** Tools whose connections are being made, and those of them killed meanwhile (never started). */
const starting = new Set<number>();
const cancelled = new Set<number>();

const tell = (event: LauncherEvent): void => {
  process.send?.(event);
};
const reason = (error: unknown): string => (error instanceof Error ? error.message : String(error));

function connectOutput(token: Buffer, fd: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    socket.once('error', reject);
    socket.once('connect', () => {
      socket.write(Buffer.concat([token, Buffer.of(fd)]), (error) => (error ? reject(error) : resolve(socket)));
    });
  });
}

async function launch(request: LaunchRequest): Promise<void> {
  starting.add(request.id);
  try {
    await connectAndStart(request);
  } finally {
    starting.delete(request.id);
    cancelled.delete(request.id);
  }
}

async function connectAndStart(request: LaunchRequest): Promise<void> {
  const token = Buffer.from(request.token, 'hex');
  const made = await Promise.allSettled(Array.from({ length: request.outputs }, (_, i) => connectOutput(token, i + 1)));
  const outputs = made.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const closeOutputs = (): void => {
    for (const output of outputs) output.destroy();
  };
  const failed = made.find((result) => result.status === 'rejected');
  if (failed !== undefined) {
    closeOutputs();
    tell({ type: 'error', id: request.id, message: `its output could not be connected: ${reason(failed.reason)}` });
    return;
  }
  if (cancelled.has(request.id)) {
    closeOutputs();
    tell({ type: 'exit', id: request.id, code: null, signal: 'SIGKILL' });
    return;
  }
  let child: ChildProcess;
  try {
    child = spawn(request.file, request.args, { stdio: ['ignore', ...outputs], env: request.env, shell: false, windowsHide: true });
  } catch (error) {
    // Node throws (rather than emitting 'error') for arguments it refuses, e.g. a NUL byte.
    closeOutputs();
    tell({ type: 'error', id: request.id, message: reason(error) });
    return;
  }
  // The tool holds its own copies of the connections now; closing these does not end them.
  closeOutputs();
  const pid = child.pid;
  if (pid === undefined) {
    child.once('error', (error) => tell({ type: 'error', id: request.id, message: error.message }));
    return;
  }
  running.set(request.id, child);
  tell({ type: 'spawn', id: request.id, pid });
  child.once('exit', (code, signal) => {
    running.delete(request.id);
    tell({ type: 'exit', id: request.id, code, signal });
  });
}

process.on('message', (request: LauncherRequest) => {
  if (request.type === 'launch') {
    void launch(request);
    return;
  }
  const child = running.get(request.id);
  if (child) child.kill('SIGKILL');
  else if (starting.has(request.id)) cancelled.add(request.id);
});

// The station's own exit removes the socket's folder too, but a station killed outright cannot.
const end = (): void => {
  for (const child of running.values()) child.kill('SIGKILL');
  rmSync(dirname(socketPath), { recursive: true, force: true });
  process.exit(0);
};
process.on('disconnect', end);
// The parent-death signal it was started with: the station ended, its channel may not be closed yet.
process.on('SIGTERM', end);
