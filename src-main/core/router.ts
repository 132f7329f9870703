import { z } from 'zod';
import { commands, fail, ok, type Caller, type CommandName, type CommandOutput, type Result } from '../contract/index.js';
import { StationError } from './errors.js';
import type { StationLog } from './log/index.js';

export type Handlers = {
  [K in CommandName]: (input: z.infer<(typeof commands)[K]['input']>, caller: Caller) => Promise<CommandOutput<K>> | CommandOutput<K>;
};

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** The one door into the core: parse, check the role, run, and wrap the outcome as a value. */
export function createRouter(handlers: Handlers, log: StationLog) {
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
      return ok(await handler(parsed.data, caller));
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
