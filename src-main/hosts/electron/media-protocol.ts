import type { Result } from '../../contract/index.js';
import type { Station } from '../../core/station-api.js';
import { mediaTarget } from '../media-target.js';
import { openRegularFile } from '../served-file.js';
import { mediaHost } from './app-origin.js';
import { fileResponse, textResponse } from './file-response.js';

/** A player's first request: no range, or one from the first byte (later ones seek within a playback). */
const startsPlayback = (request: Request): boolean => {
  const range = request.headers.get('range');
  return range === null || /^bytes=0-/.test(range);
};

/**
 * `media://recording/<id>` → the archived file, with byte ranges so the player can seek; `…/<id>/thumbnail` → its frame.
 * `ask` runs a command as the window's signed-in person first: a playback's start is
 * `recordings.play` (checked and recorded in the audit chain), anything else needs a sign-in.
 */
export function mediaProtocolHandler(
  station: Pick<Station, 'mediaFile' | 'thumbnailFile'>,
  ask: (name: string, input: unknown) => Promise<Result<unknown>>,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    const target = url.host === mediaHost ? mediaTarget(url.pathname.slice(1)) : null;
    if (target !== null) {
      const allowed = target.thumbnail || !startsPlayback(request) ? await ask('station.info', {}) : await ask('recordings.play', { id: target.id });
      if (!allowed.ok) return textResponse(allowed.error.code === 'not-found' ? 404 : 403, allowed.error.message);
    }
    const media = target === null ? null : target.thumbnail ? await station.thumbnailFile(target.id) : station.mediaFile(target.id);
    const file = media === null ? null : await openRegularFile(media.path);
    if (media === null || file === null) return textResponse(404, 'No such recording');
    return fileResponse(request, file, media.mime, { 'Cache-Control': 'no-store' });
  };
}
