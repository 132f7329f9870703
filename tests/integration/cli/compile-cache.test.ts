import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { cliEntry } from '../../helpers/run-cli.js';
import { tempDir } from '../../helpers/temp-dir.js';

/** Runs `station --help` as a user whose home is `home`, without any compile-cache setting of the caller's. */
function helpAs(home: string, extraEnv: Record<string, string> = {}): void {
  const env: NodeJS.ProcessEnv = { ...process.env, HOME: home, ...extraEnv };
  delete env.XDG_CACHE_HOME;
  delete env.NODE_DISABLE_COMPILE_CACHE;
  if (extraEnv.NODE_COMPILE_CACHE === undefined) delete env.NODE_COMPILE_CACHE;
  const result = spawnSync(process.execPath, [cliEntry, '--help'], { encoding: 'utf8', env });
  expect(result.stderr).toBe('');
  expect(result.status).toBe(0);
}

describe("the command line's compile cache", () => {
  it("is kept in the user's own cache folder, not the shared temporary folder", () => {
    const home = tempDir('compile-cache-home');
    const sharedDefault = join(tmpdir(), 'node-compile-cache');
    const sharedBefore = existsSync(sharedDefault) ? readdirSync(sharedDefault).length : 0;
    helpAs(home);
    // The XDG cache folder (no XDG_CACHE_HOME: ~/.cache); in it one folder per Node version, holding the compiled modules.
    const own = join(home, '.cache', 'ingest-station', 'compile-cache');
    expect(readdirSync(own)).toHaveLength(1);
    expect(existsSync(sharedDefault) ? readdirSync(sharedDefault).length : 0).toBe(sharedBefore);
  });

  it('goes where NODE_COMPILE_CACHE says, when it is set', () => {
    const home = tempDir('compile-cache-home-set');
    const chosen = join(tempDir('compile-cache-chosen'), 'cache');
    mkdirSync(chosen);
    helpAs(home, { NODE_COMPILE_CACHE: chosen });
    expect(readdirSync(chosen)).toHaveLength(1);
    expect(existsSync(join(home, '.cache'))).toBe(false);
  });
});
