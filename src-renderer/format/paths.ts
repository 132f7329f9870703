function isAbsolute(path: string): boolean {
  return path.startsWith('/') || path.startsWith('\\\\') || /^[A-Za-z]:[\\/]/.test(path);
}

/**
 * A folder entry from `sources.browse` as a full path. The station sends full paths; a bare name
 * is joined with whichever separator the listed folder uses (the station may run on Windows).
 */
export function entryPath(folder: string, entry: string): string {
  if (isAbsolute(entry)) return entry;
  const separator = folder.includes('\\') && !folder.includes('/') ? '\\' : '/';
  return folder.endsWith(separator) ? `${folder}${entry}` : `${folder}${separator}${entry}`;
}

/** The last part of a path, for lists where the whole path would crowd the row. */
export function baseName(path: string): string {
  const parts = path.split(/[\\/]/).filter((part) => part.length > 0);
  return parts[parts.length - 1] ?? path;
}
