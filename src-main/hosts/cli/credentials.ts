import { readFile } from 'node:fs/promises';
import type { Caller, Credentials } from '../../contract/index.js';

/** Credentials that could not even be gathered (no password given, an unreadable password file). */
export class CredentialsError extends Error {}

/** A password file's content without the line ending an editor or `echo` leaves at its end. */
export async function readPasswordFile(path: string, option: string): Promise<string> {
  try {
    return (await readFile(path, 'utf8')).replace(/\r?\n$/, '');
  } catch (error) {
    throw new CredentialsError(`cannot read the password file of ${option} (${path}): ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
}

/**
 * `--user LOGIN` with the password in STATION_PASSWORD or `--password-file F`, never as an
 * argument (another user sees arguments in the process list). Without `--user`, the command runs
 * as `openAs`, which the core honours only while the station has no admin account.
 */
export async function credentialsFrom(
  login: string | undefined,
  passwordFile: string | undefined,
  env: NodeJS.ProcessEnv,
  openAs: Caller,
): Promise<Credentials> {
  if (login === undefined) return { openAs };
  const password = passwordFile !== undefined ? await readPasswordFile(passwordFile, '--password-file') : env.STATION_PASSWORD;
  if (password === undefined || password === '') {
    throw new CredentialsError(`--user ${login} needs a password: set STATION_PASSWORD, or give --password-file FILE`);
  }
  return { login, password, openAs };
}
