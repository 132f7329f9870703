import type { StationEvent } from '../../../contract/index.js';
import { reportFailure, type CliContext } from '../context.js';

/** What `station watch --json` prints per event: one object a line, flat, as the contract promises. */
function watchLine(event: StationEvent): Record<string, unknown> | null {
  switch (event.type) {
    case 'volume.attached':
    case 'volume.updated':
      return { type: event.type, ...event.volume };
    case 'volume.detached':
      return { type: event.type, mountpoint: event.mountpoint, deviceId: event.deviceId };
    case 'ingest.started':
      return { type: event.type, ingestId: event.ingestId, mountpoint: event.mountpoint, source: event.source };
    case 'ingest.completed':
      return { type: event.type, ingestId: event.ingestId, mountpoint: event.mountpoint, totals: event.totals };
    case 'ingest.failed':
      return { type: event.type, ingestId: event.ingestId, mountpoint: event.mountpoint, reason: event.reason, reasonCode: event.reasonCode };
    case 'station.error':
      return { type: event.type, message: event.message };
    default:
      return null;
  }
}

function humanLine(event: StationEvent): string | null {
  switch (event.type) {
    case 'volume.attached':
      return `attached  ${event.mountpoint}  ${event.volume.device ? `device ${event.volume.device.serial} (${event.volume.how})` : 'unknown device'}`;
    case 'volume.updated':
      return `${event.volume.state.padEnd(9)} ${event.mountpoint}${event.volume.safeToRemove ? '  — safe to remove' : ''}${event.volume.reason ? `  ${event.volume.reason}` : ''}`;
    case 'volume.detached':
      return `detached  ${event.mountpoint}`;
    case 'ingest.completed':
      return `ingested  ${event.mountpoint ?? ''}  ${event.totals.archived} archived, ${event.totals.duplicate} duplicate, ${event.totals.failed} failed`;
    case 'ingest.failed':
      return `failed    ${event.mountpoint ?? ''}  ${event.reason}`;
    case 'station.error':
      return `error     ${event.message}`;
    default:
      return null;
  }
}

/**
 * `station watch`: runs until SIGINT or SIGTERM, reporting devices coming and going and, with
 * --auto-ingest, ingesting recognised ones. The station itself (opened with watch options by the CLI)
 * does the work; this only prints. Stopping discards any partial copy.
 */
export async function watchCommand(context: CliContext): Promise<number> {
  // Watching ingests what is plugged in: once the station has accounts, a person must start it.
  const allowed = await context.station.call('volumes.list', {}, context.credentials);
  if (!allowed.ok) return reportFailure(context, allowed.error);
  const unsubscribe = context.station.onEvent((event) => {
    const line = context.options.json ? watchLine(event) : humanLine(event);
    if (line === null) return;
    context.out(typeof line === 'string' ? line : JSON.stringify(line));
  });
  // Listening before the scanner starts: a signal during the first scan still stops cleanly.
  const stopped = new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  await context.station.startWatching();
  // On stderr in both modes: it tells a person, or a script reading the JSON lines, that a volume
  // mounted from now on will be reported as it comes (the ones already there have been).
  context.err('Watching for devices. Ctrl-C stops.');
  await stopped;
  unsubscribe();
  return 0;
}
