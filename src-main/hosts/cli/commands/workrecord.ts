import { isAbsolute, resolve } from 'node:path';
import type { UncoveredGap, WorkRecord } from '../../../contract/index.js';
import { idNumber, optionText, reportFailure, type CliContext } from '../context.js';
import { instantOption } from './ledger-args.js';

const workRecordUsage =
  'usage: station workrecord add --device SERIAL --from ISO --to ISO --reason R --explanation T | approve ID | reject ID --reason T | file ID | list | gaps | form ID --out FILE.pdf';

const describeRecord = (record: WorkRecord): string =>
  [
    record.id,
    record.state,
    record.device.serial,
    record.officer ? `${record.officer.name} (${record.officer.officerNumber ?? '-'})` : '-',
    `${record.from} – ${record.to}`,
    record.reason,
    record.gapFinding ? `gap finding ${record.gapFinding.findingId}` : 'no gap finding',
    record.explanation,
  ].join('\t');

const describeGap = (gap: UncoveredGap): string =>
  [gap.findingId, gap.device?.serial ?? '-', gap.officer ?? '-', `${gap.from ?? '?'} – ${gap.to ?? '?'}`, `${gap.gapSeconds} s`, `check-out ${gap.checkoutId ?? '-'}`].join(
    '\t',
  );

/** The record's id from `station workrecord <action> ID`. */
const recordId = (context: CliContext): number | null => idNumber(context.args[1]);

const missingId = (context: CliContext, action: string) =>
  reportFailure(context, { code: 'invalid-input', message: `give the work record: station workrecord ${action} ID` }, 1);

function printRecord(context: CliContext, record: WorkRecord): number {
  context.out(context.options.json ? JSON.stringify(record) : describeRecord(record));
  return 0;
}

async function addRecord(context: CliContext): Promise<number> {
  const request = {
    deviceSerial: optionText(context, 'device'),
    from: instantOption(context, 'from'),
    to: instantOption(context, 'to'),
    reason: optionText(context, 'reason'),
    explanation: optionText(context, 'explanation'),
    basis: optionText(context, 'basis'),
    officerNumber: optionText(context, 'officer'),
  };
  const result = await context.station.call('workRecords.add', request, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return printRecord(context, result.value);
}

async function decide(context: CliContext, decision: 'approved' | 'rejected'): Promise<number> {
  const id = recordId(context);
  if (id === null) return missingId(context, decision === 'approved' ? 'approve' : 'reject --reason T');
  // The signing password is the one this command line signed in with (STATION_PASSWORD or --password-file).
  const result = await context.station.call('workRecords.decide', { id, decision, reason: optionText(context, 'reason') }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return printRecord(context, result.value);
}

async function fileRecord(context: CliContext): Promise<number> {
  const id = recordId(context);
  if (id === null) return missingId(context, 'file');
  const result = await context.station.call('workRecords.file', { id }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return printRecord(context, result.value);
}

async function listRecords(context: CliContext): Promise<number> {
  const result = await context.station.call('workRecords.list', { state: context.options.history.state }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) context.out(JSON.stringify(result.value));
  else for (const record of result.value) context.out(describeRecord(record));
  return 0;
}

async function listGaps(context: CliContext): Promise<number> {
  const result = await context.station.call('workRecords.gaps', {}, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) context.out(JSON.stringify(result.value));
  else for (const gap of result.value) context.out(describeGap(gap));
  return 0;
}

async function printForm(context: CliContext): Promise<number> {
  const id = recordId(context);
  if (id === null) return missingId(context, 'form');
  const out = context.options.out;
  // The station takes full paths only; in a shell a relative one means the shell's folder.
  const path = out === undefined ? undefined : isAbsolute(out) ? out : resolve(out);
  const result = await context.station.call('workRecords.form', { id, path }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  context.out(context.options.json ? JSON.stringify(result.value) : `work record ${id} written to ${result.value.path}`);
  return 0;
}

/** `station workrecord ...`: interruption work records (停录工作记录, Art. 12). */
export async function workRecordCommand(context: CliContext): Promise<number> {
  switch (context.args[0]) {
    case 'add':
      return addRecord(context);
    case 'approve':
      return decide(context, 'approved');
    case 'reject':
      return decide(context, 'rejected');
    case 'file':
      return fileRecord(context);
    case 'list':
      return listRecords(context);
    case 'gaps':
      return listGaps(context);
    case 'form':
      return printForm(context);
    default:
      return reportFailure(context, { code: 'invalid-input', message: workRecordUsage }, 1);
  }
}
