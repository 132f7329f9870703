import { z } from 'zod';

/** Every failure that crosses a host boundary carries one of these codes. */
export const errorCodes = [
  'invalid-input',
  'forbidden',
  'not-found',
  'unknown-command',
  'source-unreadable',
  'source-empty',
  'disk-full',
  'busy',
  'internal',
  /** Accounts exist and the caller is not signed in (or gave a wrong login or password). */
  'unauthenticated',
  /** Five failed sign-ins in a row: the account waits five minutes. */
  'locked',
  /** The session went idle past the setting: the same person's password opens it again. */
  'session-locked',
  /** Check-out: the recorder is not registered, not in service, or already out. */
  'device-unavailable',
  /** Check-out: no active person holds that officer number. */
  'unknown-officer',
  /** Check-out: one of Art. 7's pre-use checks was answered `fail`. */
  'pre-use-check-failed',
  /** A signed (approved) ingest is sealed: its records and bag no longer change; a correction is a new record. */
  'sealed',
  /** Confidential recordings leave the station only with the head's signed approval (Art. 14). */
  'approval-needed',
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

/**
 * What exactly went wrong, where the code alone leaves the operator guessing what to do: the
 * interface says it in the user's language; `message` keeps the station's own (English) words.
 */
export const errorCauses = [
  'relative-path',
  'no-permission',
  'not-there',
  'not-a-folder',
  'serial-taken',
  // Discs (issue 10): what stops a plan or a burn, so the disc staff know what to change.
  'too-big-for-medium',
  'no-disc',
  'tray-open',
  'wrong-medium',
  'not-blank',
  'disc-full',
] as const;
export const ErrorCause = z.enum(errorCauses);
export type ErrorCause = z.infer<typeof ErrorCause>;

export const CommandError = z.object({ code: ErrorCode, message: z.string(), cause: ErrorCause.optional() });
export type CommandError = z.infer<typeof CommandError>;

/** Results cross IPC and HTTP as values, never as thrown strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string, cause?: ErrorCause): Result<never> => ({
  ok: false,
  error: cause === undefined ? { code, message } : { code, message, cause },
});
