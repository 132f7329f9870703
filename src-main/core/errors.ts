import type { ErrorCode } from '../contract/index.js';

/** A failure a handler means to report to the caller, with the code the contract gives it. */
export class StationError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
  }
}

/** An OS error as a person can read it: its code and what it says, without the call that failed. */
export const describe = (error: unknown): string => {
  const errno = error as NodeJS.ErrnoException;
  return errno?.code ? `${errno.code} (${errno.message.replace(/^\w+: /, '')})` : String(error);
};
