import { expect } from 'vitest';
import type { ToolStream } from '../../../src-main/core/process/index.js';

/** The tool's pid once it has started (a launched tool learns it a moment after the start). */
export async function startedPid(tool: ToolStream): Promise<number> {
  await expect.poll(() => tool.pid).toBeTypeOf('number');
  return tool.pid as number;
}

/** Everything a tool's output gives, to its end. */
export async function readAll(stream: AsyncIterable<Buffer>): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return Buffer.concat(chunks);
}
