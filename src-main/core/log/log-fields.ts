import { inspect, types } from 'node:util';

/** Keys a line has of its own (pino adds `msg` with an error's message); a field of the same name would make a second key in the JSON object. */
const lineKeys = new Set(['level', 'time', 'pid', 'event', 'err', 'msg']);

/**
 * The fields of one line: `event`, then the caller's. A caller's field named like a key the
 * line already has is kept as `field.<name>`, so it can neither hide nor fake the line's own.
 */
export function lineFields(event: string, fields: Record<string, unknown> | undefined): Record<string, unknown> {
  // The event first, so a reader of the raw file sees what happened before the details.
  const line: Record<string, unknown> = { event };
  for (const [key, value] of Object.entries(fields ?? {})) {
    line[lineKeys.has(key) ? `field.${key}` : key] = value;
  }
  return line;
}

/**
 * Something thrown that is not an Error (a string, a plain object). It has no stack to record:
 * the stack is left empty rather than pointing at the log call, which would mislead.
 */
class ThrownValue extends Error {
  override name = 'ThrownValue';
  readonly thrownType: string;

  constructor(value: unknown) {
    super(inspect(value, { depth: 4, breakLength: Infinity }));
    this.thrownType = typeof value;
    this.stack = undefined;
  }
}

/** What to hand pino's `err` serializer: an Error as it is (message, stack, code, causes), anything else wrapped. */
export function loggableError(error: unknown): Error {
  if (error instanceof Error) return error;
  // An Error from another realm (a worker's, a vm context's) fails instanceof but is still one.
  if (types.isNativeError(error)) return error as Error;
  return new ThrownValue(error);
}
