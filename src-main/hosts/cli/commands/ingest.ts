import { isAbsolute, resolve } from 'node:path';
import type { CommandError, IngestProgress, IngestReport, StationEvent } from '../../../contract/index.js';
import { refusedForCaller, reportFailure, type CliContext } from '../context.js';
import { formatBytes, progressLine } from '../format.js';

/** What became of one path given: its ingest's report, or why it could not start. */
type Outcome = { source: string; report: IngestReport } | { source: string; error: CommandError };

// In a shell a relative path means the shell's folder; the core refuses relative paths, so resolve it here.
const typedSource = (typed: string): string => (/^["'~]/.test(typed) || isAbsolute(typed) ? typed : resolve(typed));

/** One line for several ingests at once: how many ended, and their files, bytes and speed together. */
function summaryLine(progress: IngestProgress[], running: IngestProgress[], ended: number, total: number): string {
  const sum = (pick: (p: IngestProgress) => number, of: readonly IngestProgress[] = progress) => of.reduce((all, p) => all + pick(p), 0);
  // The speed of those still running: an ended ingest's last report still holds its last speed.
  const speed = sum((p) => p.bytesPerSecond, running);
  return (
    `${ended}/${total} sources done  ${sum((p) => p.filesDone)}/${sum((p) => p.filesTotal)} files  ` +
    `${formatBytes(sum((p) => p.bytesDone))} / ${formatBytes(sum((p) => p.bytesTotal))}  ${formatBytes(speed)}/s`
  );
}

const failedOrStopped = (report: IngestReport): boolean => report.totals.failed > 0 || report.state !== 'completed';

function printReport(context: CliContext, report: IngestReport, prefix: string): void {
  const { totals, state, reason, files } = report;
  for (const file of files.filter((f) => f.status === 'failed' || f.status === 'skipped')) {
    context.out(`${prefix}${file.status.padEnd(9)} ${file.source}: ${file.reason ?? ''}`);
  }
  context.out(
    `${prefix}${state}: ${totals.archived} archived, ${totals.duplicate} duplicate, ${totals.skipped} skipped, ${totals.failed} failed` +
      (totals.notReached > 0 ? `, ${totals.notReached} not reached` : '') +
      ` → ${report.archivePath}${reason ? `\n${reason}` : ''}`,
  );
}

/**
 * Runs the ingests of every path given to their end, all submitted to the scheduler before waiting
 * for any, so they run side by side as far as it admits; Ctrl-C or SIGTERM cancels them all cleanly
 * (partial copies are discarded). One path keeps the single-ingest output: one report, exit 2 when
 * it cannot start.
 */
export async function ingestCommand(context: CliContext): Promise<number> {
  if (context.args.length === 0) return reportFailure(context, { code: 'invalid-input', message: 'ingest needs a path: station ingest <path>' });
  const sources = context.args.map(typedSource);
  const several = sources.length > 1;
  const { station, credentials } = context;
  const live = !context.options.json && process.stderr.isTTY;

  // Events may come before the starts answer: keep each ingest's latest progress and which ended, by id.
  const latest = new Map<string, IngestProgress>();
  const ended = new Set<string>();
  const mine = new Set<string>();
  let allEnded: () => void = () => {};
  const done = new Promise<void>((resolve) => (allEnded = resolve));
  const checkEnded = () => {
    if ([...mine].every((id) => ended.has(id))) allEnded();
  };
  const draw = (progress: IngestProgress) => {
    const ours = [...mine].flatMap((id) => latest.get(id) ?? []);
    const line = several ? summaryLine(ours, ours.filter((p) => !ended.has(p.ingestId)), [...mine].filter((id) => ended.has(id)).length, mine.size) : progressLine(progress);
    process.stderr.write(`\r\x1b[2K${line.slice(0, process.stderr.columns - 1)}`);
  };
  const unsubscribe = station.onEvent((event: StationEvent) => {
    if (event.type === 'ingest.progress') {
      latest.set(event.progress.ingestId, event.progress);
      if (live && mine.has(event.progress.ingestId)) draw(event.progress);
    }
    if (event.type === 'ingest.completed' || event.type === 'ingest.failed') {
      ended.add(event.ingestId);
      if (mine.has(event.ingestId)) checkEnded();
    }
  });

  const lateReason = context.options.values['late-reason'];
  const starts = await Promise.all(
    sources.map((sourcePath) => station.call('ingest.start', { sourcePath, ...(typeof lateReason === 'string' && { lateReason }) }, credentials)),
  );
  if (!several && !starts[0]!.ok) {
    unsubscribe();
    return reportFailure(context, starts[0]!.error);
  }
  for (const started of starts) if (started.ok) mine.add(started.value.ingestId);
  checkEnded();
  const cancel = () => {
    for (const ingestId of mine) void station.call('ingest.cancel', { ingestId }, credentials);
  };
  process.once('SIGINT', cancel);
  process.once('SIGTERM', cancel);
  await done;
  process.off('SIGINT', cancel);
  process.off('SIGTERM', cancel);
  unsubscribe();
  if (live) process.stderr.write('\r\x1b[2K');

  const outcomes: Outcome[] = [];
  for (const [index, started] of starts.entries()) {
    const source = sources[index]!;
    if (!started.ok) {
      outcomes.push({ source, error: started.error });
      continue;
    }
    const report = await station.call('ingest.get', { ingestId: started.value.ingestId }, credentials);
    if (!several && !report.ok) return reportFailure(context, report.error);
    outcomes.push(report.ok ? { source, report: report.value } : { source, error: report.error });
  }

  const only = outcomes[0];
  if (!several && only && 'report' in only) {
    const { report } = only;
    if (context.options.json) context.out(JSON.stringify(report));
    else printReport(context, report, '');
    return failedOrStopped(report) ? 1 : 0;
  }
  if (context.options.json) context.out(JSON.stringify(outcomes.map((outcome) => ('report' in outcome ? outcome.report : outcome))));
  for (const outcome of outcomes) {
    if ('error' in outcome) context.err(`station: ${outcome.source}: ${outcome.error.message} (${outcome.error.code})`);
    else if (!context.options.json) printReport(context, outcome.report, `${outcome.source}: `);
  }
  // Several: 1 when anything failed anywhere, a source that could not start too; 3 when one was refused for who is asking.
  const statuses = outcomes.map((outcome) => ('error' in outcome ? (refusedForCaller(outcome.error.code) ? 3 : 1) : failedOrStopped(outcome.report) ? 1 : 0));
  return Math.max(...statuses);
}
