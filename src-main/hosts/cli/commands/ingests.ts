import { reportFailure, type CliContext } from '../context.js';
import { formatBytes } from '../format.js';

/** `station ingests`: the import history, newest first, a page at a time. */
export async function ingestsCommand(context: CliContext): Promise<number> {
  const { limit, offset, state, deviceId, from, to } = context.options.history;
  const page = await context.station.call(
    'ingest.page',
    { limit: limit ?? 100, offset: offset ?? 0, state, deviceId, from, to },
    context.credentials,
  );
  if (!page.ok) return reportFailure(context, page.error);
  const { rows, total } = page.value;
  if (context.options.json) context.out(JSON.stringify(rows));
  else {
    for (const i of rows) {
      const t = i.totals;
      context.out(
        [i.startedAt, i.state, i.device ?? '-', `${t.archived}/${t.duplicate}/${t.skipped}/${t.failed}`, formatBytes(t.bytes), i.ingestId, i.source].join('\t'),
      );
    }
    context.err(`${rows.length} of ${total} ingests`);
  }
  return 0;
}
