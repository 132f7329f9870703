import { createHash } from 'node:crypto';
import type { Person } from '../../contract/index.js';
import type { AuditTrail } from '../audit/index.js';
import { writeTransaction, type Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { hashPassword, passwordMatches } from './password-hash.js';
import { accountByLogin, clearSignInFailures, personById, recordSignInFailure, type AccountRow } from './people-store.js';

/** Five failures in a row lock the account for five minutes. */
export const failuresBeforeLock = 5;
export const lockMs = 5 * 60 * 1000;

export interface PasswordCheckEnv {
  db: Database;
  /** Null on a read-only archive: nothing can be recorded there, so failures are not counted either. */
  audit: AuditTrail | null;
  now: () => number;
  iso: (ms: number) => string;
}

/** A hash to check unknown logins against. */
let standIn: Promise<string> | undefined;

/**
 * A session's own event (sign-out, a lock) in the chain, in a transaction of its own: the person
 * as actor and object, every role they hold.
 */
export function recordSessionEvent(env: Pick<PasswordCheckEnv, 'db' | 'audit'>, person: Person, action: string, details: Record<string, unknown>): void {
  writeTransaction(env.db, () => env.audit?.record({ actor: person.name, role: person.roles.join(','), action, object: `person:${person.id}`, details }));
}

const wrongLoginOrPassword = () => new StationError('unauthenticated', 'wrong login or password');

/**
 * Checks a login and password, counting failures, locking after five in a row, and writing the
 * outcome to the audit chain in the same transaction as the count. `action` names what the check
 * was for in the chain (`session.sign-in`, or `session.unlock`).
 */
export async function checkPassword(env: PasswordCheckEnv, login: string, password: string, action: string): Promise<Person> {
  const account = accountByLogin(env.db, login);
  const person = account ? personById(env.db, account.person_id) : null;
  // An unknown login is kept only as a short hash: what was typed may be a password in the wrong box,
  // and the chain can never forget it.
  const shownLogin = person ? login : `unknown:${createHash('sha256').update(login).digest('hex').slice(0, 12)}`;
  const record = (what: string, details: Record<string, unknown>) =>
    env.audit?.record({ actor: person?.name ?? shownLogin, role: person?.roles.join(',') ?? 'none', action: what, object: person ? `person:${person.id}` : null, details: { login: shownLogin, ...details } });
  if (!account || !person || !person.active) {
    // As long as a real check, so the time taken does not tell which logins exist.
    await passwordMatches(password, await (standIn ??= hashPassword('no such account')));
    writeTransaction(env.db, () => record(`${action}-failed`, { reason: account ? 'inactive' : 'unknown-login' }));
    throw wrongLoginOrPassword();
  }
  const lockedUntil = activeLock(account, env.now());
  if (lockedUntil !== null) {
    writeTransaction(env.db, () => record(`${action}-refused`, { reason: 'locked', lockedUntil: env.iso(lockedUntil) }));
    throw lockedError(env.iso(lockedUntil));
  }
  const matches = await passwordMatches(password, account.password_hash);
  // The count and its audit rows commit together; the refusal is thrown after, or it would undo them.
  const outcome = writeTransaction(env.db, (): 'ok' | 'wrong' | number => {
    // Read again: another process (a second CLI) may have counted a failure while scrypt ran.
    const fresh = accountByLogin(env.db, login) ?? account;
    const now = env.now();
    // Locked while scrypt ran (guesses sent side by side): even the right password waits.
    const lockedMeanwhile = activeLock(fresh, now);
    if (lockedMeanwhile !== null) {
      record(`${action}-refused`, { reason: 'locked', lockedUntil: env.iso(lockedMeanwhile) });
      return lockedMeanwhile;
    }
    if (matches) {
      if (env.audit) clearSignInFailures(env.db, person.id);
      record(action, {});
      return 'ok';
    }
    const failures = (fresh.locked_until !== null && fresh.locked_until <= now ? 0 : fresh.failed_sign_ins) + 1;
    const locks = failures >= failuresBeforeLock;
    if (env.audit) recordSignInFailure(env.db, person.id, failures, locks ? now + lockMs : fresh.locked_until);
    record(`${action}-failed`, { reason: 'wrong-password', failures });
    if (!locks) return 'wrong';
    record('account.locked', { until: env.iso(now + lockMs) });
    return now + lockMs;
  });
  if (outcome === 'ok') return person;
  if (outcome === 'wrong') throw wrongLoginOrPassword();
  throw lockedError(env.iso(outcome));
}

function activeLock(account: AccountRow, now: number): number | null {
  return account.locked_until !== null && account.locked_until > now ? account.locked_until : null;
}

const lockedError = (until: string) =>
  new StationError('locked', `too many wrong passwords in a row: the account is locked until ${until}`);
