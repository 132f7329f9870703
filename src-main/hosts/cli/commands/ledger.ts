import { isAbsolute, resolve } from 'node:path';
import type { Deadline, LedgerEntry } from '../../../contract/index.js';
import { optionText, reportFailure, type CliContext } from '../context.js';
import { formatBytes } from '../format.js';

const ledgerUsage =
  'usage: station ledger [--from DAY] [--to DAY] [--device SERIAL] [--officer NUMBER] | station ledger late-reason --checkout ID --reason TEXT | station ledger export --xlsx FILE | --pdf FILE';

/** `--from`, `--to`, `--device` and `--officer` as the ledger's filter. */
const ledgerQuery = (context: CliContext) => ({
  from: context.options.history.from,
  to: context.options.history.to,
  deviceSerial: optionText(context, 'device'),
  officerNumber: optionText(context, 'officer'),
});

const reasonShown = (entry: Pick<LedgerEntry, 'state' | 'lateReason'>): string =>
  entry.state === 'late' ? `late: ${entry.lateReason ?? 'reason missing'}` : entry.state;

const describeEntry = (entry: LedgerEntry): string =>
  [
    entry.checkoutId,
    entry.device.serial,
    `${entry.officer.name} (${entry.officer.officerNumber})`,
    entry.checkedOutAt,
    entry.returnedAt ?? '-',
    entry.deadline ?? '-',
    reasonShown(entry),
    entry.remote ? 'remote' : '',
    `${entry.content.recordings} recordings, ${formatBytes(entry.content.bytes)}`,
  ].join('\t');

async function listLedger(context: CliContext): Promise<number> {
  const result = await context.station.call('ledger.list', ledgerQuery(context), context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) context.out(JSON.stringify(result.value));
  else for (const entry of result.value) context.out(describeEntry(entry));
  return 0;
}

async function giveLateReason(context: CliContext): Promise<number> {
  const checkout = optionText(context, 'checkout');
  if (checkout === undefined || !/^\d+$/.test(checkout)) {
    return reportFailure(context, { code: 'invalid-input', message: 'give the check-out: station ledger late-reason --checkout ID --reason TEXT' }, 1);
  }
  const result = await context.station.call('ledger.lateReason', { checkoutId: Number(checkout), reason: optionText(context, 'reason') }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  context.out(context.options.json ? JSON.stringify(result.value) : describeEntry(result.value));
  return 0;
}

async function exportLedger(context: CliContext): Promise<number> {
  const xlsx = optionText(context, 'xlsx');
  const pdf = optionText(context, 'pdf');
  if ((xlsx === undefined) === (pdf === undefined)) {
    return reportFailure(context, { code: 'invalid-input', message: 'say where, and as which: station ledger export --xlsx FILE, or --pdf FILE' }, 1);
  }
  const [format, file] = xlsx === undefined ? (['pdf', pdf!] as const) : (['xlsx', xlsx] as const);
  // The station takes full paths only; in a shell a relative one means the shell's folder.
  const path = isAbsolute(file) ? file : resolve(file);
  const result = await context.station.call('ledger.export', { ...ledgerQuery(context), format, path }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  context.out(context.options.json ? JSON.stringify(result.value) : `${result.value.rows} check-outs written to ${result.value.path}`);
  return 0;
}

/** `station ledger [late-reason|export]`: the device ledger (台账). */
export async function ledgerCommand(context: CliContext): Promise<number> {
  const [action] = context.args;
  if (action === undefined) return listLedger(context);
  if (action === 'late-reason') return giveLateReason(context);
  if (action === 'export') return exportLedger(context);
  return reportFailure(context, { code: 'invalid-input', message: ledgerUsage }, 1);
}

const describeDeadline = (deadline: Deadline): string =>
  [
    deadline.checkoutId,
    deadline.device.serial,
    `${deadline.officer.name} (${deadline.officer.officerNumber})`,
    deadline.deadline ?? 'still out',
    deadline.secondsLeft === null ? '-' : `${(deadline.secondsLeft / 3600).toFixed(1)} h`,
    deadline.state === 'late' ? 'late: reason missing' : deadline.state,
  ].join('\t');

/** `station deadlines`: every check-out whose footage is not stored yet (Art. 13), soonest deadline first. */
export async function deadlinesCommand(context: CliContext): Promise<number> {
  const result = await context.station.call('ledger.deadlines', {}, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) context.out(JSON.stringify(result.value));
  else for (const deadline of result.value) context.out(describeDeadline(deadline));
  return 0;
}
