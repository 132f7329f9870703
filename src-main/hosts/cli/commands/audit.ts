import { reportFailure, type CliContext } from '../context.js';

/** `station audit list|verify`: the audit chain, and the proof that nobody edited it. */
export async function auditCommand(context: CliContext): Promise<number> {
  const [sub] = context.args;
  if (sub === 'list') return list(context);
  if (sub === 'verify') return verify(context);
  context.err(`station: audit needs list or verify, not ${sub === undefined ? 'nothing' : `"${sub}"`} (station help audit)`);
  return 2;
}

async function list(context: CliContext): Promise<number> {
  const rows = await context.station.call('audit.list', { sinceSeq: context.options.sinceSeq ?? 0, limit: 10_000 }, context.credentials);
  if (!rows.ok) return reportFailure(context, rows.error);
  if (context.options.json) context.out(JSON.stringify(rows.value));
  else for (const row of rows.value) context.out([row.seq, row.at, row.actor, row.role, row.action, row.object ?? '-', row.hash.slice(0, 16)].join('\t'));
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
