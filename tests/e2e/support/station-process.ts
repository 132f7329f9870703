import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { asOfficeUser } from '../../helpers/office-user.js';

const repo = join(import.meta.dirname, '../../..');
/** The built `station` command, for tests that prepare a data folder before serving it. */
export const stationCli = join(repo, 'out/cli/station.js');
const renderer = join(repo, 'out/renderer/index.html');

export interface RunningStation {
  /** The sign-in address the station printed, with its token in the fragment; a route may follow (`${url}#/clock`). */
  url: string;
  stop(): Promise<void>;
}

/**
 * `station serve` as a separate process, exactly as an officer or a headless station starts it.
 * `extraArgs` adds serve's own flags (`--any-volume`, `--auto-ingest`); `officeUser` keeps file
 * permissions binding even when the tests run as root.
 */
export async function startStation(dataDir: string, extraArgs: readonly string[] = [], options: { officeUser?: boolean } = {}): Promise<RunningStation> {
  for (const built of [stationCli, renderer]) {
    if (!existsSync(built)) throw new Error(`${built} is missing: run \`npm run build\` before the e2e tests`);
  }
  const command: [string, ...string[]] = [process.execPath, stationCli, 'serve', '--port', '0', '--data', dataDir, ...extraArgs];
  const [file, ...args] = options.officeUser === true ? asOfficeUser(command) : command;
  const child = spawn(file, args, {
    cwd: repo,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`station did not print its address in 30 s:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[0]);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code, signal) => {
      clearTimeout(timer);
      reject(new Error(`station exited (${code ?? signal}) before serving:\n${output}`));
    });
  });
  return {
    url,
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
