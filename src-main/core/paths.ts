import { homedir } from 'node:os';
import { isAbsolute, join, normalize, sep } from 'node:path';
import { StationError } from './errors.js';

/**
 * True when `path` is `folder` itself or lies below it. Both must be absolute and normalised the
 * same way; a plain prefix test would take /media/card2 to be inside /media/card.
 */
export const isWithin = (path: string, folder: string, separator: string = sep): boolean =>
  path === folder || path.startsWith(folder.endsWith(separator) ? folder : folder + separator);

/**
 * A path as an operator types or pastes it, made absolute: surrounding quotes (a file manager's
 * "copy path" adds them) are stripped and a leading `~` is the home folder. A relative path is
 * refused: the station's working folder means nothing to the person typing it.
 */
export const typedPath = (typed: string, home: string = homedir()): string => {
  const trimmed = typed.trim();
  const unquoted = /^(["'])(.*)\1$/s.exec(trimmed)?.[2]?.trim() ?? trimmed;
  const expanded = unquoted === '~' ? home : /^~[\\/]/.test(unquoted) ? join(home, unquoted.slice(2)) : unquoted;
  if (!isAbsolute(expanded)) {
    throw new StationError('invalid-input', `"${typed}" is not a full path: give the whole path, e.g. /media/card or ~/card`, 'relative-path');
  }
  return normalize(expanded);
};
