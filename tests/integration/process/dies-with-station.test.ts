import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { running } from './child-scripts.js';

const reason = process.platform === 'linux' && existsSync('/usr/bin/setpriv') ? null : 'needs Linux with util-linux setpriv';

/** Processes whose parent is `pid`, read from /proc. */
function childrenOf(pid: number): number[] {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .filter((name) => {
      try {
        return Number(readFileSync(`/proc/${name}/stat`, 'utf8').split(') ')[1]?.split(' ')[1]) === pid;
      } catch {
        return false;
      }
    })
    .map(Number);
}

/** The program a process runs now: setpriv until it has set the death signal and exec'd the tool. */
function programOf(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0')[0] ?? null;
  } catch {
    return null;
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.skipIf(reason !== null)(`a tool after its station is killed${reason ? ` (skipped: ${reason})` : ''}`, () => {
  it.each(['runTool', 'streamTool'] as const)('dies with it (started by %s)', async (start) => {
    // The compiled core, as the station runs it (`npm test` builds it first).
    const runner = join(process.cwd(), 'out/src-main/core/process/index.js');
    const station = spawn(
      process.execPath,
      [
        '--input-type=module',
        '-e',
        `import { ${start} } from ${JSON.stringify(runner)};\n` +
          `const run = ${start}('sleep', ['300'], { timeoutMs: 600000 });\n` +
          `(run.finished ?? run).catch(() => {});\n` +
          `console.log('started');\n` +
          `setInterval(() => {}, 1000);\n`,
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // However the test ends, neither process outlives it.
    onTestFinished(() => {
      station.kill('SIGKILL');
    });
    await new Promise<void>((resolve, reject) => {
      station.stdout.on('data', (chunk: Buffer) => chunk.toString().includes('started') && resolve());
      station.once('exit', (code) => reject(new Error(`the station process ended early (exit ${code})`)));
    });
    const [tool] = childrenOf(station.pid!);
    expect(tool).toBeTypeOf('number');
    onTestFinished(() => {
      if (running(tool!)) process.kill(tool!, 'SIGKILL');
    });
    // Killed while still setpriv, before it set the death signal, the tool would be orphaned
    // through no fault of the runner: wait for the exec.
    for (let tries = 0; tries < 500 && programOf(tool!) !== 'sleep'; tries += 1) await pause(10);
    expect(programOf(tool!)).toBe('sleep');

    station.kill('SIGKILL');
    await new Promise((resolve) => station.once('exit', resolve));
    for (let tries = 0; tries < 100 && running(tool!); tries += 1) await pause(20);
    expect(running(tool!)).toBe(false);
  });
});
