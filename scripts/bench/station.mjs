// The station as a contender: one process ingesting one or several sources, and the check that it
// archived every file with the hash the file was written with (a broken ingest measures nothing).
import { basename } from 'node:path';
import { run } from './tools.mjs';

/** Problems with one source's report: every expected file archived, with its hash, nothing else. */
export function checkReport(label, report, expected) {
  if (report?.error) return [`${label}: the ingest could not start: ${report.error.code}: ${report.error.message}`];
  if (!report || !Array.isArray(report.files)) return [`${label}: no report`];
  const wrong = [];
  for (const [relative, sha256] of expected) {
    const file = report.files.find((f) => f.source === relative);
    if (!file || file.status !== 'archived' || file.sha256 !== sha256) wrong.push(`${relative}: ${file ? `${file.status} ${file.reason ?? ''}` : 'missing'}`);
  }
  if (report.state !== 'completed' || report.files.length !== expected.size || wrong.length > 0) {
    return [`${label}: state ${report.state}, ${report.files.length} of ${expected.size} files; ${wrong.slice(0, 5).join('; ')}`];
  }
  return [];
}

/** The rack is taken by one `station ingest` with every path, or with BENCH_RACK_MODE=watch by `station watch --auto-ingest`, as plugged-in cards are. */
export const multiPathIngest = () => process.env.BENCH_RACK_MODE !== 'watch';

/**
 * `station ingest SRC [SRC …] --json` as one process: its reports by source path, and its figures.
 * Several paths print a JSON array in the order given (an element {source, error} for a path that
 * could not start), one path the report alone.
 */
export async function ingestAll(station, dataDir, sources, onStart) {
  const result = await station.run(['--data', dataDir, 'ingest', ...sources, '--json'], { onStart });
  let reports = [];
  try {
    const parsed = JSON.parse(result.stdout);
    reports = Array.isArray(parsed) ? parsed : [parsed];
  } catch {
    return { result, reports: new Map(), problems: [`no JSON report (exit ${result.code}): ${result.stderr.slice(0, 500)}`] };
  }
  const problems = result.code === 0 ? [] : [`station ingest exited ${result.code}: ${result.stderr.slice(0, 300)}`];
  if (reports.length !== sources.length) problems.push(`${reports.length} reports for ${sources.length} paths`);
  return { result, reports: new Map(sources.map((source, i) => [source, reports[i]])), problems };
}

/**
 * The same through `station watch --auto-ingest --any-volume --json` (BENCH_RACK_MODE=watch): the
 * rack taken as plugged-in cards are, the station's other way in. The cards' recorders are
 * registered first (not timed), the watcher ingests every mounted card and is stopped once each
 * has ended; the time is to the last end.
 * Reports are rebuilt from `station recordings --json` (hash and name of each archived file).
 */
export async function watchAll(station, cliEntry, dataDir, cards, timeoutMs, onStart) {
  for (const card of cards) {
    const added = await run(process.execPath, [cliEntry, '--data', dataDir, 'device', 'add', '--serial', card.serial, '--type', 'body-camera', '--json']);
    if (added.code !== 0) throw new Error(`device add ${card.serial} failed: ${added.stderr}`);
  }
  const bySource = new Map(cards.map((card) => [card.source, { ingestId: null, ended: null }]));
  let allEnded;
  const ended = new Promise((resolve) => (allEnded = resolve));
  let lastEndMs = null;
  const watch = await station.start(['--data', dataDir, 'watch', '--auto-ingest', '--any-volume', '--json'], {
    onStart,
    onLine(line, atMs) {
      let event;
      try {
        event = JSON.parse(line);
      } catch {
        return;
      }
      const card = bySource.get(event.mountpoint);
      if (!card) return;
      if (event.type === 'ingest.started') card.ingestId = event.ingestId;
      if (event.type === 'ingest.completed' || event.type === 'ingest.failed') {
        card.ended = event;
        if ([...bySource.values()].every((c) => c.ended !== null)) {
          lastEndMs = atMs;
          allEnded();
        }
      }
    },
  });
  const timer = setTimeout(allEnded, timeoutMs);
  await Promise.race([ended, watch.finished]);
  clearTimeout(timer);
  watch.child.kill('SIGINT');
  const result = await watch.finished;
  const problems = [];
  if (lastEndMs === null) problems.push(`station watch: not every card ended within ${timeoutMs / 1000} s (exit ${result.code}): ${result.stderr.slice(0, 300)}`);
  const listed = await run(process.execPath, [cliEntry, '--data', dataDir, 'recordings', '--json']);
  const recordings = listed.code === 0 ? JSON.parse(listed.stdout) : [];
  const reports = new Map();
  for (const card of cards) {
    const { ingestId, ended: end } = bySource.get(card.source);
    const files = recordings
      .filter((r) => r.ingestId === ingestId)
      .map((r) => ({
        source: [...card.expected.keys()].find((relative) => basename(relative) === basename(r.originalName)) ?? r.originalName,
        status: 'archived',
        sha256: r.sha256,
      }));
    reports.set(card.source, { source: card.source, state: end?.type === 'ingest.completed' && end.totals.failed === 0 ? 'completed' : (end?.type ?? 'not ended'), files });
  }
  return { result: { ...result, ms: lastEndMs ?? result.ms }, reports, problems };
}
