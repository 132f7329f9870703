import { toAbsolute } from '../archive/index.js';
import type { Capability } from '../capability.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import type { MediaFile } from '../station-api.js';
import { mimeTypeFor } from './mime.js';
import { getRecording, listRecordings, recordingFile } from './recording-store.js';

export interface RecordingsModule extends Capability<'recordings.list' | 'recordings.get'> {
  /** An archived file a host may stream for playback. */
  mediaFile(recordingId: number): MediaFile | null;
}

/** `recordings.*`: the index of every archived recording, and its files for playback. */
export function recordingsModule({ db, dataDir, iso }: Pick<StationServices, 'db' | 'dataDir' | 'iso'>): RecordingsModule {
  return {
    handlers: {
      'recordings.list': (query) => listRecordings(db, dataDir, query, iso),
      'recordings.get': ({ id }) => {
        const detail = getRecording(db, dataDir, id, iso);
        if (!detail) throw new StationError('not-found', `no recording ${id}`);
        return detail;
      },
    },
    mediaFile(recordingId) {
      const file = recordingFile(db, recordingId);
      if (!file) return null;
      return { path: toAbsolute(dataDir, file.archivePath), size: file.size, mime: mimeTypeFor(file.name) };
    },
  };
}
