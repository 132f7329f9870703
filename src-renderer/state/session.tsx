import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { SessionStatus } from '../../src-main/contract/index.js';
import { ApiContext, useApi } from '../api/context.js';
import type { CommandError, CommandName, StationApi } from '../api/types.js';
import { hasRole } from './roles.js';

export interface Session {
  status: SessionStatus;
  /** Takes the status a session command answered with (sign-in, sign-out, lock, unlock). */
  apply(status: SessionStatus): void;
  /** Asks the station again where this page's user stands. */
  refresh(): void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** Whether the People page is offered: to admins, and to anyone while the station runs open. */
export const managesPeople = (status: SessionStatus): boolean => hasRole(status, ['admin']);
export const readsAudit = (status: SessionStatus): boolean => hasRole(status, ['head', 'auditor', 'admin']);

/** The sign-off page: the signers, and those who read its outcome (the clerk reads a rejection's reason there); every role but the officer. */
export const readsSignoff = (status: SessionStatus): boolean => hasRole(status, ['clerk', 'lead', 'head', 'auditor', 'admin']);

/** The work records page (Art. 12): the same people as the sign-off page; officers seldom have an account. */
export const readsWorkRecords = readsSignoff;

/**
 * A refusal that says this page's standing changed (signed out elsewhere, the session ended, or
 * the core locked it after the idle time): the page asks for the status again. A failed sign-in
 * says nothing new, and the status itself is what is being asked.
 */
const refusedForSession = (name: CommandName, error: CommandError): boolean =>
  (error.code === 'unauthenticated' || error.code === 'session-locked') && name !== 'session.signIn' && name !== 'session.status';

/** Every command the page runs goes through this, so any refusal for the session is noticed. */
function watched(api: StationApi, onRefused: () => void): StationApi {
  return {
    ...api,
    async call(name, input) {
      const result = await api.call(name, input);
      if (!result.ok && refusedForSession(name, result.error)) onRefused();
      return result;
    },
  };
}

type Load = { state: 'loading' } | { state: 'failed'; error: CommandError } | { state: 'ready'; session: Session };

/**
 * Where this page's user stands, asked at start and again after any command is refused for the
 * session. Children get an api that reports those refusals here.
 */
export function SessionProvider({ children }: { children: (load: Load) => ReactNode }) {
  const api = useApi();
  const [status, setStatus] = useState<SessionStatus | null>(null);
  const [error, setError] = useState<CommandError | null>(null);
  const asking = useRef(false);
  const refresh = useCallback(() => {
    // Several queries refused at once ask once.
    if (asking.current) return;
    asking.current = true;
    void api.call('session.status', {}).then((result) => {
      asking.current = false;
      if (result.ok) {
        setStatus(result.value);
        setError(null);
      } else setError(result.error);
    });
  }, [api]);
  useEffect(refresh, [refresh]);
  const watchedApi = useMemo(() => watched(api, refresh), [api, refresh]);
  const session = useMemo(() => (status ? { status, apply: setStatus, refresh } : null), [status, refresh]);
  const load: Load = session ? { state: 'ready', session } : error ? { state: 'failed', error } : { state: 'loading' };
  return (
    <ApiContext.Provider value={watchedApi}>
      <SessionContext.Provider value={session}>{children(load)}</SessionContext.Provider>
    </ApiContext.Provider>
  );
}
