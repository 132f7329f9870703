import type { Person, Role } from '../../contract/index.js';
import type { Database } from '../db/index.js';

/** The `people` and `accounts` tables: plain SQL, nothing else touches them. */

interface PersonRow {
  id: number;
  name: string;
  officer_number: string | null;
  cert_number: string | null;
  unit: string | null;
  roles_json: string;
  active: number;
  login: string | null;
}

export interface AccountRow {
  person_id: number;
  login: string;
  password_hash: string;
  failed_sign_ins: number;
  locked_until: number | null;
}

const personColumns = `p.id, p.name, p.officer_number, p.cert_number, p.unit, p.roles_json, p.active, a.login
  FROM people p LEFT JOIN accounts a ON a.person_id = p.id`;

const toPerson = (row: PersonRow): Person => ({
  id: row.id,
  name: row.name,
  officerNumber: row.officer_number,
  certNumber: row.cert_number,
  unit: row.unit,
  roles: JSON.parse(row.roles_json) as Role[],
  login: row.login,
  active: row.active === 1,
});

export function listPeople(db: Database): Person[] {
  return (db.prepare(`SELECT ${personColumns} ORDER BY p.active DESC, p.name, p.id`).all() as PersonRow[]).map(toPerson);
}

export function personById(db: Database, id: number): Person | null {
  const row = db.prepare(`SELECT ${personColumns} WHERE p.id = ?`).get(id) as PersonRow | undefined;
  return row ? toPerson(row) : null;
}

export function personByOfficerNumber(db: Database, officerNumber: string): Person | null {
  const row = db.prepare(`SELECT ${personColumns} WHERE p.officer_number = ?`).get(officerNumber.toUpperCase()) as PersonRow | undefined;
  return row ? toPerson(row) : null;
}

export interface PersonFields {
  name: string;
  officerNumber: string | null;
  certNumber: string | null;
  unit: string | null;
  roles: Role[];
}

export function insertPerson(db: Database, fields: PersonFields, at: number): number {
  const result = db
    .prepare('INSERT INTO people (name, officer_number, cert_number, unit, roles_json, created_at) VALUES (?, ?, ?, ?, ?, ?)')
    .run(fields.name, fields.officerNumber, fields.certNumber, fields.unit, JSON.stringify(fields.roles), at);
  return Number(result.lastInsertRowid);
}

export function updatePerson(db: Database, id: number, change: Partial<PersonFields> & { active?: boolean }): void {
  const sets: string[] = [];
  const values: unknown[] = [];
  const set = (column: string, value: unknown) => {
    sets.push(`${column} = ?`);
    values.push(value);
  };
  if (change.name !== undefined) set('name', change.name);
  if (change.officerNumber !== undefined) set('officer_number', change.officerNumber);
  if (change.certNumber !== undefined) set('cert_number', change.certNumber);
  if (change.unit !== undefined) set('unit', change.unit);
  if (change.roles !== undefined) set('roles_json', JSON.stringify(change.roles));
  if (change.active !== undefined) set('active', change.active ? 1 : 0);
  if (sets.length > 0) db.prepare(`UPDATE people SET ${sets.join(', ')} WHERE id = ?`).run(...values, id);
}

export function accountByLogin(db: Database, login: string): AccountRow | null {
  return (db.prepare('SELECT * FROM accounts WHERE login = ?').get(login) as AccountRow | undefined) ?? null;
}

export function accountOf(db: Database, personId: number): AccountRow | null {
  return (db.prepare('SELECT * FROM accounts WHERE person_id = ?').get(personId) as AccountRow | undefined) ?? null;
}

export function loginTaken(db: Database, login: string, exceptPersonId: number): boolean {
  return db.prepare('SELECT 1 FROM accounts WHERE login = ? AND person_id != ?').get(login, exceptPersonId) !== undefined;
}

/** Gives a person an account or a new password for theirs; a new password clears a lock. */
export function setAccount(db: Database, personId: number, login: string, passwordHash: string, at: number): void {
  db.prepare(
    `INSERT INTO accounts (person_id, login, password_hash, password_changed_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(person_id) DO UPDATE SET login = excluded.login, password_hash = excluded.password_hash,
       password_changed_at = excluded.password_changed_at, failed_sign_ins = 0, locked_until = NULL`,
  ).run(personId, login, passwordHash, at);
}

export function recordSignInFailure(db: Database, personId: number, failures: number, lockedUntil: number | null): void {
  db.prepare('UPDATE accounts SET failed_sign_ins = ?, locked_until = ? WHERE person_id = ?').run(failures, lockedUntil, personId);
}

export function clearSignInFailures(db: Database, personId: number): void {
  db.prepare('UPDATE accounts SET failed_sign_ins = 0, locked_until = NULL WHERE person_id = ?').run(personId);
}

/** Open mode ends when an active person holding the admin role has an account. */
export function hasAdminAccount(db: Database): boolean {
  return (
    db
      .prepare(
        `SELECT 1 FROM people p JOIN accounts a ON a.person_id = p.id
         WHERE p.active = 1 AND EXISTS (SELECT 1 FROM json_each(p.roles_json) WHERE value = 'admin') LIMIT 1`,
      )
      .get() !== undefined
  );
}
