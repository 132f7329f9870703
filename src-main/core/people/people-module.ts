import type { Credentials, Person, SessionStatus } from '../../contract/index.js';
import type { AuditTrail } from '../audit/index.js';
import type { Capability } from '../capability.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import { Authenticator } from './authenticator.js';
import { Signer } from '../signing/index.js';
import { hashPassword } from './password-hash.js';
import { accountOf, insertPerson, listPeople, loginTaken, personById, personByOfficerNumber, setAccount, updatePerson } from './people-store.js';
import { SessionRegistry } from './session-registry.js';
import { checkPassword, recordSessionEvent } from './sign-in.js';
import { writeTransaction } from '../db/index.js';

type PeopleCommands =
  | 'session.status'
  | 'session.signIn'
  | 'session.signOut'
  | 'session.lock'
  | 'session.unlock'
  | 'session.changePassword'
  | 'people.list'
  | 'people.add'
  | 'people.update'
  | 'people.setPassword';

export interface PeopleModule extends Capability<PeopleCommands> {
  readonly authenticator: Authenticator;
  /** The leads' and head's signing keys: made with their accounts, sealed under their passwords. */
  readonly signer: Signer;
}

const sessionOf = (credentials: Credentials): string | undefined => ('role' in credentials ? undefined : credentials.session);

