import { z } from 'zod';

/**
 * The people of the office, as the regulation names their duties: `officer` wears recorders (and
 * usually appears only in the ledger), `clerk` (内勤) ingests and keeps the ledger, `lead`
 * (执法队负责人) reviews, `head` (主要领导) approves, `auditor` reads everything and changes nothing,
 * `admin` manages accounts and settings.
 */
export const Role = z.enum(['officer', 'clerk', 'lead', 'head', 'auditor', 'admin']);
export type Role = z.infer<typeof Role>;

/** Who a command runs as, once the core has resolved it: a signed-in person, or the host's identity in open mode. */
export const Caller = z.object({ name: z.string().min(1), role: Role, personId: z.number().int().nullable().optional() });
export type Caller = z.infer<typeof Caller>;

/**
 * What a host hands the core with each command. Roles are never taken from the host once an admin
 * account exists: then a command needs a session (the desktop and browser mode, after a sign-in)
 * or a login and password (the command line, per command). A data folder with no admin account
 * runs open, as before accounts existed: the host's own identity (`openAs`, or a bare Caller) is used.
 */
export type Credentials = Caller | { session?: string; login?: string; password?: string; openAs?: Caller };
