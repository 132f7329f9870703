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
] as const;
export const ErrorCode = z.enum(errorCodes);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const CommandError = z.object({ code: ErrorCode, message: z.string() });
export type CommandError = z.infer<typeof CommandError>;

/** Results cross IPC and HTTP as values, never as thrown strings. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({
  ok: false,
  error: { code, message },
});
