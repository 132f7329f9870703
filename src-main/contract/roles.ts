import { z } from 'zod';

/** The people of the office, as the regulation names their duties. */
export const Role = z.enum(['clerk', 'lead', 'head', 'auditor', 'admin']);
export type Role = z.infer<typeof Role>;

export const Caller = z.object({ name: z.string().min(1), role: Role });
export type Caller = z.infer<typeof Caller>;
