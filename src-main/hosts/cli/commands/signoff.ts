import type { SignoffEntry } from '../../../contract/index.js';
import { optionText, reportFailure, type CliContext } from '../context.js';

const line = (entry: SignoffEntry): string =>
  [entry.ingestId, entry.state, entry.signer ?? '-', entry.signedAt ?? '-', entry.device ?? '-', `${entry.files} files`, entry.reason ?? ''].join('\t');

/**
 * `station signoff INGEST_ID --approve | --reject --reason TEXT`, `station signoff list [--pending]`,
 * `station signoff verify`: the lead's signed review of each ingest (Art. 13).
 */
export async function signoffCommand(context: CliContext): Promise<number> {
  const [first, ...rest] = context.args;
  const { values } = context.options;
  if (first === 'list') {
    const result = await context.station.call('signoff.list', { pending: values.pending === true }, context.credentials);
    if (!result.ok) return reportFailure(context, result.error, 1);
    const rows = result.value.map(({ ingestId, state, signer, signedAt, reason }) => ({ ingestId, state, signer, signedAt, reason }));
    if (context.options.json) context.out(JSON.stringify(rows));
    else for (const entry of result.value) context.out(line(entry));
    return 0;
  }
  if (first === 'verify') {
    const result = await context.station.call('signoff.verify', {}, context.credentials);
    if (!result.ok) return reportFailure(context, result.error, 2);
    const report = result.value;
    if (context.options.json) context.out(JSON.stringify(report));
    else {
      for (const problem of report.problems) context.out(`${problem.ingestId}\t${problem.problem}\t${problem.detail}`);
      context.out(`${report.checked} signed ingests checked, ${report.ok} intact`);
    }
    return report.problems.length === 0 ? 0 : 1;
  }
  const approve = values.approve === true;
  const reject = values.reject === true;
  if (first === undefined || rest.length > 0 || approve === reject) {
    return reportFailure(context, { code: 'invalid-input', message: 'usage: station signoff INGEST_ID --approve | --reject --reason TEXT' }, 2);
  }
  const reason = optionText(context, 'reason');
  const result = await context.station.call(
    'signoff.decide',
    { ingestId: first, decision: approve ? 'approved' : 'rejected', ...(reason !== undefined && { reason }) },
    context.credentials,
  );
  if (!result.ok) return reportFailure(context, result.error, 1);
  const receipt = result.value;
  if (context.options.json) context.out(JSON.stringify(receipt));
  else context.out(`${receipt.decision}: ingest ${receipt.ingestId} signed by ${receipt.signer} at ${receipt.signedAt} (statement ${receipt.statementSha256})`);
  return 0;
}
