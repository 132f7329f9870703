import type { IncomingMessage, ServerResponse } from 'node:http';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StationError } from '../../core/errors.js';
import type { Station } from '../../core/station-api.js';
import { openRegularFile } from '../served-file.js';
import { sendFile } from './file-route.js';
import { sendText } from './responses.js';

/** `GET /receipt/<ingestId>`: the ingest's receipt (交接单), printed fresh as a PDF for the browser to show. */
export async function handleReceipt(req: IncomingMessage, res: ServerResponse, ingestId: string, station: Station): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  if (!/^[\w-]{1,64}$/.test(ingestId)) {
    sendText(res, 404, 'No such ingest');
    return;
  }
  const folder = await mkdtemp(join(tmpdir(), 'station-receipt-'));
  try {
    const path = join(folder, 'receipt.pdf');
    try {
      await station.writeReceipt(ingestId, path);
    } catch (error) {
      if (error instanceof StationError && error.code === 'not-found') sendText(res, 404, 'No such ingest');
      else sendText(res, 500, `The receipt could not be printed: ${(error as Error).message}`);
      return;
    }
    const file = await openRegularFile(path);
    if (file === null) throw new Error('the printed receipt is gone');
    await sendFile(req, res, file, 'application/pdf', {
      'Cache-Control': 'no-store',
      'Content-Disposition': `inline; filename="receipt-${ingestId}.pdf"`,
    });
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}
