import { resolve } from 'node:path';
import { StationError } from '../../../core/errors.js';
import { reportFailure, type CliContext } from '../context.js';

/** `station receipt <ingestId> [--out FILE]`: the ingest's 交接单 as a PDF, to print and sign. */
export async function receiptCommand(context: CliContext): Promise<number> {
  const [ingestId] = context.args;
  if (!ingestId) return reportFailure(context, { code: 'invalid-input', message: 'name the ingest: station receipt <ingestId>' });
  // Through the router first: who is asking, whether they may have this ingest's receipt, and the audit row that they did.
  const allowed = await context.station.call('ingest.receipt', { ingestId }, context.credentials);
  if (!allowed.ok) return reportFailure(context, allowed.error);
  const path = resolve(context.options.out ?? `receipt-${ingestId}.pdf`);
  try {
    await context.station.writeReceipt(ingestId, path);
  } catch (error) {
    if (error instanceof StationError) return reportFailure(context, { code: error.code, message: error.message });
    return reportFailure(context, { code: 'internal', message: `cannot print the receipt: ${(error as Error).message}` });
  }
  if (context.options.json) context.out(JSON.stringify({ ingestId, path }));
  else context.out(path);
  return 0;
}
