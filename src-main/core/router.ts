import { z } from 'zod';
import {
  audited,
  commands,
  fail,
  ok,
  publicCommands,
  type Caller,
  type CommandName,
  type CommandOutput,
  type Credentials,
  type Result,
} from '../contract/index.js';
import type { AuditTrail } from './audit/index.js';
import { writeTransaction, type Database } from './db/index.js';
import { StationError } from './errors.js';
import type { StationLog } from './log/index.js';
import type { Identity } from './people/index.js';

export type Handlers = {
  [K in CommandName]: (
    input: z.infer<(typeof commands)[K]['input']>,
    caller: Caller,
    /** What the host handed in: only the session's own commands look at it. */
    credentials: Credentials,
  ) => Promise<CommandOutput<K>> | CommandOutput<K>;
};

/** Who is asking: a signed-in person, or the host's identity while the station runs open. */
export interface Identify {
  (credentials: Credentials): Promise<Identity>;
}

const isCommandName = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** What an audit row names as the object: `device:3` (asked for, or just made), `recording:12`, `checkout:5`, `ingest:<id>`, `setting`. */
function objectOf(name: string, input: Record<string, unknown>, output: unknown): string {
  const checkoutId = input.checkoutId ?? (output as { checkoutId?: unknown } | null)?.checkoutId;
  if (typeof checkoutId === 'number') return `checkout:${checkoutId}`;
  const kind = name.slice(0, name.indexOf('.')).replace(/s$/, '');
  if (typeof input.recordingId === 'number') return `recording:${input.recordingId}`;
  if (typeof input.ingestId === 'string') return `ingest:${input.ingestId}`;
  if (typeof input.id === 'number') return `${kind}:${input.id}`;
  const made = (output as { id?: unknown } | null)?.id;
  return typeof made === 'number' ? `${kind}:${made}` : kind;
}

/**
 * A view of confidential footage says at which level it was seen (Art. 14): the handlers of
 * `recordings.get` and `recordings.play` answer with the recording's effective level.
 */
function detailsOf(kind: 'change' | 'view', input: unknown, output: unknown): Record<string, unknown> {
  const level = kind === 'view' ? (output as { confidentiality?: unknown } | null)?.confidentiality : undefined;
  return typeof level === 'string' && level !== 'none' ? { kind, input, level } : { kind, input };
}

/** The caller of a command that needs no sign-in, when the host gave no identity of its own. */
const nobody: Caller = { name: 'nobody', role: 'officer', personId: null };

/** A host's identity alone, as tests and hosts without accounts give it: the station runs open. */
const openIdentity: Identify = (credentials) => {
  if ('role' in credentials) return Promise.resolve({ name: credentials.name, roles: [credentials.role], personId: credentials.personId ?? null });
  if (credentials.openAs) return Promise.resolve({ name: credentials.openAs.name, roles: [credentials.openAs.role], personId: null });
  return Promise.reject(new StationError('unauthenticated', 'nobody is signed in'));
};

/**
 * The one door into the core: parse, find out who is asking, check their role, run, and wrap the
 * outcome as a value. An audited command runs in one transaction with its audit row (the change
 * and its record together).
 */
export function createRouter(
  handlers: Handlers,
  log: StationLog,
  audit: { db: Database; trail: AuditTrail | null } | null = null,
  identify: Identify = openIdentity,
) {
  const run = (name: CommandName, input: unknown, caller: Caller, credentials: Credentials): unknown => {
    const handler = handlers[name] as (input: unknown, caller: Caller, credentials: Credentials) => unknown;
    const kind = audited[name];
    const trail = audit?.trail ?? null;
    if (kind === undefined || audit === null || trail === null) return handler(input, caller, credentials);
    return writeTransaction(audit.db, () => {
      const output = handler(input, caller, credentials);
      if (output instanceof Promise) throw new Error(`${name} is audited in its transaction and must answer synchronously`);
      trail.record({ actor: caller.name, role: caller.role, action: name, object: objectOf(name, input as Record<string, unknown>, output), details: detailsOf(kind, input, output) });
      return output;
    });
  };

  /** The caller a command runs as: the first of the person's roles the command allows. */
  async function callerFor(name: CommandName, credentials: Credentials): Promise<Caller> {
    if (publicCommands.has(name)) return 'role' in credentials ? credentials : (credentials.openAs ?? nobody);
    const identity = await identify(credentials);
    const role = identity.roles.find((held) => commands[name].roles.includes(held));
    if (role === undefined) {
      throw new StationError('forbidden', `${identity.roles.join(', ') || 'nobody'} may not run ${name}`);
    }
    return identity.personId === null ? { name: identity.name, role } : { name: identity.name, role, personId: identity.personId };
  }

  async function dispatch(name: string, input: unknown, credentials: Credentials): Promise<Result<unknown>> {
    if (!isCommandName(name)) return fail('unknown-command', `unknown command: ${name}`);
    try {
      const caller = await callerFor(name, credentials);
      const parsed = commands[name].input.safeParse(input ?? {});
      if (!parsed.success) return fail('invalid-input', z.prettifyError(parsed.error));
      return ok(await run(name, parsed.data, caller, credentials));
    } catch (error) {
      if (error instanceof StationError) return fail(error.code, error.message, error.errorCause);
      log.error('command.failed', error, { command: name });
      return fail('internal', error instanceof Error ? error.message : String(error));
    }
  }

  return {
    dispatch,
    call: <K extends CommandName>(name: K, input: unknown, credentials: Credentials) =>
      dispatch(name, input, credentials) as Promise<Result<CommandOutput<K>>>,
  };
}
