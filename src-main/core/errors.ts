import type { ErrorCause, ErrorCode } from '../contract/index.js';

/** A failure a handler means to report to the caller, with the code the contract gives it. */
export class StationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Not `cause`: Error.cause is the underlying error, this is the contract's ErrorCause. */
    readonly errorCause?: ErrorCause,
  ) {
    super(message);
  }
}

/** An OS error as a person can read it: its code and what it says, without the call that failed. */
export const describe = (error: unknown): string => {
  const errno = error as NodeJS.ErrnoException;
  return errno?.code ? `${errno.code} (${errno.message.replace(/^\w+: /, '')})` : String(error);
};

/** The OS errors whose remedy the operator can act on, as the contract's causes; others have none. */
export const osCause = (error: unknown): ErrorCause | undefined => {
  switch ((error as NodeJS.ErrnoException)?.code) {
    case 'EACCES':
    case 'EPERM':
      return 'no-permission';
    case 'ENOENT':
      return 'not-there';
    case 'ENOTDIR':
      return 'not-a-folder';
    default:
      return undefined;
  }
};
