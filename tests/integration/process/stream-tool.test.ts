import { describe, expect, it } from 'vitest';
import { streamTool, ToolError } from '../../../src-main/core/process/index.js';
import { nodeScript, running } from './child-scripts.js';

const LONG = { timeoutMs: 60_000 };

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
    expect(tool.pid).toBeTypeOf('number');
    for await (const chunk of tool.stdout as AsyncIterable<Buffer>) {
      expect(chunk.length).toBeGreaterThan(0);
      break;
    }
    await expect(tool.finished).resolves.toMatchObject({ stopped: true });
    expect(running(tool.pid!)).toBe(false);
  });

  it('kills the tool on stop()', async () => {
    const tool = streamTool('sleep', ['30'], LONG);
    await tool.stop();
    expect(running(tool.pid!)).toBe(false);
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
    expect(running(tool.pid!)).toBe(false);
  });

  it('kills the tool when its signal is aborted', async () => {
    const controller = new AbortController();
    const tool = streamTool('sleep', ['30'], { ...LONG, signal: controller.signal });
    controller.abort();
    await expect(tool.finished).rejects.toMatchObject({ aborted: true });
    expect(running(tool.pid!)).toBe(false);
  });

  it('reports a tool that cannot start, with an empty stdout', async () => {
    const tool = streamTool('/nonexistent/no-such-tool', [], LONG);
    expect(await readAll(tool.stdout)).toBe('');
    await expect(tool.finished).rejects.toMatchObject({ failure: { kind: 'start' } });
  });
});
