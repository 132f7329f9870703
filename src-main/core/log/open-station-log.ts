import { lineFields, loggableError } from './log-fields.js';
import { removeOldFilesOnRotation } from './old-files.js';
import { numberedNames, openRollingFile, type RollingFile } from './rolling-file.js';
import type { StationLog } from './station-log.js';

export interface StationLogOptions {
  /** A file that reaches this many bytes is left and the next one begun. */
  maxBytes?: number;
  /** How many files are kept, counting the one being written; older ones are removed. */
  keep?: number;
  /** Told when a line could not be written (full disk, a field that cannot be serialised) or an old file not removed. */
  onWriteError?: (error: unknown) => void;
}

export const defaultMaxBytes = 10 * 1024 * 1024;
export const defaultKeep = 5;

/** The log's file name, numbered: `station.1.log`, `station.2.log`, …; the highest is the one being written. */
export const logFileBase = 'station.log';

/** While the disk refuses writes, lines wait in memory up to this much, then are dropped rather than growing without end. */
const maxPendingBytes = 1024 * 1024;

/**
 * Opens the station's log in `logsDir` (made if missing): JSON lines, one file at a time, a new
 * file when the current one reaches `maxBytes`, the oldest beyond `keep` removed. Rejects only if
 * the folder or file cannot be opened at all; once open, nothing it does throws into the caller.
 */
export async function openStationLog(logsDir: string, options: StationLogOptions = {}): Promise<StationLog> {
  const maxBytes = options.maxBytes ?? defaultMaxBytes;
  const keep = options.keep ?? defaultKeep;
  if (!Number.isInteger(maxBytes) || maxBytes < 1) throw new RangeError(`maxBytes must be a positive whole number, not ${maxBytes}`);
  if (!Number.isInteger(keep) || keep < 1) throw new RangeError(`keep must be a positive whole number, not ${keep}`);

  // Loaded here, not at the top: pino costs about 20 ms of CPU to load, which a start that opens no
  // log (station --help, a read-only data folder) need not pay.
  const [{ pino }, stream] = await Promise.all([
    import('pino'),
    openRollingFile({ dir: logsDir, base: logFileBase, maxBytes, maxLength: maxPendingBytes }),
  ]);

  const reportProblem = (error: unknown): void => {
    try {
      options.onWriteError?.(error);
    } catch {
      // The caller's own handler failing must not turn a lost log line into a failed ingest either.
    }
  };
  // Without a listener, an 'error' event (ENOSPC, EIO) would be thrown by the emitter into whoever logged.
  stream.on('error', reportProblem);
  const oldFiles = removeOldFilesOnRotation(stream, numberedNames(logFileBase), keep, reportProblem);

  const logger = pino(
    {
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      formatters: { level: (label) => ({ level: label }) },
    },
    stream,
  );

  let closing: Promise<void> | undefined;
  const writeLine = (write: () => void): void => {
    if (closing) return;
    try {
      write();
    } catch (error) {
      reportProblem(error);
    }
  };

  return {
    info(event, fields) {
      writeLine(() => logger.info(lineFields(event, fields)));
    },
    error(event, error, fields) {
      writeLine(() => logger.error({ ...lineFields(event, fields), err: loggableError(error) }));
    },
    close() {
      closing ??= endStream(stream).then(() => oldFiles.settled());
      return closing;
    },
  };
}

/** Ends the stream: what is pending is written, the file fsynced and closed. Resolves even if that fails. */
function endStream(stream: RollingFile): Promise<void> {
  if (stream.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    stream.once('close', () => resolve());
    // A write still failing at the end (full disk) would keep the stream open for ever: drop it and close the file.
    stream.on('error', () => (stream.destroyed ? resolve() : stream.destroy()));
    try {
      stream.end();
    } catch {
      resolve();
    }
  });
}
