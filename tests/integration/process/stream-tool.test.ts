import { describe, expect, it } from 'vitest';
import { streamTool, ToolError, type ToolStream } from '../../../src-main/core/process/index.js';
import { nodeScript, running } from './child-scripts.js';

const LONG = { timeoutMs: 60_000 };

/** The tool's pid once it has started (a launched tool learns it a moment after the start). */
async function startedPid(tool: ToolStream): Promise<number> {
  await expect.poll(() => tool.pid).toBeTypeOf('number');
  return tool.pid as number;
}

async function readAll(stdout: AsyncIterable<Buffer>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdout) chunks.push(chunk);
  return Buffer.concat(chunks).toString();
}

describe('streaming a tool’s stdout', () => {
  it('hands stdout to the caller and stderr lines to the hook', async () => {
    const lines: string[] = [];
    const [command, args] = nodeScript(`process.stdout.write(Buffer.alloc(300000, 7)); console.error('n: 0 pts: 0 pts_time:0');`);
    const tool = streamTool(command, args, { ...LONG, onLine: (line, stream) => lines.push(`${stream} ${line}`) });
    const stdout = await readAll(tool.stdout);
    expect(stdout).toHaveLength(300000);
    await expect(tool.finished).resolves.toMatchObject({ stopped: false });
    expect(lines).toEqual(['stderr n: 0 pts: 0 pts_time:0']);
  });

  it('kills the tool when the caller stops reading early', async () => {
    const tool = streamTool('yes', [], LONG);
    for await (const chunk of tool.stdout as AsyncIterable<Buffer>) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    const pid = await startedPid(tool);
    await expect(tool.finished).resolves.toMatchObject({ stopped: true });
    expect(running(pid)).toBe(false);
  });

  it('kills the tool on stop()', async () => {
    const tool = streamTool('sleep', ['30'], LONG);
    const pid = await startedPid(tool);
    expect(running(pid)).toBe(true);
    await tool.stop();
    expect(running(pid)).toBe(false);
    await expect(tool.finished).resolves.toMatchObject({ stopped: true });
  });

  it('ends stdout and fails with the stderr tail when the tool fails', async () => {
    const [command, args] = nodeScript(`process.stdout.write('some'); console.error('cannot decode'); process.exit(1);`);
    const tool = streamTool(command, args, { ...LONG, name: 'decoder' });
    expect(await readAll(tool.stdout)).toBe('some');
    const error = await tool.finished.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ToolError);
    expect((error as ToolError).message).toBe('decoder exited with code 1: cannot decode');
  });

  it('ends stdout and reports the timeout when the tool runs too long', async () => {
    const tool = streamTool('sleep', ['30'], { timeoutMs: 200 });
    expect(await readAll(tool.stdout)).toBe('');
    await expect(tool.finished).rejects.toMatchObject({ timedOut: true, message: 'sleep timed out after 200 ms' });
    expect(tool.pid).toBeTypeOf('number');
    expect(running(tool.pid!)).toBe(false);
  });

  it('kills the tool when its signal is aborted', async () => {
    const controller = new AbortController();
    const tool = streamTool('sleep', ['30'], { ...LONG, signal: controller.signal });
    const pid = await startedPid(tool);
    controller.abort();
    await expect(tool.finished).rejects.toMatchObject({ aborted: true });
    expect(running(pid)).toBe(false);
  });

  it('never starts a tool aborted while it was being started', async () => {
    const controller = new AbortController();
    const tool = streamTool('sleep', ['30'], { ...LONG, signal: controller.signal });
    controller.abort();
    await expect(tool.finished).rejects.toMatchObject({ aborted: true });
    if (tool.pid !== undefined) expect(running(tool.pid)).toBe(false);
  });

  it('reports a tool that cannot start, with an empty stdout', async () => {
    const tool = streamTool('/nonexistent/no-such-tool', [], LONG);
    expect(await readAll(tool.stdout)).toBe('');
    await expect(tool.finished).rejects.toMatchObject({ failure: { kind: 'start' } });
  });
});
