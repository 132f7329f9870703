import { ok, type Caller, type Result } from '../contract/index.js';
import type { Station } from '../core/station-api.js';

/**
 * What a host keeps for its page: the session id of whoever signed in there. The page never sees
 * it (the desktop keeps it in the main process, browser mode in an HttpOnly cookie), so a script
 * in the page cannot carry it off.
 */
export interface HeldSession {
  get(): string | null;
  set(session: string | null): void;
}

/**
 * Passes a command from the page to the core with the held session, and the host's identity for
 * while the station runs open. A sign-in's new session is kept and answered to the page as null;
 * a sign-out forgets it.
 */
export async function dispatchWithSession(station: Station, name: string, input: unknown, held: HeldSession, openAs: Caller): Promise<Result<unknown>> {
  const session = held.get();
  const result = await station.dispatch(name, input, { openAs, ...(session === null ? {} : { session }) });
  if (name === 'session.signIn' && result.ok) {
    const value = result.value as { session: string | null; status: unknown };
    held.set(value.session);
    return ok({ ...value, session: null });
  }
  if (name === 'session.signOut' && result.ok) held.set(null);
  return result;
}

/** The desktop's: one window, one person signed in, kept in the main process's memory. */
export function heldInMemory(): HeldSession {
  let session: string | null = null;
  return {
    get: () => session,
    set: (next) => (session = next),
  };
}
