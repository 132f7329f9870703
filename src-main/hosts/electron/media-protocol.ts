import type { Result } from '../../contract/index.js';
import type { Station } from '../../core/station-api.js';
import { mediaTarget } from '../media-target.js';
import { openRegularFile } from '../served-file.js';
import { mediaHost } from './app-origin.js';
import { fileResponse, textResponse } from './file-response.js';

/**
 * A player reads one recording in many range requests while it plays and seeks; a playback is
 * recorded once, and recorded again once it has gone this long without a request (a new viewing).
 * Whatever a request's range says, a recording not being played already is a new playback.
 */
const playbackQuietMs = 10 * 60_000;

/**
 * `media://recording/<id>` → the archived file, with byte ranges so the player can seek; `…/<id>/thumbnail` → its frame.
 * `ask` runs a command as the window's signed-in person first: a playback is `recordings.play`
 * (checked and recorded in the audit chain), a further request of it needs a sign-in, a frame
 * `recordings.thumbnail` (the caller may see the recording).
 */
export function mediaProtocolHandler(
  station: Pick<Station, 'mediaFile' | 'thumbnailFile'>,
  ask: (name: string, input: unknown) => Promise<Result<unknown>>,
  now: () => number = Date.now,
): (request: Request) => Promise<Response> {
  /** When each recording being played was last asked for. */
  const playing = new Map<number, number>();
  const isPlaying = (id: number): boolean => now() - (playing.get(id) ?? -Infinity) < playbackQuietMs;
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return textResponse(405, 'Method not allowed');
    const url = new URL(request.url);
    const target = url.host === mediaHost ? mediaTarget(url.pathname.slice(1)) : null;
    if (target !== null) {
      const allowed = target.thumbnail
        ? await ask('recordings.thumbnail', { id: target.id })
        : isPlaying(target.id)
          ? await ask('station.info', {})
          : await ask('recordings.play', { id: target.id });
      if (!allowed.ok) return textResponse(allowed.error.code === 'not-found' ? 404 : 403, allowed.error.message);
      if (!target.thumbnail) playing.set(target.id, now());
    }
    const media = target === null ? null : target.thumbnail ? await station.thumbnailFile(target.id) : station.mediaFile(target.id);
    const file = media === null ? null : await openRegularFile(media.path);
    if (media === null || file === null) return textResponse(404, 'No such recording');
    return fileResponse(request, file, media.mime, { 'Cache-Control': 'no-store' });
  };
}
