import { z } from 'zod';

/** One row of the audit chain: who did what to which object, and the hash that ties it to the row before. */
export const AuditRow = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  role: z.string(),
  action: z.string(),
  object: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  hash: z.string(),
});
export type AuditRow = z.infer<typeof AuditRow>;

export const AuditProblemKind = z.enum(['altered', 'missing', 'inserted', 'reordered', 'truncated', 'bad-signature']);

export const AuditVerifyReport = z.object({
  rows: z.number().int(),
  checkpoints: z.number().int(),
  ok: z.boolean(),
  problems: z.array(z.object({ seq: z.number().int(), problem: AuditProblemKind })),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;
