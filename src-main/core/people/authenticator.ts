import type { Caller, Credentials, Person, Role, SessionStatus, Settings } from '../../contract/index.js';
import { StationError } from '../errors.js';
import { hasAdminAccount, personById } from './people-store.js';
import type { SessionRegistry, Session } from './session-registry.js';
import { checkPassword, recordSessionEvent, type PasswordCheckEnv } from './sign-in.js';

/** Who is asking, before the router picks which of their roles the command runs under. */
export interface Identity {
  name: string;
  roles: readonly Role[];
  personId: number | null;
}

/** A bare Caller is a host's own identity: honoured only while the station runs open. */
const isHostIdentity = (credentials: Credentials): credentials is Caller => 'role' in credentials;

/**
 * Turns what a host hands in into a person, or a refusal: `unauthenticated` (nobody signed in, or
 * a wrong password), `locked` (five wrong passwords), `session-locked` (idle past the setting).
 */
export class Authenticator {
  constructor(
    private readonly env: PasswordCheckEnv & { settings: () => Settings },
    private readonly sessions: SessionRegistry,
  ) {}

  /** No admin account yet: commands run as the host's identity, as before accounts existed. */
  isOpen(): boolean {
    return !hasAdminAccount(this.env.db);
  }

  async identify(credentials: Credentials): Promise<Identity> {
    if (isHostIdentity(credentials)) return this.openIdentity(credentials);
    if (credentials.login !== undefined && credentials.password !== undefined) {
      return identityOf(await checkPassword(this.env, credentials.login, credentials.password, 'session.sign-in'));
    }
    const session = credentials.session === undefined ? null : this.sessions.find(credentials.session);
    if (session) return identityOf(this.activeSessionPerson(session));
    return this.openIdentity(credentials.openAs);
  }

  /** Where the host's user stands, without counting as activity. */
  status(credentials: Credentials): SessionStatus {
    const idleLockMinutes = this.env.settings().idleLockMinutes;
    const session = !isHostIdentity(credentials) && credentials.session !== undefined ? this.sessions.find(credentials.session) : null;
    const person = session ? personById(this.env.db, session.personId) : null;
    if (session && person?.active) {
      return { state: session.locked || this.idle(session) ? 'locked' : 'signed-in', person, idleLockMinutes };
    }
    return { state: this.isOpen() ? 'open' : 'signed-out', person: null, idleLockMinutes };
  }

  private openIdentity(host: Caller | undefined): Identity {
    if (host === undefined || !this.isOpen()) throw new StationError('unauthenticated', 'sign in first: this station has accounts');
    return { name: host.name, roles: [host.role], personId: host.personId ?? null };
  }

  private activeSessionPerson(session: Session): Person {
    const person = personById(this.env.db, session.personId);
    if (!person?.active) throw new StationError('unauthenticated', 'this account is no longer active: sign in again');
    if (!session.locked && this.idle(session)) {
      session.locked = true;
recordSessionEvent(this.env, person, 'session.locked', { reason: 'idle' });
    }
    if (session.locked) throw new StationError('session-locked', 'the session is locked: enter your password to go on');
    session.lastActiveAt = this.env.now();
    return person;
  }

  private idle(session: Session): boolean {
    return this.env.now() - session.lastActiveAt > this.env.settings().idleLockMinutes * 60_000;
  }
}

export const identityOf = (person: Person): Identity => ({ name: person.name, roles: person.roles, personId: person.id });
