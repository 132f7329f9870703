import { resolve } from 'node:path';
import type { ExportApproval } from '../../../contract/index.js';
import { optionText, recordingIdsOption, reportFailure, type CliContext } from '../context.js';
import { formatBytes } from '../format.js';

const exportUsage =
  'usage: station export (--recordings ID,ID… | --ingest ID) --out DIR [--zip] [--purpose TEXT] | station export approve ID | station export reject ID --reason TEXT | station export approvals';

const describeApproval = (approval: ExportApproval): string =>
  [
    approval.id,
    approval.state,
    `recordings ${approval.recordingIds.join(',')}`,
    `asked by ${approval.requestedBy} at ${approval.requestedAt}`,
    approval.decidedBy ? `${approval.state === 'rejected' ? 'rejected' : 'approved'} by ${approval.decidedBy} at ${approval.decidedAt}` : '-',
    approval.reason ?? '',
  ].join('\t');

async function makePackage(context: CliContext): Promise<number> {
  const recordings = optionText(context, 'recordings');
  const ingestId = optionText(context, 'ingest');
  const out = context.options.out;
  if ((recordings === undefined) === (ingestId === undefined) || out === undefined) return reportFailure(context, { code: 'invalid-input', message: exportUsage }, 1);
  const { ids: recordingIds, problem } = recordingIdsOption(context);
  if (problem !== undefined) return reportFailure(context, { code: 'invalid-input', message: problem }, 1);
  const request = { recordingIds, ingestId, out: resolve(out), zip: context.options.values.zip === true, purpose: optionText(context, 'purpose') };
  const result = await context.station.call('export.create', request, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  const receipt = result.value;
  if (context.options.json) context.out(JSON.stringify(receipt));
  else context.out(`export ${receipt.exportId}: ${receipt.files} files, ${formatBytes(receipt.bytes)} in ${receipt.path}${receipt.zipPath ? ` and ${receipt.zipPath}` : ''}`);
  return 0;
}

async function decideRequest(context: CliContext, decision: 'approved' | 'rejected'): Promise<number> {
  const id = context.args[1];
  if (id === undefined || !/^\d+$/.test(id)) return reportFailure(context, { code: 'invalid-input', message: exportUsage }, 1);
  // Signed with the head's key, opened by the password this command line signed in with.
  const input = { id: Number(id), decision, reason: optionText(context, 'reason') };
  const result = await context.station.call('export.decide', input, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  context.out(context.options.json ? JSON.stringify(result.value) : describeApproval(result.value));
  return 0;
}

async function listApprovals(context: CliContext): Promise<number> {
  const result = await context.station.call('export.approvals', {}, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) context.out(JSON.stringify(result.value));
  else for (const approval of result.value) context.out(describeApproval(approval));
  return 0;
}

/** `station export …`: an evidence package (BagIt, custody report), and the head's approvals for confidential ones. */
export async function exportCommand(context: CliContext): Promise<number> {
  const [action] = context.args;
  if (action === undefined) return makePackage(context);
  if (action === 'approve') return decideRequest(context, 'approved');
  if (action === 'reject') return decideRequest(context, 'rejected');
  if (action === 'approvals') return listApprovals(context);
  return reportFailure(context, { code: 'invalid-input', message: exportUsage }, 1);
}
