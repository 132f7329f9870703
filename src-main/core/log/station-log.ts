/**
 * What the station writes to its log. Ours, not pino's, so the library behind it can change
 * without touching a caller. No method throws: a log that cannot be written (full disk,
 * folder gone) must never stop an ingest.
 */
export interface StationLog {
  /** One line at level info: `event` names what happened (`ingest.started`), `fields` say about what. */
  info(event: string, fields?: Record<string, unknown>): void;
  /** One line at level error with the error's message and stack (and its causes'). */
  error(event: string, error: unknown, fields?: Record<string, unknown>): void;
  /** Writes out what is pending and closes the file; later calls write nothing. */
  close(): Promise<void>;
}

/** A log that writes nothing: for tests and tools that need none. */
export const nullLog: StationLog = {
  info() {},
  error() {},
  close: () => Promise.resolve(),
};
