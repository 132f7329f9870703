import type { AuditRow } from '../../../contract/index.js';
import { optionText, reportFailure, type CliContext } from '../context.js';

/** `station audit list|verify`: the audit chain, and the proof that nobody edited it. */
export async function auditCommand(context: CliContext): Promise<number> {
  const [sub] = context.args;
  if (sub === 'list') return list(context);
  if (sub === 'verify') return verify(context);
  context.err(`station: audit needs list or verify, not ${sub === undefined ? 'nothing' : `"${sub}"`} (station help audit)`);
  return 2;
}

const pageSize = 10_000;

/** Every row the filters match, a page at a time: a year's chain is more than one answer holds. */
async function list(context: CliContext): Promise<number> {
  const text = (name: string) => optionText(context, name);
  const filters = { actor: text('actor'), action: text('action'), object: text('object'), from: context.options.history.from, to: context.options.history.to };
  const rows: AuditRow[] = [];
  for (let sinceSeq = context.options.sinceSeq ?? 0; ; ) {
    const page = await context.station.call('audit.list', { ...filters, sinceSeq, limit: pageSize }, context.credentials);
    if (!page.ok) return reportFailure(context, page.error);
    rows.push(...page.value);
    const last = page.value.at(-1);
    if (page.value.length < pageSize || last === undefined) break;
    sinceSeq = last.seq;
  }
  if (context.options.json) context.out(JSON.stringify(rows));
  else for (const row of rows) context.out([row.seq, row.at, row.actor, row.role, row.action, row.object ?? '-', row.hash.slice(0, 16)].join('\t'));
  return 0;
}

async function verify(context: CliContext): Promise<number> {
  const report = await context.station.call('audit.verify', {}, context.credentials);
  if (!report.ok) return reportFailure(context, report.error);
  const { rows, checkpoints, ok, problems } = report.value;
  if (context.options.json) context.out(JSON.stringify(report.value));
  else {
    for (const problem of problems) context.out(`${problem.problem.padEnd(13)} seq ${problem.seq}`);
    context.out(ok ? `audit chain intact: ${rows} rows, ${checkpoints} signed checkpoints` : `${problems.length} problems in ${rows} rows`);
  }
  return ok ? 0 : 1;
}
