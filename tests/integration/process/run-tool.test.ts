import { describe, expect, it } from 'vitest';
import { runTool, ToolError, type OutputStreamName } from '../../../src-main/core/process/index.js';
import { nodeScript } from './child-scripts.js';

const LONG = { timeoutMs: 60_000 };

/** The ToolError a run ends in; fails the test when it succeeds or throws something else. */
async function failureOf(run: Promise<unknown>): Promise<ToolError> {
  const error = await run.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(ToolError);
  return error as ToolError;
}

describe('running a tool to its end', () => {
  it('returns what it printed, and hands each line to the hook as it comes', async () => {
    const lines: Array<[string, OutputStreamName]> = [];
    // Lines end in \n, \r\n or a lone \r (ffmpeg's progress), and are split across writes,
    // a Chinese character included.
    const script = `
      const out = (text) => process.stdout.write(text);
      out('first\\r\\nsec'); out('ond\\n'); out(Buffer.from('中文\\n').subarray(0, 2)); out(Buffer.from('中文\\n').subarray(2));
      process.stderr.write('progress 1\\rprogress 2\\r\\n\\nno newline at the end');`;
    const [command, args] = nodeScript(script);
    const output = await runTool(command, args, { ...LONG, onLine: (line, stream) => lines.push([line, stream]) });
    expect(output.stdout).toBe('first\r\nsecond\n中文\n');
    expect(output.stderr).toBe('progress 1\rprogress 2\r\n\nno newline at the end');
    expect(lines.filter(([, stream]) => stream === 'stdout').map(([line]) => line)).toEqual(['first', 'second', '中文']);
    expect(lines.filter(([, stream]) => stream === 'stderr').map(([line]) => line)).toEqual([
      'progress 1',
      'progress 2',
      'no newline at the end',
    ]);
  });

  it('reports a non-zero exit with its code and the last lines of stderr', async () => {
    const script = `
      for (let i = 1; i <= 20; i++) console.error('line ' + i);
      console.error('x'.repeat(5000));
      console.error('   ');
      console.error('the real reason');
      process.exit(3);`;
    const [command, args] = nodeScript(script);
    const error = await failureOf(runTool(command, args, { ...LONG, name: 'fake-probe' }));
    expect(error).toMatchObject({ tool: 'fake-probe', code: 3, timedOut: false, aborted: false, failure: { kind: 'exit', code: 3 } });
    expect(error.message).toMatch(/^fake-probe exited with code 3: line 18 \/ line 19 \/ line 20 \/ x+… \/ the real reason$/);
    // The tail is bounded: a few lines, each cut short.
    expect(error.stderrTail).toHaveLength(5);
    expect(error.stderrTail[3]!.length).toBeLessThan(400);
    expect(error.message).not.toContain('line 17');
    // The whole of stderr stays on the error for callers that need every line.
    expect(error.stderr).toContain('line 1\n');
  });

  it('kills a tool that runs past its timeout, and says so', async () => {
    const error = await failureOf(runTool('sleep', ['30'], { timeoutMs: 200 }));
    expect(error).toMatchObject({ tool: 'sleep', code: null, timedOut: true, aborted: false });
    expect(error.message).toBe('sleep timed out after 200 ms');
  });

  it('kills a tool when its signal is aborted, keeping what it said before', async () => {
    const controller = new AbortController();
    const [command, args] = nodeScript(`console.error('waiting for ever'); setInterval(() => {}, 1000);`);
    const run = runTool(command, args, {
      ...LONG,
      name: 'waiter',
      signal: controller.signal,
      onLine: (line) => line === 'waiting for ever' && controller.abort(),
    });
    const error = await failureOf(run);
    expect(error).toMatchObject({ code: null, timedOut: false, aborted: true });
    expect(error.message).toBe('waiter was aborted: waiting for ever');
  });

  it('starts nothing when the signal is already aborted', async () => {
    const lines: string[] = [];
    const [command, args] = nodeScript(`console.error('started after all')`);
    const error = await failureOf(runTool(command, args, { ...LONG, signal: AbortSignal.abort(), onLine: (line) => lines.push(line) }));
    expect(error.aborted).toBe(true);
    expect(lines).toEqual([]);
  });

  it('reports a tool that cannot start', async () => {
    const error = await failureOf(runTool('/nonexistent/no-such-tool', ['--version'], LONG));
    expect(error.failure.kind).toBe('start');
    expect(error.code).toBeNull();
    expect(error.message).toMatch(/^no-such-tool could not start: .*no-such-tool/);
  });

  it('kills a tool that prints more than the caller allows', async () => {
    const error = await failureOf(runTool('yes', [], { ...LONG, maxStdoutBytes: 1000 }));
    expect(error.failure).toEqual({ kind: 'stdout-limit', maxBytes: 1000 });
    expect(error.stdout).toHaveLength(1000);
  });

  it('accepts a large output within the bound', async () => {
    const [command, args] = nodeScript(`process.stdout.write('y'.repeat(5 * 1024 * 1024))`);
    const output = await runTool(command, args, { ...LONG, maxStdoutBytes: 8 * 1024 * 1024 });
    expect(output.stdout).toHaveLength(5 * 1024 * 1024);
  });

  it('requires a timeout', async () => {
    await expect(runTool('true', [], { timeoutMs: 0 })).rejects.toThrow(RangeError);
    await expect(runTool('true', [], { timeoutMs: Number.POSITIVE_INFINITY })).rejects.toThrow(RangeError);
  });
});
