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

/**
 * Which rows of the chain: oldest first from `sinceSeq` (the CLI's `--since`), or newest first
 * (`order: 'desc'`) below `beforeSeq` for paging back through a year of rows without counting them.
 */
export const AuditQuery = z.object({
  sinceSeq: z.number().int().min(0).default(0),
  beforeSeq: z.number().int().min(1).optional(),
  limit: z.number().int().min(1).max(10_000).default(1000),
  order: z.enum(['asc', 'desc']).default('asc'),
  /** Who did it, exactly as recorded (a person's name, or `station`). */
  actor: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  /** Objects starting with this: `device:3`, `ingest:`, `recording:12`. */
  object: z.string().min(1).max(200).optional(),
  /** On or after this day, on or before that one (days in the station's zone). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
});
export type AuditQuery = z.infer<typeof AuditQuery>;

export const AuditProblemKind = z.enum(['altered', 'missing', 'inserted', 'reordered', 'truncated', 'bad-signature']);

export const AuditVerifyReport = z.object({
  rows: z.number().int(),
  checkpoints: z.number().int(),
  ok: z.boolean(),
  problems: z.array(z.object({ seq: z.number().int(), problem: AuditProblemKind })),
});
export type AuditVerifyReport = z.infer<typeof AuditVerifyReport>;
