import { z } from 'zod';
import { audited, commands, fail, ok, type Caller, type CommandName, type CommandOutput, type Result } from '../contract/index.js';
import type { AuditTrail } from './audit/index.js';
import type { Database } from './db/index.js';
import { StationError } from './errors.js';
import type { StationLog } from './log/index.js';

export type Handlers = {
  [K in CommandName]: (input: z.infer<(typeof commands)[K]['input']>, caller: Caller) => Promise<CommandOutput<K>> | CommandOutput<K>;
};

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** What an audit row names as the object: `device:3` (asked for, or just made), `recording:12`, `setting`. */
function objectOf(name: string, input: Record<string, unknown>, output: unknown): string {
  const kind = name.slice(0, name.indexOf('.')).replace(/s$/, '');
  if (typeof input.id === 'number') return `${kind}:${input.id}`;
  const made = (output as { id?: unknown } | null)?.id;
  return typeof made === 'number' ? `${kind}:${made}` : kind;
}

/**
 * The one door into the core: parse, check the role, run, and wrap the outcome as a value. An
 * audited command runs in one transaction with its audit row (the change and its record together).
 */
export function createRouter(handlers: Handlers, log: StationLog, audit: { db: Database; trail: AuditTrail | null } | null = null) {
  const run = (name: CommandName, handler: (input: unknown, caller: Caller) => unknown, input: unknown, caller: Caller): unknown => {
    const kind = audited[name];
    const trail = audit?.trail ?? null;
    if (kind === undefined || audit === null || trail === null) return handler(input, caller);
    return audit.db.transaction(() => {
      const output = handler(input, caller);
      if (output instanceof Promise) throw new Error(`${name} is audited in its transaction and must answer synchronously`);
      trail.record({ actor: caller.name, role: caller.role, action: name, object: objectOf(name, input as Record<string, unknown>, output), details: { kind, input } });
      return output;
    })();
  };

  async function dispatch(name: string, input: unknown, caller: Caller): Promise<Result<unknown>> {
    if (!isCommandName(name)) return fail('unknown-command', `unknown command: ${name}`);
    const spec = commands[name];
    if (!spec.roles.includes(caller.role)) {
      return fail('forbidden', `${caller.role} may not run ${name}`);
    }
    const parsed = spec.input.safeParse(input ?? {});
    if (!parsed.success) return fail('invalid-input', z.prettifyError(parsed.error));
    try {
      const handler = handlers[name] as (input: unknown, caller: Caller) => unknown;
      return ok(await run(name, handler, parsed.data, caller));
    } catch (error) {
      if (error instanceof StationError) return fail(error.code, error.message, error.errorCause);
      log.error('command.failed', error, { command: name });
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    dispatch,
    call: <K extends CommandName>(name: K, input: unknown, caller: Caller) =>
      dispatch(name, input, caller) as Promise<Result<CommandOutput<K>>>,
  };
}
