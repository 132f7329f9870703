import { DateTime } from 'luxon';
import type { CliContext } from '../context.js';

/** An option's text, or undefined when it was not given. */
export const textOption = (context: CliContext, name: string): string | undefined => {
  const value = context.options.values[name];
  return typeof value === 'string' ? value : undefined;
};

/**
 * An ISO-8601 time as the ledger takes it (with seconds and offset). A time written without a
 * zone is read in the station's, as everywhere on the command line; what luxon cannot read is
 * passed on as typed, for the station to refuse with its own message.
 */
export function instantOption(context: CliContext, name: string, zone: string): string | undefined {
  const text = textOption(context, name);
  if (text === undefined) return undefined;
  const parsed = DateTime.fromISO(text.trim(), { zone, setZone: true });
  return parsed.isValid ? (parsed.toISO() ?? text) : text;
}

/** The station's zone, for reading zoneless times the way the station shows them. */
export async function stationZone(context: CliContext): Promise<string> {
  const info = await context.station.call('station.info', {}, context.credentials);
  return info.ok ? info.value.zone : 'Asia/Shanghai';
}
