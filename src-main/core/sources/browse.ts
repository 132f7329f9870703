import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, osCause, StationError } from '../errors.js';
import { typedPath } from '../paths.js';

/** Folders under a path, for choosing a source where no native folder dialog exists (browser mode). */
export async function browseFolders(path: string | undefined) {
  const target = path === undefined ? homedir() : typedPath(path);
  let entries;
  try {
    entries = await fs.readdir(target, { withFileTypes: true });
  } catch (error) {
    // A folder that exists but may not be read is not "not found": the operator's remedy differs.
    const cause = osCause(error);
    const code = cause === 'not-there' || cause === 'not-a-folder' ? 'not-found' : 'source-unreadable';
    throw new StationError(code, `cannot open ${target}: ${describe(error)}`, cause);
  }
  const directories = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(target, entry.name))
    .sort((a, b) => a.localeCompare(b));
  const parent = dirname(target);
  return { path: target, parent: parent === target ? null : parent, directories };
}
