import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Station } from '../../core/station-api.js';
import { mediaTarget } from '../media-target.js';
import { openRegularFile } from '../served-file.js';
import { sendFile } from './file-route.js';
import { sendText } from './responses.js';

/** `GET /media/<recordingId>`: an archived recording for the player, with byte ranges; `/media/<id>/thumbnail`: its frame for the list. */
export async function handleMedia(req: IncomingMessage, res: ServerResponse, rest: string, station: Station): Promise<void> {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    sendText(res, 405, 'Method not allowed', { Allow: 'GET, HEAD' });
    return;
  }
  const target = mediaTarget(rest);
  const media = target === null ? null : target.thumbnail ? await station.thumbnailFile(target.id) : station.mediaFile(target.id);
  const file = media === null ? null : await openRegularFile(media.path);
  if (media === null || file === null) {
    sendText(res, 404, target?.thumbnail ? 'No thumbnail for this recording' : 'No such recording');
    return;
  }
  // Evidence must not linger in a browser's disk cache; nor may its frames.
  await sendFile(req, res, file, media.mime, { 'Cache-Control': 'no-store' });
}
