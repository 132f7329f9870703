/**
 * The station explains a skipped or failed file in English words (the contract carries a
 * sentence, not a code). The sentences it uses are recognised by their opening words so the
 * interface can say them in the user's language; anything else is shown as the station said it.
 */
const knownReasons: readonly (readonly [prefix: string, key: string])[] = [
  ['operating-system file', 'reasons.litter'],
  ['symbolic link: not followed', 'reasons.symlink'],
  ['named pipe (FIFO): never opened', 'reasons.fifo'],
  ['socket: never opened', 'reasons.socket'],
  ['device node: never opened', 'reasons.deviceNode'],
  ['not a regular file', 'reasons.notRegular'],
  ['folder unreadable', 'reasons.folderUnreadable'],
  ['cannot read file information', 'reasons.statFailed'],
  ['copy failed', 'reasons.copyFailed'],
  ['not copied', 'reasons.notCopied'],
];

export interface ReasonParts {
  /** Locale key for the recognised sentence, or null to show `detail` alone. */
  key: string | null;
  /** What follows the recognised words (an OS error, a path), or the whole sentence. */
  detail: string;
}

export function reasonParts(reason: string): ReasonParts {
  for (const [prefix, key] of knownReasons) {
    if (reason.startsWith(prefix)) return { key, detail: reason.slice(prefix.length).replace(/^[\s:]+/, '') };
  }
  return { key: null, detail: reason };
}

export const reasonKeys: readonly string[] = knownReasons.map(([, key]) => key);
