import { createHash } from 'node:crypto';
import type { Caller, Credentials, Person, SigningKey } from '../../contract/index.js';
import type { AuditTrail } from '../audit/index.js';
import { canonicalJson } from '../audit/index.js';
import { writeTransaction, type Database } from '../db/index.js';
import { StationError } from '../errors.js';
import { makeKeyPair, resealKey, signBytes, verifyBytes, WrongKeyPasswordError } from './ed25519.js';
import { activeKeyOf, allKeys, insertKey, keyById, resealPrivateKey, revokeKey } from './signing-key-store.js';

export interface SignerEnv {
  db: Database;
  audit: AuditTrail | null;
  now: () => number;
  iso: (ms: number) => string;
  /** The person's password, checked as a sign-in is (failures counted, five lock the account). */
  confirmPassword: (personId: number, password: string) => Promise<Person>;
}

export interface SignedStatement {
  /** The exact bytes signed: canonical JSON (keys sorted, no spaces), UTF-8, no newline. */
  text: string;
  sha256: string;
  /** Ed25519, base64. */
  signature: string;
  keyId: string;
  publicKeyPem: string;
}

export type KeyCheck = 'ok' | 'bad-signature' | 'unknown-key';

/** Those who sign hold a key: the lead (执法队负责人) and the head (主要领导). */
const holdsSigningRole = (person: Person): boolean => person.roles.includes('lead') || person.roles.includes('head');

/**
 * The password a signature is made with: the one given with the command (the desktop and browser ask
 * for it at the moment of signing), else the one the command line signed in with.
 */
export function signingPassword(given: string | undefined, credentials: Credentials): string {
  const password = given ?? ('role' in credentials ? undefined : credentials.password);
  if (password === undefined) throw new StationError('unauthenticated', 'signing needs your password');
  return password;
}

/**
 * Each lead and head holds an Ed25519 key; its private half is sealed under their password and
 * opened only to sign. Keys are made with the account, sealed again on a password change, and
 * replaced (the old one revoked, its public half kept) when an admin sets a forgotten password.
 */
export class Signer {
  constructor(private readonly env: SignerEnv) {}

  private record(actor: string, role: string, action: string, personId: number, details: Record<string, unknown>): void {
    this.env.audit?.record({ actor, role, action, object: `person:${personId}`, details });
  }

  private async makeKey(person: Person, password: string, by: Pick<Caller, 'name' | 'role'>): Promise<string> {
    const pair = await makeKeyPair(password);
    writeTransaction(this.env.db, () => {
      const active = activeKeyOf(this.env.db, person.id);
      if (active) revokeKey(this.env.db, active.id, by.name, this.env.now());
      insertKey(this.env.db, { id: pair.keyId, personId: person.id, publicKeyPem: pair.publicKeyPem, sealedPrivateKey: pair.sealedPrivateKey }, this.env.now());
      this.record(by.name, by.role, 'signing.keyMade', person.id, { keyId: pair.keyId, replaced: active?.id ?? null });
    });
    return pair.keyId;
  }

  /** A new lead's or head's account: their key, sealed under the password just set. */
  async provision(person: Person, password: string, by: Pick<Caller, 'name' | 'role'>): Promise<void> {
    if (holdsSigningRole(person) && activeKeyOf(this.env.db, person.id) === null) await this.makeKey(person, password, by);
  }

  /** The person changed their own password: the same key, sealed under the new one. */
  async reseal(personId: number, current: string, next: string): Promise<void> {
    const active = activeKeyOf(this.env.db, personId);
    if (active?.private_key_pem == null) return;
    const sealed = await resealKey(active.private_key_pem, current, next);
    writeTransaction(this.env.db, () => resealPrivateKey(this.env.db, active.id, sealed));
  }

  /** An admin set a forgotten password: the old key cannot be opened, so it is revoked and a new one made. */
  async replace(person: Person, password: string, by: Pick<Caller, 'name' | 'role'>): Promise<void> {
    if (holdsSigningRole(person) || activeKeyOf(this.env.db, person.id) !== null) await this.makeKey(person, password, by);
  }

  /**
   * Signs the statement `build` makes for the caller's key: the password is checked as a sign-in
   * is, and a lead given the role after their account was made gets their key now.
   */
  async sign(caller: Caller, password: string, build: (keyId: string) => object): Promise<SignedStatement> {
    if (caller.personId == null) throw new StationError('forbidden', 'signing needs a signed-in person: this station has no accounts yet');
    const person = await this.env.confirmPassword(caller.personId, password);
    let key = activeKeyOf(this.env.db, person.id);
    if (key?.private_key_pem == null) {
      await this.makeKey(person, password, caller);
      key = activeKeyOf(this.env.db, person.id);
    }
    if (key?.private_key_pem == null) throw new Error(`no signing key for person ${person.id}`);
    const text = canonicalJson(build(key.id));
    let signature: Buffer;
    try {
      signature = await signBytes(key.private_key_pem, password, Buffer.from(text, 'utf8'));
    } catch (error) {
      if (!(error instanceof WrongKeyPasswordError)) throw error;
      throw new StationError('unauthenticated', 'your signing key does not open with this password: ask an admin to set your password again, which makes you a new key');
    }
    return { text, sha256: sha256Hex(text), signature: signature.toString('base64'), keyId: key.id, publicKeyPem: key.public_key_pem };
  }

  /** A statement and its signature against the key it names, revoked keys included. */
  check(keyId: string, text: string | Buffer, signatureBase64: string | Buffer): KeyCheck {
    const key = keyById(this.env.db, keyId);
    if (key === null) return 'unknown-key';
    const signature = Buffer.isBuffer(signatureBase64) ? signatureBase64 : Buffer.from(signatureBase64, 'base64');
    return verifyBytes(key.public_key_pem, Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), signature) ? 'ok' : 'bad-signature';
  }

  publicKeyPem(keyId: string): string | null {
    return keyById(this.env.db, keyId)?.public_key_pem ?? null;
  }

  keys(): SigningKey[] {
    return allKeys(this.env.db).map((row) => ({
      keyId: row.id,
      personId: row.person_id,
      name: row.person_name,
      publicKeyPem: row.public_key_pem,
      createdAt: this.env.iso(row.created_at),
      revokedAt: row.revoked_at === null ? null : this.env.iso(row.revoked_at),
    }));
  }
}

export const sha256Hex = (text: string | Buffer): string => createHash('sha256').update(text).digest('hex');
