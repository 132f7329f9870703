import { stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Capability } from '../capability.js';
import { thumbnailSource } from '../recordings/index.js';
import type { StationServices } from '../services.js';
import type { MediaFile } from '../station-api.js';
import { createThumbnailMaker } from './thumbnail-maker.js';

/** Cached frames live beside the archive, never inside a bag: they are not evidence. */
const thumbnailFolder = 'thumbnails';

export interface ThumbnailsModule extends Capability {
  /** A small JPEG of a video recording for the list, or null (not a video, or no frame to draw). */
  thumbnailFile(recordingId: number): Promise<MediaFile | null>;
}

export function thumbnailsModule({ db, dataDir }: Pick<StationServices, 'db' | 'dataDir'>): ThumbnailsModule {
  const maker = createThumbnailMaker(join(dataDir, thumbnailFolder));
  return {
    handlers: {},
    async thumbnailFile(recordingId) {
      const source = thumbnailSource(db, dataDir, recordingId);
      if (!source) return null;
      const path = await maker.thumbnail(source);
      return path === null ? null : { path, size: (await stat(path)).size, mime: 'image/jpeg' };
    },
  };
}
