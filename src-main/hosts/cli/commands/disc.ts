import { resolve } from 'node:path';
import type { BurnResult, DiscEntry, DiscProgress, DiscRequest, OpticalDrive, StationEvent } from '../../../contract/index.js';
import { idNumber, optionText, recordingIdsOption, reportFailure, type CliContext } from '../context.js';
import { formatBytes, formatDuration } from '../format.js';

const discUsage = [
  'usage: station disc request (--ingest ID | --recordings ID,ID… | --checkout ID) --reason dispute|obstruction|major --case-number N --case-name S',
  '       station disc approve REQUEST_ID | reject REQUEST_ID --reason TEXT',
  '       station disc plan REQUEST_ID --media cd-r|dvd+r|dvd-r|dvd+r-dl|bd-r|bd-r-dl',
  '       station disc burn DISC_ID --copy A|B --drive DEVICE|stdio:PATH',
  '       station disc verify DISC_ID --copy A|B --drive DEVICE|stdio:PATH',
  '       station disc image DISC_ID --out DIR',
  '       station disc store DISC_ID --copy A|B --location TEXT',
  '       station disc label DISC_ID --pdf FILE',
  '       station disc list | requests | drives | due',
].join('\n');

const usageError = (context: CliContext, message = discUsage) => reportFailure(context, { code: 'invalid-input', message }, 1);

function print<T>(context: CliContext, value: T, text: (value: T) => string): number {
  context.out(context.options.json ? JSON.stringify(value) : text(value));
  return 0;
}

const describeRequest = (request: DiscRequest): string =>
  [
    request.requestId,
    request.state,
    request.reason,
    `${request.caseNumber} ${request.caseName}`,
    `${request.files} files, ${formatBytes(request.bytes)}`,
    `asked by ${request.requestedBy}`,
    request.decidedBy ? `${request.state === 'rejected' ? 'rejected' : 'approved'} by ${request.decidedBy}${request.decisionReason ? `: ${request.decisionReason}` : ''}` : '-',
    request.discs.map((disc) => disc.discId).join(' '),
  ].join('\t');

const describeDisc = (disc: DiscEntry): string =>
  [
    disc.discId,
    `request ${disc.requestId}`,
    `${disc.caseNumber} ${disc.caseName}`,
    `disc ${disc.index} of ${disc.of}`,
    disc.media,
    disc.imageSha256 ?? 'no image yet',
    ...disc.copies.map((copy) => `${copy.copy}: ${copy.state}${copy.location ? ` @ ${copy.location}` : ''}${copy.nextCheckDue ? `, re-check ${copy.nextCheckDue.slice(0, 10)}` : ''}`),
  ].join('\t');

const mark = (passed: boolean | null): string => (passed === null ? 'not run' : passed ? 'passed' : 'FAILED');
const describeBurn = (result: BurnResult): string =>
  [
    `disc ${result.discId} copy ${result.copy}: ${result.verified ? 'verified' : 'NOT verified'}`,
    `  image SHA-256 ${result.imageSha256} (${formatBytes(result.bytes)})`,
    `  image read back: ${mark(result.checks.image)}; MD5 of every file: ${mark(result.checks.md5)}; MANIFEST.sha256: ${mark(result.checks.manifest)}`,
    ...(result.problem ? [`  ${result.problem}`] : []),
  ].join('\n');

const describeDrive = (drive: OpticalDrive): string =>
  [drive.device, [drive.vendor, drive.model].filter(Boolean).join(' ') || '-', drive.media.kind, drive.media.blank ? 'blank' : 'not blank', drive.media.freeBytes === null ? '-' : `${formatBytes(drive.media.freeBytes)} free`].join('\t');

const phaseWords: Record<DiscProgress['phase'], string> = { imaging: 'building the image', burning: 'burning', reading: 'reading back', md5: 'checking MD5s', manifest: 'checking the manifest' };
const progressText = (p: DiscProgress): string =>
  `${p.discId} ${p.copy ?? ''} ${phaseWords[p.phase]}: ${formatBytes(p.bytesDone)} of ${formatBytes(p.bytesTotal)}, ${formatBytes(p.bytesPerSecond)}/s, ${formatDuration(p.secondsLeft)} left`;

