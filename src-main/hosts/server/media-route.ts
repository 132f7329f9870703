import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../../core/station-api.js';
import { openRegularFile } from '../served-file.js';
import { sendFile } from './file-route.js';
import { sendText } from './responses.js';

/** `GET /media/<recordingId>`: an archived recording for the player, with byte ranges. */
export async function handleMedia(req: IncomingMessage, res: ServerResponse, idText: string, station: Station): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const id = /^\d{1,15}$/.test(idText) ? Number(idText) : null;
  const media = id === null ? null : station.mediaFile(id);
  const file = media === null ? null : await openRegularFile(media.path);
  if (media === null || file === null) {
    sendText(res, 404, 'No such recording');
    return;
  }
  // Evidence must not linger in a browser's disk cache.
  await sendFile(req, res, file, media.mime, { 'Cache-Control': 'no-store' });
}
