import { z } from 'zod';
import type { Role } from './roles.js';

/** Art. 12's four reasons a recording stopped: device fault/damage/battery/storage; weather and natural causes; obstruction; other force majeure. */
export const InterruptionReason = z.enum(['fault', 'weather', 'obstruction', 'other']);
export type InterruptionReason = z.infer<typeof InterruptionReason>;

/** submitted → approved | rejected (by the head, signed) → filed (备案存档, approved ones only). */
export const WorkRecordState = z.enum(['submitted', 'approved', 'rejected', 'filed']);
export type WorkRecordState = z.infer<typeof WorkRecordState>;

/** A detected pause in the footage (a `recording-gap` finding) as a work record names it. */
export const GapFinding = z.object({
  findingId: z.number().int(),
  ingestId: z.string(),
  from: z.string().nullable(),
  to: z.string().nullable(),
  gapSeconds: z.number(),
});
export type GapFinding = z.infer<typeof GapFinding>;

export const NewWorkRecord = z.object({
  deviceSerial: z.string().min(1).max(100),
  from: z.iso.datetime({ offset: true }),
  to: z.iso.datetime({ offset: true }),
  reason: InterruptionReason,
  explanation: z.string().trim().min(1).max(4000),
  /** 依据: what supports the explanation (a fault report, a weather notice, a witness). */
  basis: z.string().trim().max(4000).optional(),
  /** The officer who stopped recording, by officer number; left out, the one the ledger had the device out to. */
  officerNumber: z.string().max(20).optional(),
  /** The activity (check-out); left out, the one whose window holds the range. */
  checkoutId: z.number().int().optional(),
});
export type NewWorkRecord = z.infer<typeof NewWorkRecord>;

export const WorkRecord = z.object({
  id: z.number().int(),
  state: WorkRecordState,
  device: z.object({ id: z.number().int(), serial: z.string(), name: z.string().nullable() }),
  officer: z.object({ id: z.number().int(), name: z.string(), officerNumber: z.string().nullable() }).nullable(),
  checkoutId: z.number().int().nullable(),
  from: z.string(),
  to: z.string(),
  reason: InterruptionReason,
  explanation: z.string(),
  basis: z.string().nullable(),
  gapFinding: GapFinding.nullable(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** SHA-256 of the signed statement of the head's decision; null until decided. */
  statementSha256: z.string().nullable(),
  filedBy: z.string().nullable(),
  filedAt: z.string().nullable(),
});
export type WorkRecord = z.infer<typeof WorkRecord>;

/** A detected pause no work record covers yet: the lead's board lists it as "needs a work record". */
export const UncoveredGap = GapFinding.extend({
  device: z.object({ id: z.number().int(), serial: z.string(), name: z.string().nullable() }).nullable(),
  officer: z.string().nullable(),
  checkoutId: z.number().int().nullable(),
  source: z.string().nullable(),
  previous: z.string().nullable(),
});
export type UncoveredGap = z.infer<typeof UncoveredGap>;

const filers: readonly Role[] = ['officer', 'clerk', 'lead', 'admin'];
const readers: readonly Role[] = ['officer', 'clerk', 'lead', 'head', 'auditor', 'admin'];

export const workRecordCommands = {
  'workRecords.add': { input: NewWorkRecord, output: WorkRecord, roles: filers },
  'workRecords.list': { input: z.object({ state: WorkRecordState.optional() }), output: z.array(WorkRecord), roles: readers },
  /** The head approves or rejects, signed with the head's key (as a sign-off). */
  'workRecords.decide': {
    input: z
      .object({
        id: z.number().int(),
        decision: z.enum(['approved', 'rejected']),
        reason: z.string().trim().min(1).max(2000).optional(),
        password: z.string().min(1).max(1024).optional(),
      })
      .refine((value) => value.decision === 'approved' || value.reason !== undefined, { message: 'a rejection needs a reason', path: ['reason'] }),
    output: WorkRecord,
    roles: ['head'] as readonly Role[],
  },
  /** An approved record is filed (备案存档). */
  'workRecords.file': { input: z.object({ id: z.number().int() }), output: WorkRecord, roles: ['clerk', 'lead', 'head', 'admin'] as readonly Role[] },
  /** Detected recording gaps no work record covers. */
  'workRecords.gaps': { input: z.object({}), output: z.array(UncoveredGap), roles: readers },
  /** The printable form (PDF) with the fields and signature lines; `path` absolute, else under the data folder's `exports/`. */
  'workRecords.form': {
    input: z.object({ id: z.number().int(), path: z.string().min(1).optional() }),
    output: z.object({ path: z.string() }),
    roles: readers,
  },
} as const;
