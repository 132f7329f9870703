import { isAbsolute, resolve } from 'node:path';
import type { StationEvent } from '../../../contract/index.js';
import { reportFailure, type CliContext } from '../context.js';
import { progressLine } from '../format.js';

/** Runs one ingest to its end; Ctrl-C or SIGTERM cancels it cleanly (partial copies are discarded). */
export async function ingestCommand(context: CliContext): Promise<number> {
  const [typed] = context.args;
  if (!typed) return reportFailure(context, { code: 'invalid-input', message: 'ingest needs a path: station ingest <path>' });
  // In a shell a relative path means the shell's folder; the core refuses relative paths, so resolve it here.
  const sourcePath = /^["'~]/.test(typed) || isAbsolute(typed) ? typed : resolve(typed);
  const { station, credentials } = context;
  let ingestId: string | null = null;
  const early: StationEvent[] = [];
  let finished: () => void = () => {};
  const done = new Promise<void>((resolve) => (finished = resolve));
  const live = !context.options.json && process.stderr.isTTY;
  const onEvent = (event: StationEvent): void => {
    if (ingestId === null) {
      early.push(event);
      return;
    }
    if (event.type === 'ingest.progress' && event.progress.ingestId === ingestId && live) {
      process.stderr.write(`\r\x1b[2K${progressLine(event.progress).slice(0, process.stderr.columns - 1)}`);
    }
    if ((event.type === 'ingest.completed' || event.type === 'ingest.failed') && event.ingestId === ingestId) finished();
  };
  const unsubscribe = station.onEvent(onEvent);
  const lateReason = context.options.values['late-reason'];
  const started = await station.call('ingest.start', { sourcePath, ...(typeof lateReason === 'string' && { lateReason }) }, credentials);
  if (!started.ok) {
    unsubscribe();
    return reportFailure(context, started.error);
  }
  ingestId = started.value.ingestId;
  early.splice(0).forEach(onEvent);
  const cancel = () => void station.call('ingest.cancel', { ingestId }, credentials);
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  await done;
  process.off('SIGINT', cancel);
  process.off('SIGTERM', cancel);
  unsubscribe();
  if (live) process.stderr.write('\r\x1b[2K');

  const report = await station.call('ingest.get', { ingestId }, credentials);
  if (!report.ok) return reportFailure(context, report.error);
  const { totals, state, reason, files } = report.value;
  if (context.options.json) context.out(JSON.stringify(report.value));
  else {
    for (const file of files.filter((f) => f.status === 'failed' || f.status === 'skipped')) {
      context.out(`${file.status.padEnd(9)} ${file.source}: ${file.reason ?? ''}`);
    }
    context.out(
      `${state}: ${totals.archived} archived, ${totals.duplicate} duplicate, ${totals.skipped} skipped, ${totals.failed} failed` +
        (totals.notReached > 0 ? `, ${totals.notReached} not reached` : '') +
        ` → ${report.value.archivePath}${reason ? `\n${reason}` : ''}`,
    );
  }
  return totals.failed > 0 || state !== 'completed' ? 1 : 0;
}
