import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { expect } from 'vitest';

/** The compiled CLI, run on the Node that runs the tests (24): `npm test` builds it first. */
export const cliEntry = join(process.cwd(), 'out/cli/station.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** `env` adds to the test's own environment (STATION_PASSWORD, STATION_NEW_PASSWORD). */
export function runCli(dataDir: string, args: string[], env: Record<string, string> = {}): CliResult {
  const result = spawnSync(process.execPath, [cliEntry, '--data', dataDir, ...args], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', ...env } });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function runCliJson<T>(dataDir: string, args: string[], env: Record<string, string> = {}): { status: number | null; json: T; stderr: string } {
  const result = runCli(dataDir, [...args, '--json'], env);
  try {
    return { status: result.status, json: JSON.parse(result.stdout) as T, stderr: result.stderr };
  } catch {
    throw new Error(`not JSON (exit ${result.status}): ${result.stdout}\n${result.stderr}`);
  }
}

/** `--user LOGIN` and then `args`: the command run as that account. */
export const as = (login: string, args: string[] = []): string[] => ['--user', login, ...args];

/** An account of the office: its person's name, roles (comma-separated) and login. */
export type OfficeAccount = readonly [name: string, roles: string, login: string];

/**
 * The office's accounts in a new data folder, each added successfully: the first (an admin) as the
 * station's first account, the rest by that admin. `env` holds the password (STATION_NEW_PASSWORD,
 * STATION_PASSWORD).
 */
export function officeAccounts(dataDir: string, env: Record<string, string>, accounts: readonly [OfficeAccount, ...OfficeAccount[]]): void {
  const [admin, ...others] = accounts;
  const add = (args: string[], [name, roles, login]: OfficeAccount) => {
    const result = runCli(dataDir, [...args, 'person', 'add', '--name', name, '--roles', roles, '--login', login], env);
    expect(result.status, `person add ${login}: ${result.stderr}`).toBe(0);
  };
  add([], admin);
  for (const account of others) add(as(admin[2]), account);
}

export const startCli = (dataDir: string, args: string[]) =>
  spawn(process.execPath, [cliEntry, '--data', dataDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });

/** A `station` command left running: its output as far as it has come, and its exit code once it closes. */
export function watchCli(dataDir: string, args: string[]) {
  const child = startCli(dataDir, args);
  const output = { stdout: '', stderr: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('close', resolve));
  return { child, output, exited };
}
