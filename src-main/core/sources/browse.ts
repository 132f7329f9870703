import { promises as fs } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { describe, StationError } from '../errors.js';

/** Folders under a path, for choosing a source where no native folder dialog exists (browser mode). */
export async function browseFolders(path: string | undefined) {
  const target = resolve(path ?? homedir());
  let entries;
  try {
    entries = await fs.readdir(target, { withFileTypes: true });
  } catch (error) {
    throw new StationError('not-found', `cannot open ${target}: ${describe(error)}`);
  }
  const directories = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(target, entry.name))
    .sort((a, b) => a.localeCompare(b));
  const parent = dirname(target);
  return { path: target, parent: parent === target ? null : parent, directories };
}
