import { z } from 'zod';
import { Role } from './roles.js';

/** The 6 characters recorders write into file names for the officer (GA/T 947). */
export const OfficerNumber = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9]{6}$/, 'an officer number is 6 letters or digits');

export const Login = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a login is 1 to 64 letters, digits, dots, dashes or underscores');

/** At least 8 characters; the station never stores it, only its scrypt hash. */
export const Password = z.string().min(8, 'a password has at least 8 characters').max(1024);

export const Person = z.object({
  id: z.number().int(),
  name: z.string(),
  officerNumber: z.string().nullable(),
  /** 执法证号, the enforcement certificate number. */
  certNumber: z.string().nullable(),
  unit: z.string().nullable(),
  roles: z.array(Role),
  /** Null for people without an account (officers who appear only in the ledger). */
  login: z.string().nullable(),
  /** A person who left keeps their history; an inactive one cannot sign in or check out a recorder. */
  active: z.boolean(),
});
export type Person = z.infer<typeof Person>;

export const NewPerson = z
  .object({
    name: z.string().trim().min(1).max(100),
    officerNumber: OfficerNumber.optional(),
    certNumber: z.string().trim().min(1).max(64).optional(),
    unit: z.string().trim().min(1).max(200).optional(),
    roles: z.array(Role).min(1).default(['officer']),
    login: Login.optional(),
    password: Password.optional(),
  })
  .refine((person) => (person.login === undefined) === (person.password === undefined), {
    message: 'an account needs both a login and a password',
    path: ['password'],
  });
export type NewPerson = z.input<typeof NewPerson>;

export const PersonChange = z.object({
  id: z.number().int(),
  name: z.string().trim().min(1).max(100).optional(),
  officerNumber: OfficerNumber.nullable().optional(),
  certNumber: z.string().trim().min(1).max(64).nullable().optional(),
  unit: z.string().trim().min(1).max(200).nullable().optional(),
  roles: z.array(Role).min(1).optional(),
  active: z.boolean().optional(),
});

/**
 * Where the host's user stands: `open` (no admin account yet: commands run as the host's identity,
 * and every screen offers to create the first admin), `signed-out`, `signed-in`, or `locked` (idle
 * past the setting: the same person's password opens it again).
 */
export const SessionState = z.enum(['open', 'signed-out', 'signed-in', 'locked']);
export const SessionStatus = z.object({
  state: SessionState,
  person: Person.nullable(),
  idleLockMinutes: z.number(),
});
export type SessionStatus = z.infer<typeof SessionStatus>;

export const SignIn = z.object({ login: Login, password: z.string().min(1).max(1024) });
