import { DateTime } from 'luxon';
import { optionText, type CliContext } from '../context.js';

/**
 * An ISO-8601 time as the ledger takes it (with seconds and offset). A time written without a
 * zone is read in the station's, as everywhere on the command line; what luxon cannot read is
 * passed on as typed, for the station to refuse with its own message.
 */
export function instantOption(context: CliContext, name: string): string | undefined {
  const text = optionText(context, name);
  if (text === undefined) return undefined;
  const parsed = DateTime.fromISO(text.trim(), { zone: context.zone, setZone: true });
  return parsed.isValid ? (parsed.toISO() ?? text) : text;
}
