import { StationError } from '../errors.js';

/** A hand-over written up a little after the fact may still read a minute ahead of the station clock. */
const toleranceMs = 60_000;

/** An ISO-8601 time given to the ledger, in ms; one in the future is refused (the ledger records what happened). */
export function pastInstant(iso: string, now: number, what: string): number {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw new StationError('invalid-input', `${what} is not a time: ${iso}`);
  if (ms > now + toleranceMs) throw new StationError('invalid-input', `${what} (${iso}) is in the future: the ledger records what has happened`);
  return ms;
}

/** An optional ISO-8601 time in ms, null when left out. */
export const optionalInstant = (iso: string | undefined): number | null => (iso === undefined ? null : Date.parse(iso));