async function request(context: CliContext): Promise<number> {
  const { ids: recordingIds, problem } = recordingIdsOption(context);
  if (problem !== undefined) return usageError(context, problem);
  const checkout = optionText(context, 'checkout');
  if (checkout !== undefined && idNumber(checkout) === null) return usageError(context, `--checkout takes a check-out's number, not "${checkout}"`);
  const input = {
    ingestId: optionText(context, 'ingest'),
    recordingIds,
    checkoutId: checkout === undefined ? undefined : Number(checkout),
    reason: optionText(context, 'reason'),
    caseNumber: optionText(context, 'case-number'),
    caseName: optionText(context, 'case-name'),
  };
  const result = await context.station.call('discs.request', input, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return print(context, result.value, describeRequest);
}

async function decide(context: CliContext, decision: 'approved' | 'rejected'): Promise<number> {
  const requestId = idNumber(context.args[1]);
  if (requestId === null) return usageError(context);
  // Signed with the lead's (or the head's) key, opened by the password this command line signed in with.
  const result = await context.station.call('discs.decide', { requestId, decision, reason: optionText(context, 'reason') }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return print(context, result.value, describeRequest);
}

async function plan(context: CliContext): Promise<number> {
  const requestId = idNumber(context.args[1]);
  if (requestId === null) return usageError(context);
  const result = await context.station.call('discs.plan', { requestId, media: optionText(context, 'media') }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return print(context, result.value, (planned) =>
    planned.discs.map((disc) => `${disc.discId}\tdisc ${disc.index} of ${disc.of}\t${disc.files} files\t${formatBytes(disc.bytes)}`).join('\n'),
  );
}

/** A burn or a re-check: progress on stderr, Ctrl-C cancels; exit 1 when a check fails. */
async function copyWork(context: CliContext, command: 'discs.burn' | 'discs.verify'): Promise<number> {
  const discId = context.args[1];
  const copy = optionText(context, 'copy');
  const drive = optionText(context, 'drive');
  if (discId === undefined || copy === undefined || drive === undefined) return usageError(context);
  const live = !context.options.json && process.stderr.isTTY;
  const unsubscribe = context.station.onEvent((event: StationEvent) => {
    if (event.type === 'discs.progress' && event.progress.discId === discId && live) {
      process.stderr.write(`\r\x1b[2K${progressText(event.progress).slice(0, process.stderr.columns - 1)}`);
    }
  });
  // Every Ctrl-C or SIGTERM asks to cancel (again), and none kills the command mid-cancel: the copy's state is recorded first.
  const cancel = () => void context.station.call('discs.cancel', { discId }, context.credentials);
  process.on('SIGINT', cancel);
  process.on('SIGTERM', cancel);
  try {
    const result = await context.station.call(command, { discId, copy, drive }, context.credentials);
    if (live) process.stderr.write('\r\x1b[2K');
    if (!result.ok) return reportFailure(context, result.error, 1);
    print(context, result.value, describeBurn);
    return result.value.verified ? 0 : 1;
  } finally {
    process.off('SIGINT', cancel);
    process.off('SIGTERM', cancel);
    unsubscribe();
  }
}

async function image(context: CliContext): Promise<number> {
  const discId = context.args[1];
  const out = context.options.out;
  if (discId === undefined || out === undefined) return usageError(context);
  const result = await context.station.call('discs.image', { discId, out: resolve(out) }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return print(context, result.value, (made) => `disc ${made.discId}: image ${made.path}\tSHA-256 ${made.imageSha256}`);
}

async function store(context: CliContext): Promise<number> {
  const discId = context.args[1];
  const input = { discId, copy: optionText(context, 'copy'), location: optionText(context, 'location') };
  if (discId === undefined) return usageError(context);
  const result = await context.station.call('discs.store', input, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return print(context, result.value, describeDisc);
}

async function label(context: CliContext): Promise<number> {
  const discId = context.args[1];
  const pdf = optionText(context, 'pdf') ?? context.options.out;
  if (discId === undefined) return usageError(context);
  const result = await context.station.call('discs.label', { discId, path: pdf === undefined ? undefined : resolve(pdf) }, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  return print(context, result.value, (written) => `label of disc ${discId} written to ${written.path}`);
}

async function listing<T>(context: CliContext, command: 'discs.list' | 'discs.due' | 'discs.requests' | 'discs.drives', text: (item: T) => string): Promise<number> {
  const result = await context.station.call(command, {}, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  if (context.options.json) context.out(JSON.stringify(result.value));
  else for (const item of result.value as T[]) context.out(text(item));
  return 0;
}

/** `station disc …`: the disc-burn queue (Art. 16): request, approve, plan, burn and verify two copies, label, store, re-check. */
export async function discCommand(context: CliContext): Promise<number> {
  switch (context.args[0]) {
    case 'request':
      return request(context);
    case 'approve':
      return decide(context, 'approved');
    case 'reject':
      return decide(context, 'rejected');
    case 'plan':
      return plan(context);
    case 'burn':
      return copyWork(context, 'discs.burn');
    case 'verify':
      return copyWork(context, 'discs.verify');
    case 'image':
      return image(context);
    case 'store':
      return store(context);
    case 'label':
      return label(context);
    case 'list':
      return listing(context, 'discs.list', describeDisc);
    case 'due':
      return listing(context, 'discs.due', describeDisc);
    case 'requests':
      return listing(context, 'discs.requests', describeRequest);
    case 'drives':
      return listing(context, 'discs.drives', describeDrive);
    default:
      return usageError(context);
  }
}
