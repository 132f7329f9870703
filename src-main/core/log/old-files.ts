import type { EventEmitter } from 'node:events';
import { readdir, unlink } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

interface RollingFile extends EventEmitter {
  /** The file being written now; changes when the stream moves to the next one. */
  readonly file: string;
}

/**
 * Removes the oldest log files beyond `keep` (counting the one being written) whenever the
 * stream moves to a new file, one removal pass at a time. pino-roll's own `limit` does this
 * too, but its passes overlap: two passes pick the same file, and the one that finds it gone
 * retries for five seconds, holding the process open at shutdown. `settled()` is what close()
 * waits for, so a closed log leaves no more than `keep` files.
 */
export function removeOldFilesOnRotation(
  stream: RollingFile,
  keep: number,
  onProblem: (error: unknown) => void,
): { settled(): Promise<void> } {
  const logsDir = dirname(stream.file);
  const numbered = numberedName(basename(stream.file));
  let currentFile = stream.file;
  let passes = Promise.resolve();
  const removeOld = (): void => {
    passes = passes.then(() => removeBeyond(logsDir, numbered, keep, onProblem)).catch(onProblem);
  };

  // Files left by earlier runs count too: a restart with a smaller `keep` tidies at once.
  removeOld();
  stream.on('ready', () => {
    if (stream.file === currentFile) return;
    currentFile = stream.file;
    removeOld();
  });
  return { settled: () => passes };
}

/** `station.7.log` → a pattern that matches `station.<n>.log` and captures n. */
function numberedName(currentName: string): RegExp {
  const match = /^(.*)\.\d+(\.[^.]+)$/.exec(currentName);
  if (!match) throw new Error(`log file ${currentName} is not named <base>.<number>.<extension>`);
  const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`^${escape(match[1] ?? '')}\\.(\\d+)${escape(match[2] ?? '')}$`);
}

async function removeBeyond(logsDir: string, numbered: RegExp, keep: number, onProblem: (error: unknown) => void): Promise<void> {
  const newestFirst = (await readdir(logsDir))
    .map((name) => ({ name, number: Number(numbered.exec(name)?.[1] ?? Number.NaN) }))
    .filter((file) => Number.isInteger(file.number))
    .sort((a, b) => b.number - a.number);
  // The file being written has the highest number, so it is always among those kept.
  for (const file of newestFirst.slice(keep)) {
    await unlink(join(logsDir, file.name)).catch((error: NodeJS.ErrnoException) => {
      if (error.code !== 'ENOENT') onProblem(error);
    });
  }
}
