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
  onEvent(listener: (event: StationEvent) => void): () => void;
  /** Where a recording plays from; with `thumbnail`, where its frame for the list is (videos only). */
  mediaUrl(recordingId: number, part?: 'thumbnail'): string;
  /** Where the ingest's printable receipt (PDF) opens; null where the host cannot show one yet. */
  receiptUrl(ingestId: string): string | null;
}

/** Turns anything thrown below us (a dropped connection, a bad reply) into an error value. */
export function internalError(cause: unknown): { ok: false; error: CommandError } {
  const message = cause instanceof Error ? cause.message : String(cause);
  return { ok: false, error: { code: 'internal', message } };
}
