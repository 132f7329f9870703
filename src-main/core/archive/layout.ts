import { join, relative, sep } from 'node:path';

/** Where things live inside the data folder; stored paths are relative to it and use '/'. */
export const archiveFolder = 'archive';
export const partialSuffix = '.partial';

export const ingestArchiveDir = (ingestId: string): string => `${archiveFolder}/${ingestId}`;

/** A file keeps its original relative path under the bag's data/ folder. */
export const archivedFilePath = (ingestId: string, sourceRelative: string): string =>
  `${ingestArchiveDir(ingestId)}/data/${sourceRelative}`;

export const toAbsolute = (dataDir: string, stored: string): string => join(dataDir, ...stored.split('/'));

export const toStored = (dataDir: string, absolute: string): string => relative(dataDir, absolute).split(sep).join('/');
