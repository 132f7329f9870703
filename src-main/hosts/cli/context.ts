import type { Caller } from '../../contract/index.js';
import type { Station } from '../../core/station-api.js';

export interface CliOptions {
  json: boolean;
  port: number;
  search: string | undefined;
  /** Where `receipt` writes its PDF. */
  out: string | undefined;
  anyVolume: boolean;
  serial: string | undefined;
  type: string | undefined;
  name: string | undefined;
  model: string | undefined;
  asset: string | undefined;
  /** Which part of the ingest history `ingests` prints; each undefined when not given. */
  history: {
    limit: number | undefined;
    offset: number | undefined;
    state: string | undefined;
    deviceId: number | undefined;
    from: string | undefined;
    to: string | undefined;
  };
  /** `audit list --since SEQ`: rows after this sequence number. */
  sinceSeq: number | undefined;
}

export interface CliContext {
  station: Station;
  caller: Caller;
  options: CliOptions;
  args: string[];
  out: (text: string) => void;
  err: (text: string) => void;
}

/** Prints a command's error value and gives the exit status for "could not run". */
export function reportFailure(context: CliContext, error: { code: string; message: string }): number {
  if (context.options.json) context.out(JSON.stringify({ error }));
  context.err(`station: ${error.message} (${error.code})`);
  return 2;
}
