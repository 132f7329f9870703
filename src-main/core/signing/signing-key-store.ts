import type { Database } from '../db/index.js';

/** The `signing_keys` table: plain SQL, nothing else touches it. */

export interface SigningKeyRow {
  id: string;
  person_id: number;
  person_name: string;
  public_key_pem: string;
  private_key_pem: string | null;
  created_at: number;
  revoked_at: number | null;
}

const columns = `k.id, k.person_id, p.name AS person_name, k.public_key_pem, k.private_key_pem, k.created_at, k.revoked_at
  FROM signing_keys k JOIN people p ON p.id = k.person_id`;

export function activeKeyOf(db: Database, personId: number): SigningKeyRow | null {
  return (db.prepare(`SELECT ${columns} WHERE k.person_id = ? AND k.revoked_at IS NULL`).get(personId) as SigningKeyRow | undefined) ?? null;
}

export function keyById(db: Database, id: string): SigningKeyRow | null {
  return (db.prepare(`SELECT ${columns} WHERE k.id = ?`).get(id) as SigningKeyRow | undefined) ?? null;
}

export function allKeys(db: Database): SigningKeyRow[] {
  return db.prepare(`SELECT ${columns} ORDER BY k.created_at, k.id`).all() as SigningKeyRow[];
}

export function insertKey(db: Database, key: { id: string; personId: number; publicKeyPem: string; sealedPrivateKey: string }, at: number): void {
  db.prepare('INSERT INTO signing_keys (id, person_id, public_key_pem, private_key_pem, created_at) VALUES (?, ?, ?, ?, ?)').run(
    key.id,
    key.personId,
    key.publicKeyPem,
    key.sealedPrivateKey,
    at,
  );
}

export function resealPrivateKey(db: Database, id: string, sealedPrivateKey: string): void {
  db.prepare('UPDATE signing_keys SET private_key_pem = ? WHERE id = ? AND revoked_at IS NULL').run(sealedPrivateKey, id);
}

/** The public key stays (old signatures verify against it); the private key is dropped: it can never sign again. */
export function revokeKey(db: Database, id: string, by: string, at: number): void {
  db.prepare('UPDATE signing_keys SET revoked_at = ?, revoked_by = ?, private_key_pem = NULL WHERE id = ? AND revoked_at IS NULL').run(at, by, id);
}
