import type {
  CommandError,
  CommandInput,
  CommandName,
  CommandOutput,
  Result,
  StationEvent,
} from '../../src-main/contract/index.js';

export type { CommandError, CommandInput, CommandName, CommandOutput, Result, StationEvent };

/** Everything the interface may ask of the station; one implementation per host. */
export interface StationApi {
  call<K extends CommandName>(name: K, input: CommandInput<K>): Promise<Result<CommandOutput<K>>>;
  /**
   * Every station event from now on. `onConnected` is called when events start to flow after a
   * time they could be missed: in browser mode whenever the event stream opens or reopens (an
   * event sent before that was not heard, so what a page keeps live by events is fetched again
   * then); never over Electron's IPC, which misses none.
   */
  onEvent(listener: (event: StationEvent) => void, onConnected?: () => void): () => void;
  /** Where the player loads a recording from (with `thumbnail`, its frame for the list); in browser mode a URL good for a short while, so ask when it is needed. */
  mediaUrl(recordingId: number, part?: 'thumbnail'): Promise<string>;
  /** Where the ingest's printable receipt (PDF) opens, asked for when it is opened; null where the host cannot show one yet. */
  receiptUrl: ((ingestId: string) => Promise<string>) | null;
}

/** Turns anything thrown below us (a dropped connection, a bad reply) into an error value. */
export function internalError(cause: unknown): { ok: false; error: CommandError } {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { ok: false, error: { code: 'internal', message } };
}
