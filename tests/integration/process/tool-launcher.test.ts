import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { describe, expect, it } from 'vitest';
import { runTool, streamTool, type ToolStream } from '../../../src-main/core/process/index.js';
import { nodeScript, running } from './child-scripts.js';

const reason = process.platform === 'linux' && existsSync('/usr/bin/setpriv') ? null : 'the launcher is used on Linux with util-linux setpriv';
const LONG = { timeoutMs: 60_000 };

const parentOf = (pid: number): number => Number(readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]);
const argvOf = (pid: number): string[] => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
const sha = (data: Buffer): string => createHash('sha256').update(data).digest('hex');

async function startedPid(tool: ToolStream): Promise<number> {
  await expect.poll(() => tool.pid).toBeTypeOf('number');
  return tool.pid as number;
}

async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}

describe.skipIf(reason !== null)(`tools started through the launcher${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it('are children of the launcher, not of the station', async () => {
    const [command, args] = nodeScript('console.log(process.ppid)');
    const launcher = Number((await runTool(command, args, LONG)).stdout.trim());
    expect(launcher).not.toBe(process.pid);
    expect(parentOf(launcher)).toBe(process.pid);
    expect(argvOf(launcher).some((arg) => /launcher-helper\.(ts|js)$/.test(arg))).toBe(true);
  });

  it('write every output straight to the station, whole and apart', async () => {
    // Different sizes on stdout and fd 3, written in turns, so a mix-up or a lost chunk shows.
    const script = [
      `const { writeSync } = require('node:fs');`,
      `for (let i = 0; i < 64; i++) {`,
      `  writeSync(1, Buffer.alloc(65536, i));`,
      `  writeSync(3, Buffer.alloc(4099, 255 - i));`,
      `  if (i % 16 === 0) console.error('block ' + i);`,
      `}`,
    ].join('\n');
    const [command, args] = nodeScript(script);
    const lines: string[] = [];
    const tool = streamTool(command, args, { ...LONG, extraOutputs: 1, onLine: (line) => lines.push(line) });
    const [stdout, extra] = await Promise.all([readAll(tool.stdout), readAll(tool.extra[0]!)]);
    await expect(tool.finished).resolves.toMatchObject({ stopped: false });
    const expected = (size: number, fill: (i: number) => number) => Buffer.concat(Array.from({ length: 64 }, (_, i) => Buffer.alloc(size, fill(i))));
    expect(sha(stdout)).toBe(sha(expected(65536, (i) => i)));
    expect(sha(extra)).toBe(sha(expected(4099, (i) => 255 - i)));
    expect(lines).toEqual(['block 0', 'block 16', 'block 32', 'block 48']);
  });

  it('fail when the launcher is lost, which takes them with it; the next tool starts a new launcher', async () => {
    const tool = streamTool('sleep', ['30'], LONG);
    const pid = await startedPid(tool);
    const launcher = parentOf(pid);
    process.kill(launcher, 'SIGKILL');
    await expect(tool.finished).rejects.toMatchObject({ failure: { kind: 'signal', signal: 'SIGKILL' } });
    await expect.poll(() => running(pid)).toBe(false);

    const [command, args] = nodeScript('console.log(process.ppid)');
    const next = Number((await runTool(command, args, LONG)).stdout.trim());
    expect(next).not.toBe(launcher);
    expect(parentOf(next)).toBe(process.pid);
  });

  it('drop a connection that names no tool, and the tools running meanwhile are undisturbed', async () => {
    const [command, args] = nodeScript(`setTimeout(() => process.stdout.write('still mine'), 300)`);
    const tool = streamTool(command, args, LONG);
    const socketPath = argvOf(parentOf(await startedPid(tool))).at(-2) ?? '';
    expect(socketPath).toMatch(/station-tools-.*outputs\.sock$/);

    const intruder = connect(socketPath);
    const received: Buffer[] = [];
    intruder.on('data', (chunk: Buffer) => received.push(chunk));
    intruder.on('error', () => undefined);
    intruder.write(Buffer.alloc(17, 1));
    await new Promise((closed) => intruder.once('close', closed));
    expect(Buffer.concat(received).length).toBe(0);

    expect((await readAll(tool.stdout)).toString()).toBe('still mine');
    await expect(tool.finished).resolves.toMatchObject({ stopped: false });
  });
});
