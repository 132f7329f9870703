import { existsSync, readdirSync } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Every `*.partial` copy under a data folder's archive: what an ingest in progress (or a crash) leaves. */
export function partialCopies(dataDir: string): string[] {
  const archive = join(dataDir, 'archive');
  if (!existsSync(archive)) return [];
  return readdirSync(archive, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.partial'))
    .map((entry) => join(entry.parentPath, entry.name));
}

/**
 * Waits until the copy in progress of `relative` (its `.partial`, in any bag) holds at least
 * `minBytes`, and gives its size then; +Infinity when `ended()` says the ingest is over first.
 */
export async function waitForPartial(dataDir: string, relative: string, minBytes: number, ended: () => boolean = () => false): Promise<number> {
  const until = Date.now() + 60_000;
  while (Date.now() < until) {
    if (ended()) return Number.POSITIVE_INFINITY;
    for (const bag of await readdir(join(dataDir, 'archive')).catch(() => [] as string[])) {
      const size = await stat(join(dataDir, 'archive', bag, 'data', `${relative}.partial`)).then((s) => s.size, () => 0);
      if (size >= minBytes) return size;
    }
    await sleep(25);
  }
  throw new Error(`${relative} never reached ${minBytes} bytes in the archive`);
}
