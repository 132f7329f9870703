import { sep } from 'node:path';

/**
 * True when `path` is `folder` itself or lies below it. Both must be absolute and normalised the
 * same way; a plain prefix test would take /media/card2 to be inside /media/card.
 */
export const isWithin = (path: string, folder: string, separator: string = sep): boolean =>
  path === folder || path.startsWith(folder.endsWith(separator) ? folder : folder + separator);
