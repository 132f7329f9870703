import { z } from 'zod';
import type { Role } from './roles.js';

/** What an export package holds: recordings by id, or all of one ingest's. */
export const ExportSelection = z
  .object({ recordingIds: z.array(z.number().int()).min(1).max(100_000).optional(), ingestId: z.string().optional() })
  .refine((value) => (value.recordingIds === undefined) !== (value.ingestId === undefined), { message: 'name recordings or an ingest' });
export type ExportSelection = z.infer<typeof ExportSelection>;

export const ExportRequest = z.object({
  /** A folder that does not exist yet (or is empty): the package is made in it. */
  out: z.string().min(1),
  zip: z.boolean().default(false),
  /** What it is for, printed in the custody report (a complaint number, a court's case). */
  purpose: z.string().trim().max(500).optional(),
  recordingIds: z.array(z.number().int()).min(1).max(100_000).optional(),
  ingestId: z.string().optional(),
});
export type ExportRequest = z.infer<typeof ExportRequest>;

export const ExportReceipt = z.object({
  exportId: z.string(),
  path: z.string(),
  zipPath: z.string().nullable(),
  files: z.number().int(),
  bytes: z.number().int(),
});
export type ExportReceipt = z.infer<typeof ExportReceipt>;

/** The head's signed approval to export confidential recordings (Art. 14). */
export const ExportApproval = z.object({
  id: z.number().int(),
  state: z.enum(['requested', 'approved', 'rejected', 'used']),
  recordingIds: z.array(z.number().int()),
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  reason: z.string().nullable(),
});
export type ExportApproval = z.infer<typeof ExportApproval>;

const exporters: readonly Role[] = ['clerk', 'lead', 'head', 'auditor', 'admin'];

export const exportCommands = {
  /**
   * Makes the package. Confidential recordings in it need the head's approval first: without one
   * the command fails `approval-needed` and files a request (its id in the message and the error's cause).
   */
  'export.create': { input: ExportRequest, output: ExportReceipt, roles: exporters },
  'export.approvals': { input: z.object({}), output: z.array(ExportApproval), roles: exporters },
  'export.decide': {
    input: z.object({
      id: z.number().int(),
      decision: z.enum(['approved', 'rejected']),
      reason: z.string().trim().min(1).max(2000).optional(),
      password: z.string().min(1).max(1024).optional(),
    }),
    output: ExportApproval,
    roles: ['head'] as readonly Role[],
  },
} as const;
