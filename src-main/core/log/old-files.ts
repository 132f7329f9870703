import { readdir, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import type { RollingFile } from './rolling-file.js';

/**
 * Removes the oldest log files beyond `keep` (counting the one being written) whenever the
 * stream moves to a new file, one removal pass at a time: two passes at once would pick the same
 * file. `numbered` matches the log's file names and captures their number. `settled()` is what
 * close() waits for, so a closed log leaves no more than `keep` files.
 */
export function removeOldFilesOnRotation(
  stream: RollingFile,
  numbered: RegExp,
  keep: number,
  onProblem: (error: unknown) => void,
): { settled(): Promise<void> } {
  const logsDir = dirname(stream.file);
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
