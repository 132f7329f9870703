import { toAbsolute } from '../archive/index.js';
import type { Recording } from '../../contract/index.js';
import type { Capability } from '../capability.js';
import { hiddenRecordings, requireSight } from '../confidentiality/index.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import type { MediaFile } from '../station-api.js';
import { mimeTypeFor } from './mime.js';
import { officerAndMark } from '../recorder-names/index.js';
import { getRecording, listRecordings, recordingFile, recordingsWithUnreadNames, saveNameFields } from './recording-store.js';
import { writeTransaction } from '../db/index.js';

export interface RecordingsModule extends Capability<'recordings.list' | 'recordings.get' | 'recordings.play' | 'recordings.thumbnail'> {
  /** An archived file a host may stream for playback. */
  mediaFile(recordingId: number): MediaFile | null;
}

/**
 * `recordings.*`: the index of every archived recording, and its files for playback. Confidential
 * footage (Art. 14) is listed masked to those who may not see it, and not opened, played or drawn for them.
 */
export function recordingsModule(
  { db, dataDir, zone, iso, settings, log, now }: Pick<StationServices, 'db' | 'dataDir' | 'zone' | 'iso' | 'settings' | 'log' | 'now'>,
  /** The standing sign-off of each decided ingest (late-bound: the signoff capability is made after this one). */
  signoffs: () => ReadonlyMap<string, Recording['signoff']>,
): RecordingsModule {
  const withSignoff = <T extends Recording>(recording: T, standing: ReadonlyMap<string, Recording['signoff']>): T => ({
    ...recording,
    signoff: standing.get(recording.ingestId) ?? null,
  });
  return {
    // Recordings archived before the index kept the officer number and the important mark.
    async start() {
      const unread = recordingsWithUnreadNames(db);
      if (unread.length === 0) return;
      const patterns = settings().namePatterns;
      writeTransaction(db, () => {
        for (const { id, originalPath } of unread) saveNameFields(db, id, officerAndMark(originalPath, patterns));
      });
      log.info('recordings.names-read', { count: unread.length });
    },
    handlers: {
      'recordings.list': (query, caller) => {
        const page = listRecordings(db, dataDir, query, { zone, iso, hidden: hiddenRecordings(db, caller, now()) });
        const standing = signoffs();
        return { ...page, rows: page.rows.map((row) => withSignoff(row, standing)) };
      },
      'recordings.get': ({ id }, caller) => {
        requireSight(db, caller, id, now());
        const detail = getRecording(db, dataDir, id, { zone, iso, namePatterns: settings().namePatterns });
        if (!detail) throw new StationError('not-found', `no recording ${id}`);
        return withSignoff(detail, signoffs());
      },
      'recordings.play': ({ id }, caller) => ({ id, confidentiality: requireSight(db, caller, id, now()) }),
      'recordings.thumbnail': ({ id }, caller) => {
        requireSight(db, caller, id, now());
        return { id };
      },
    },
    mediaFile(recordingId) {
      const file = recordingFile(db, recordingId);
      if (!file) return null;
      return { path: toAbsolute(dataDir, file.archivePath), size: file.size, mime: mimeTypeFor(file.name) };
    },
  };
}
