import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeFile } from '../../helpers/make-media.js';
import { cliEntry, runCli, startCli } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** A CLI run with options of its own (runCli always passes --data). */
const station = (args: string[], env: NodeJS.ProcessEnv = {}, cwd?: string) =>
  spawnSync(process.execPath, [cliEntry, ...args], { encoding: 'utf8', env: { ...process.env, ...env }, cwd, timeout: 60_000 });

describe('the command line, given a mistake, says so in one sentence and changes nothing', () => {
  const root = tempDir('cli-mistakes');

  it.each([
    ['--data with nothing in it', ['--data', '', 'recordings'], {}],
    ['an empty STATION_DATA', ['recordings'], { STATION_DATA: '' }],
  ])('refuses %s instead of making the current folder the data folder', (_what, args, env) => {
    const run = station(args, env, root);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toMatch(/^station: the data folder is empty \((--data|STATION_DATA)\)/);
    expect(readdirSync(root)).toEqual([]);
  });

  it('refuses a data folder on the kernel file system /proc instead of hanging', () => {
    const run = station(['--data', '/proc/self', 'recordings']);
    expect(run.error).toBeUndefined();
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe("station: cannot open the data folder /proc/self: /proc/self is on the kernel's proc file system, not on a disk");
  });

  it('refuses a port that cannot exist, without a stack trace', () => {
    const run = runCli(join(root, 'data-port'), ['serve', '--port', '99999']);
    expect(run.status).toBe(2);
    expect(run.stderr.trim()).toBe('station: --port must be a whole number from 0 to 65535, not "99999"');
  });

  it('stops quietly when the reader of its output goes away (station recordings | head -1)', async () => {
    const data = join(root, 'data-pipe');
    makeFile(join(root, 'card-pipe', 'DCIM', '0001.MP4'), 4096, 1);
    expect(runCli(data, ['ingest', join(root, 'card-pipe')]).status).toBe(0);
    const child = startCli(data, ['recordings']);
    // Closed before the station has opened its folder: its first write finds no reader (EPIPE).
    child.stdout.destroy();
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const [code] = (await once(child, 'exit')) as [number | null];
    expect(stderr).not.toMatch(/EPIPE|Error|at /);
    expect(code).toBe(0);
  });
});