/** `people.*` and `session.*`: the office's people, their accounts, and signing in and out. */
export function peopleModule(services: StationServices): PeopleModule {
  const { db } = services;
  const sessions = new SessionRegistry(services.now);
  const env = { db, audit: services.audit, now: services.now, iso: services.iso, settings: services.settings };
  const authenticator = new Authenticator(env, sessions);
  const signer = new Signer({
    ...env,
    confirmPassword: async (personId, password) => {
      const account = accountOf(db, personId);
      if (!account) throw new StationError('unauthenticated', 'this person has no account');
      return checkPassword(env, account.login, password, 'signing.password-check');
    },
  });
  const writable = (): AuditTrail => {
    if (services.audit === null) throw new StationError('forbidden', 'this archive is read-only: people cannot be changed here');
    return services.audit;
  };

  const requirePerson = (id: number): Person => {
    const person = personById(db, id);
    if (!person) throw new StationError('not-found', `no person ${id}`);
    return person;
  };
  const requireFreeOfficerNumber = (officerNumber: string | null | undefined, personId: number) => {
    if (!officerNumber) return;
    const holder = personByOfficerNumber(db, officerNumber);
    if (holder && holder.id !== personId) throw new StationError('invalid-input', `officer number ${officerNumber} is already ${holder.name}'s`);
  };
  const requireFreeLogin = (login: string, personId: number) => {
    if (loginTaken(db, login, personId)) throw new StationError('invalid-input', `the login ${login} is taken`);
  };

  /** The session a host holds, for the commands about it; an unknown or expired one is "signed out". */
  const heldSession = (credentials: Credentials) => {
    const id = sessionOf(credentials);
    const status = authenticator.status(credentials);
    if (id === undefined || status.person === null) throw new StationError('unauthenticated', 'nobody is signed in here');
    return { id, person: status.person };
  };

  return {
    authenticator,
    signer,
    handlers: {
      'session.status': (_input, _caller, credentials) => authenticator.status(credentials),
      'session.signIn': async ({ login, password }) => {
        const person = await checkPassword(env, login, password, 'session.sign-in');
        const session = sessions.open(person.id);
        return { session, status: authenticator.status({ session }) };
      },
      'session.signOut': (_input, _caller, credentials): SessionStatus => {
        const id = sessionOf(credentials);
        const status = authenticator.status(credentials);
        if (id !== undefined && status.person) {
          const person = status.person;
          recordSessionEvent(env, person, 'session.sign-out', {});
          sessions.close(id);
        }
        return authenticator.status({});
      },
      'session.lock': (_input, _caller, credentials) => {
        const { id, person } = heldSession(credentials);
        const session = sessions.find(id);
        if (session && !session.locked) {
          session.locked = true;
          recordSessionEvent(env, person, 'session.locked', { reason: 'asked' });
        }
        return authenticator.status(credentials);
      },
      'session.unlock': async ({ password }, _caller, credentials) => {
        const { id, person } = heldSession(credentials);
        const account = accountOf(db, person.id);
        if (!account) throw new StationError('unauthenticated', 'this person has no account');
        await checkPassword(env, account.login, password, 'session.unlock');
        const session = sessions.find(id);
        if (session) {
          session.locked = false;
          session.lastActiveAt = services.now();
        }
        return authenticator.status(credentials);
      },
      'session.changePassword': async ({ current, next }, caller, credentials) => {
        const account = caller.personId == null ? null : accountOf(db, caller.personId);
        if (!account) throw new StationError('invalid-input', 'only a signed-in person with an account can change a password');
        await checkPassword(env, account.login, current, 'session.password-check');
        const hash = await hashPassword(next);
        const trail = writable();
        writeTransaction(db, () => {
          setAccount(db, account.person_id, account.login, hash, services.now());
          trail.record({ actor: caller.name, role: caller.role, action: 'session.changePassword', object: `person:${account.person_id}`, details: {} });
        });
        await signer.reseal(account.person_id, current, next);
        return authenticator.status(credentials);
      },
      'people.list': () => listPeople(db),
      'people.add': async (fields, caller) => {
        const hash = fields.password === undefined ? null : await hashPassword(fields.password);
        const trail = writable();
        const added = writeTransaction(db, () => {
          requireFreeOfficerNumber(fields.officerNumber, 0);
          if (fields.login !== undefined) requireFreeLogin(fields.login, 0);
          const at = services.now();
          const id = insertPerson(
            db,
            { name: fields.name, officerNumber: fields.officerNumber ?? null, certNumber: fields.certNumber ?? null, unit: fields.unit ?? null, roles: [...new Set(fields.roles)] },
            at,
          );
          if (fields.login !== undefined && hash !== null) setAccount(db, id, fields.login, hash, at);
          const { password: _password, ...shown } = fields;
          trail.record({ actor: caller.name, role: caller.role, action: 'people.add', object: `person:${id}`, details: { kind: 'change', input: shown } });
          return requirePerson(id);
        });
        if (fields.password !== undefined && added.login !== null) await signer.provision(added, fields.password, caller);
        return added;
      },
      'people.update': ({ id, ...change }) => {
        const before = requirePerson(id);
        requireFreeOfficerNumber(change.officerNumber, id);
        const wasOpen = authenticator.isOpen();
        updatePerson(db, id, { ...change, roles: change.roles ? [...new Set(change.roles)] : undefined });
        // The router's transaction undoes the change: without an admin the station would run open to anyone.
        if (!wasOpen && authenticator.isOpen()) {
          throw new StationError('invalid-input', `${before.name} is the last active admin with an account: make another admin first`);
        }
        if (change.active === false && before.active) sessions.closeAllOf(id);
        return requirePerson(id);
      },
      'people.setPassword': async ({ id, login, password }, caller) => {
        const person = requirePerson(id);
        const accountLogin = login ?? person.login;
        if (accountLogin === null) throw new StationError('invalid-input', `${person.name} has no account yet: give a login`);
        const hash = await hashPassword(password);
        const trail = writable();
        writeTransaction(db, () => {
          requireFreeLogin(accountLogin, id);
          setAccount(db, id, accountLogin, hash, services.now());
          trail.record({ actor: caller.name, role: caller.role, action: 'people.setPassword', object: `person:${id}`, details: { kind: 'change', input: { id, login: accountLogin } } });
        });
        sessions.closeAllOf(id);
        // The old key opened only with the forgotten password: revoked (kept for old signatures), a new one made.
        await signer.replace(person, password, caller);
        return requirePerson(id);
      },
    },
  };
}
