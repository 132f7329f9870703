import type { Station } from '../../core/station-api.js';
import { mediaTarget } from '../media-target.js';
import { openRegularFile } from '../served-file.js';
import { mediaHost } from './app-origin.js';
import { fileResponse, textResponse } from './file-response.js';

/** `media://recording/<id>` → the archived file, with byte ranges so the player can seek; `…/<id>/thumbnail` → its frame. */
export function mediaProtocolHandler(station: Pick<Station, 'mediaFile' | 'thumbnailFile'>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    const target = url.host === mediaHost ? mediaTarget(url.pathname.slice(1)) : null;
    const media = target === null ? null : target.thumbnail ? await station.thumbnailFile(target.id) : station.mediaFile(target.id);
    const file = media === null ? null : await openRegularFile(media.path);
    if (media === null || file === null) return textResponse(404, 'No such recording');
    return fileResponse(request, file, media.mime, { 'Cache-Control': 'no-store' });
  };
}
