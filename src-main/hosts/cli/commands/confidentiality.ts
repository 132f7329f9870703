import { optionText, reportFailure, type CliContext } from '../context.js';
import { instantOption } from './ledger-args.js';

/** A whole-number option as the core takes it; anything else is passed on as typed, for the core to refuse with its own message. */
function idOption(context: CliContext, name: string): number | string | undefined {
  const text = optionText(context, name);
  return text !== undefined && /^\d{1,15}$/.test(text) ? Number(text) : text;
}

/** `station classify`: a recording, an ingest's recordings or an activity (check-out) kept apart at a level (Art. 14). */
export async function classifyCommand(context: CliContext): Promise<number> {
  const request = {
    level: optionText(context, 'level'),
    recordingId: idOption(context, 'recording'),
    ingestId: optionText(context, 'ingest'),
    checkoutId: idOption(context, 'checkout'),
  };
  const result = await context.station.call('confidentiality.classify', request, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  const receipt = result.value;
  if (context.options.json) context.out(JSON.stringify(receipt));
  else context.out(`classified: ${receipt.level}, ${receipt.recordings} recording(s)`);
  return 0;
}

/** `station grant`: the head lets a person see the state-secret footage of a recording or an ingest until a time. */
export async function grantCommand(context: CliContext): Promise<number> {
  const request = {
    personId: idOption(context, 'person'),
    recordingId: idOption(context, 'recording'),
    ingestId: optionText(context, 'ingest'),
    until: instantOption(context, 'until'),
  };
  const result = await context.station.call('confidentiality.grant', request, context.credentials);
  if (!result.ok) return reportFailure(context, result.error, 1);
  const grant = result.value;
  if (context.options.json) context.out(JSON.stringify(grant));
  else context.out(`granted: ${grant.name} may see ${grant.recordingId === null ? `ingest ${grant.ingestId}` : `recording ${grant.recordingId}`} until ${grant.until} (grant ${grant.id})`);
  return 0;
}
