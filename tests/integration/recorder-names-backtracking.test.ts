import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

// The compiled station, as `npm test` builds it before the tests run.
const recorderNames = join(process.cwd(), 'out/src-main/core/recorder-names/index.js');

describe("an administrator's name pattern that would backtrack without bound", () => {
  it('reads a long name and finishes, where a backtracking engine would run for days', () => {
    // In a child, so that a pattern that did hang would be killed by the timeout, not hang the tests.
    const script = `
      const { parseRecorderFileName } = await import(${JSON.stringify(recorderNames)});
      const pattern = '^(?<serial>(a+)+)(?<datetime>\\\\d)$';
      const name = 'a'.repeat(40) + '.mp4';
      // The same pattern on JavaScript's engine: 2^40 ways to split the a's before it gives up.
      process.stdout.write(JSON.stringify({ parsed: parseRecorderFileName(name, [pattern]) }));
    `;
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.error).toBeUndefined();
    expect(run.signal).toBeNull();
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ parsed: null });
  });
});
