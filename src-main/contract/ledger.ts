import { z } from 'zod';
import { OfficerNumber } from './people.js';

/** Art. 4's activities: 调查取证, 听证, 现场执法, 留置送达, 公告送达. */
export const ActivityCategory = z.enum(['investigation', 'hearing', 'on-site', 'service-left', 'service-notice']);
export type ActivityCategory = z.infer<typeof ActivityCategory>;

/** Each of Art. 7's pre-use checks, as the clerk answered it. */
export const CheckResult = z.enum(['ok', 'fail']);
export const PreUseChecks = z.object({ battery: CheckResult, storage: CheckResult, clock: CheckResult });
export type PreUseChecks = z.infer<typeof PreUseChecks>;

export const ReturnCondition = z.enum(['ok', 'damaged', 'lost']);

/**
 * A check-out's place under Art. 13's 24-hour rule: `out`, `overdue-return` (past its expected
 * return), `returned` (awaiting ingest, deadline running), `ingested` (met), `late` (ingested
 * after the deadline), `overdue` (deadline passed, not ingested).
 */
export const CheckoutState = z.enum(['out', 'overdue-return', 'returned', 'ingested', 'late', 'overdue']);
export type CheckoutState = z.infer<typeof CheckoutState>;

/** An ISO-8601 time with its offset; a time in the future is refused by the ledger. */
const Instant = z.iso.datetime({ offset: true });

export const CheckoutRequest = z.object({
  deviceSerial: z.string().trim().min(1).max(64),
  officerNumber: OfficerNumber,
  checks: PreUseChecks,
  category: ActivityCategory.optional(),
  caseNumber: z.string().trim().min(1).max(100).optional(),
  caseName: z.string().trim().min(1).max(200).optional(),
  place: z.string().trim().min(1).max(200).optional(),
  expectedReturnAt: Instant.optional(),
  /** Remote or out-of-town work: Art. 13's exception to the 24-hour rule. */
  remote: z.boolean().default(false),
  /** When it really happened, for a hand-over written up later; now when left out. */
  at: Instant.optional(),
});

export const CheckoutReceipt = z.object({
  checkoutId: z.number().int(),
  device: z.object({ id: z.number().int(), serial: z.string() }),
  officer: z.object({ id: z.number().int(), name: z.string(), officerNumber: z.string() }),
  checkedOutAt: z.string(),
  expectedReturnAt: z.string().nullable(),
  checks: PreUseChecks,
  remote: z.boolean(),
});
export type CheckoutReceipt = z.infer<typeof CheckoutReceipt>;

export const CheckinRequest = z
  .object({
    deviceSerial: z.string().trim().min(1).max(64),
    at: Instant.optional(),
    condition: ReturnCondition.default('ok'),
    note: z.string().trim().max(2000).optional(),
    /** Art. 8: when the officer arrived at and left the scene; the footage should cover it. */
    arrivedAt: Instant.optional(),
    leftAt: Instant.optional(),
  })
  .refine((request) => (request.arrivedAt === undefined) === (request.leftAt === undefined), {
    message: 'give both the arrival and the leaving time, or neither',
    path: ['leftAt'],
  });

export const CheckinReceipt = z.object({ checkoutId: z.number().int(), returnedAt: z.string(), deadline: z.string() });
export type CheckinReceipt = z.infer<typeof CheckinReceipt>;

export const LedgerQuery = z.object({
  /** Check-outs made on or after / on or before these days (YYYY-MM-DD, station zone). */
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  deviceSerial: z.string().trim().min(1).max(64).optional(),
  officerNumber: OfficerNumber.optional(),
});
export type LedgerQuery = z.infer<typeof LedgerQuery>;

export const LedgerEntry = z.object({
  checkoutId: z.number().int(),
  device: z.object({ id: z.number().int(), serial: z.string(), name: z.string().nullable() }),
  officer: z.object({ id: z.number().int(), name: z.string(), officerNumber: z.string() }),
  checkedOutAt: z.string(),
  expectedReturnAt: z.string().nullable(),
  returnedAt: z.string().nullable(),
  /** returnedAt + the deadline setting (24 hours); null while out. */
  deadline: z.string().nullable(),
  state: CheckoutState,
  /** Required once late; until given the ledger says "reason missing". */
  lateReason: z.string().nullable(),
  checks: PreUseChecks,
  remote: z.boolean(),
  condition: ReturnCondition.nullable(),
  note: z.string().nullable(),
  arrivedAt: z.string().nullable(),
  leftAt: z.string().nullable(),
  activity: z.object({
    category: ActivityCategory.nullable(),
    caseNumber: z.string().nullable(),
    caseName: z.string().nullable(),
    place: z.string().nullable(),
  }),
  /** 记录内容: what came off the device for this window. */
  content: z.object({
    ingests: z.array(z.string()),
    recordings: z.number().int(),
    bytes: z.number(),
    durationSeconds: z.number(),
    firstRecordedAt: z.string().nullable(),
    lastRecordedAt: z.string().nullable(),
  }),
  checkedOutBy: z.string(),
  checkedInBy: z.string().nullable(),
});
export type LedgerEntry = z.infer<typeof LedgerEntry>;

export const Deadline = z.object({
  checkoutId: z.number().int(),
  device: z.object({ id: z.number().int(), serial: z.string(), name: z.string().nullable() }),
  officer: z.object({ id: z.number().int(), name: z.string(), officerNumber: z.string() }),
  returnedAt: z.string().nullable(),
  deadline: z.string().nullable(),
  /** Negative once passed; null while the recorder is still out. */
  secondsLeft: z.number().nullable(),
  state: CheckoutState,
});
export type Deadline = z.infer<typeof Deadline>;

/** Why footage came in after its deadline (Art. 13): the lead reads it at sign-off. */
export const LateReason = z.string().trim().min(1).max(2000);

export const LedgerExport = LedgerQuery.extend({
  format: z.enum(['xlsx', 'pdf']),
  /** Absolute; left out, a file in the data folder's `exports/` named by the time. */
  path: z.string().min(1).optional(),
});
export type LedgerExport = z.infer<typeof LedgerExport>;
