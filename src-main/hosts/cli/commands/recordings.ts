import type { Recording } from '../../../contract/index.js';
import { reportFailure, type CliContext } from '../context.js';
import { formatBytes } from '../format.js';

const pageSize = 5000;

export async function recordingsCommand(context: CliContext): Promise<number> {
  const rows: Recording[] = [];
  for (;;) {
    const page = await context.station.call(
      'recordings.list',
      { search: context.options.search, offset: rows.length, limit: pageSize },
      context.credentials,
    );
    if (!page.ok) return reportFailure(context, page.error);
    rows.push(...page.value.rows);
    if (page.value.rows.length < pageSize) break;
  }
  if (context.options.json) context.out(JSON.stringify(rows));
  else {
    for (const r of rows) {
      context.out(
        [r.recordedAt ?? '-', r.kind, formatBytes(r.size), r.sha256, r.device ?? '-', r.archivePath].join('\t'),
      );
    }
    context.err(`${rows.length} recordings`);
  }
  return 0;
}
