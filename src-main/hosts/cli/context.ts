import type { Caller, Credentials, ErrorCode } from '../../contract/index.js';
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
  /** Every option as given, for the commands with many of their own (person, checkout, ledger). */
  values: Record<string, string | boolean | undefined>;
}

export interface CliContext {
  station: Station;
  /** `--user` and its password, or, while the station runs open, who runs it (`--operator`). */
  credentials: Credentials;
  /** The identity a server started here uses while the station runs open. */
  openAs: Caller;
  /** The station's zone, as it was opened with: zoneless times typed here are read in it. */
  zone: string;
  options: CliOptions;
  args: string[];
  out: (text: string) => void;
  err: (text: string) => void;
}

/** An option's text, or undefined when it was not given. */
export function optionText(context: CliContext, name: string): string | undefined {
  const value = context.options.values[name];
  return typeof value === 'string' ? value : undefined;
}

/** A number given as an id (`station disc plan 7`, `--checkout 3`): digits only, else null. */
export const idNumber = (text: string | undefined): number | null => (text !== undefined && /^\d+$/.test(text) ? Number(text) : null);

/** `--recordings ID,ID…`: the ids, none when not given, or why the text is not a list of ids. */
export function recordingIdsOption(context: CliContext): { ids?: number[]; problem?: string } {
  const text = optionText(context, 'recordings');
  if (text === undefined) return {};
  const parts = text.split(',').map((part) => part.trim());
  if (parts.some((part) => !/^\d+$/.test(part))) return { problem: `--recordings takes ids separated by commas, not "${text}"` };
  return { ids: parts.map(Number) };
}

/** Refusals for who is asking, not for what is asked: they exit 3. */
const refusedCaller: readonly string[] = ['unauthenticated', 'forbidden', 'locked', 'session-locked', 'approval-needed'] satisfies ErrorCode[];

export const refusedForCaller = (code: string): boolean => refusedCaller.includes(code);

/**
 * Prints a command's error value and gives its exit status: 3 when refused for who is asking,
 * else `status` (2 "could not run" for the older commands; 1 for the ledger's refusals).
 */
export function reportFailure(context: CliContext, error: { code: string; message: string }, status = 2): number {
  if (context.options.json) context.out(JSON.stringify({ error }));
  context.err(`station: ${error.message} (${error.code})`);
  return refusedForCaller(error.code) ? 3 : status;
}
