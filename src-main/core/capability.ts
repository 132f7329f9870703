import type { CommandName } from '../contract/index.js';
import type { Handlers } from './router.js';

/**
 * One capability of the station (ingest, devices, recordings, ...): the handlers of its commands,
 * and `start`/`stop` when it has a lifetime. The station starts them in the order it lists them
 * and stops them in reverse.
 */
export interface Capability<K extends CommandName = never> {
  readonly handlers: Pick<Handlers, K>;
  start?(): Promise<void>;
  stop?(): Promise<void>;
}

/** Every command's handler, from the capabilities that own them; a command nobody handles is a bug. */
export function collectHandlers(capabilities: readonly Capability[], names: readonly CommandName[]): Handlers {
  const handlers: Partial<Handlers> = {};
  for (const capability of capabilities) {
    for (const [name, handler] of Object.entries(capability.handlers)) {
      if (Object.hasOwn(handlers, name)) throw new Error(`two capabilities handle ${name}`);
      Object.assign(handlers, { [name]: handler });
    }
  }
  const missing = names.filter((name) => !Object.hasOwn(handlers, name));
  if (missing.length > 0) throw new Error(`no capability handles ${missing.join(', ')}`);
  return handlers as Handlers;
}
