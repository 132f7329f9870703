import { promises as fs, type Dir } from 'node:fs';
import { join } from 'node:path';
import { parseRecorderFileName } from '../recorder-names/index.js';
import { StationError } from '../errors.js';
import { isOperatingSystemLitter } from '../sources/index.js';

export interface SerialCount {
  serial: string;
  files: number;
}

export interface FileNameScanLimits {
  /** Stop once this many file names have carried a serial: a few dozen tell the story. */
  maxNamed?: number;
  /** Entries read in all, folders included: a card with ten thousand clips must still answer at once. */
  maxEntries?: number;
  /** Folder levels below the top: DCIM/100MEDIA/ is two. */
  maxDepth?: number;
}

/** The ingest's own litter rule, plus hidden and system names: a recorder names its footage plainly. */
const ignored = (name: string): boolean => isOperatingSystemLitter(name) || name.startsWith('.') || name.startsWith('$');

/**
 * Recorder serials the file names near the top of a volume carry (GA/T 947 names), most frequent
 * first. Reads folder listings only, breadth first, within the limits; opens no file.
 */
export async function serialsInFileNames(
  root: string,
  extraPatterns: readonly string[] = [],
  limits: FileNameScanLimits = {},
): Promise<SerialCount[]> {
  const maxNamed = limits.maxNamed ?? 48;
  let entriesLeft = limits.maxEntries ?? 2000;
  const maxDepth = limits.maxDepth ?? 3;
  const counts = new Map<string, number>();
  let named = 0;
  let level: string[] = [root];
  for (let depth = 0; depth <= maxDepth && level.length > 0 && named < maxNamed && entriesLeft > 0; depth += 1) {
    const next: string[] = [];
    for (const folder of level) {
      let dir: Dir;
      try {
        dir = await fs.opendir(folder);
      } catch (error) {
        // The top not opening means the volume is not readable at all; a subfolder may just be odd.
        if (folder === root) throw new StationError('source-unreadable', `cannot read ${root}: ${(error as Error).message}`);
        continue;
      }
      try {
        for await (const entry of dir) {
          if (--entriesLeft < 0 || named >= maxNamed) break;
          if (ignored(entry.name)) continue;
          if (entry.isDirectory()) {
            next.push(join(folder, entry.name));
            continue;
          }
          const parsed = parseRecorderFileName(entry.name, extraPatterns);
          if (parsed === null) continue;
          named += 1;
          counts.set(parsed.serial, (counts.get(parsed.serial) ?? 0) + 1);
        }
      } catch {
        // A listing that fails half-way (a pulled card) still leaves what was read.
      } finally {
        await dir.close().catch(() => undefined);
      }
      if (entriesLeft < 0 || named >= maxNamed) break;
    }
    // Sorted so that which folders fit in the limits does not depend on the order a file system lists them.
    level = next.sort();
  }
  return [...counts]
    .map(([serial, files]) => ({ serial, files }))
    .sort((a, b) => b.files - a.files || a.serial.localeCompare(b.serial));
}
