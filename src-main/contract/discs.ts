import { z } from 'zod';
import { Confidentiality } from './confidentiality.js';
import type { Role } from './roles.js';

/** Art. 16's three reasons footage is kept long-term on discs. */
export const DiscReason = z.enum(['dispute', 'obstruction', 'major']);
export type DiscReason = z.infer<typeof DiscReason>;

export const DiscMedia = z.enum(['cd-r', 'dvd+r', 'dvd-r', 'dvd+r-dl', 'bd-r', 'bd-r-dl']);
export type DiscMedia = z.infer<typeof DiscMedia>;

/** The exact recordable capacity of each medium, in bytes (2048-byte blocks). */
export const mediaCapacity: Readonly<Record<DiscMedia, number>> = {
  'cd-r': 737_280_000,
  'dvd+r': 4_700_372_992,
  'dvd-r': 4_707_319_808,
  'dvd+r-dl': 8_547_991_552,
  'bd-r': 25_025_314_816,
  'bd-r-dl': 50_050_629_632,
};

/** The two copies of every disc (一式两份): identical images, told apart only by their printed label. */
export const DiscCopyName = z.enum(['A', 'B']);
export type DiscCopyName = z.infer<typeof DiscCopyName>;

/**
 * A request's stage, the furthest all its discs have reached:
 * requested → approved (or rejected) → planned → burning → verified (every copy) → labelled → stored.
 */
export const DiscRequestState = z.enum(['requested', 'rejected', 'approved', 'planned', 'burning', 'verified', 'labelled', 'stored']);
export type DiscRequestState = z.infer<typeof DiscRequestState>;

/**
 * One copy of a disc: `planned` nothing yet; `image-only` its image was written to a folder to burn
 * elsewhere; `burning` being written or checked; `verified` all three checks passed; `failed` a
 * burn or a check failed (the reason is kept); `stored` verified and put away at its location.
 */
export const DiscCopyState = z.enum(['planned', 'image-only', 'burning', 'verified', 'failed', 'stored']);
export type DiscCopyState = z.infer<typeof DiscCopyState>;

/** The three checks of a burned copy; `null` when the check could not run (an earlier one failed to read). */
export const DiscChecks = z.object({
  /** The image's extent read back from the disc: its SHA-256 equals the image's. */
  image: z.boolean().nullable(),
  /** `xorriso -check_md5_r`: every file against the MD5 recorded in the image. */
  md5: z.boolean().nullable(),
  /** Every file on the disc against `MANIFEST.sha256`. */
  manifest: z.boolean().nullable(),
});
export type DiscChecks = z.infer<typeof DiscChecks>;

export const DiscCopy = z.object({
  copy: DiscCopyName,
  state: DiscCopyState,
  burnedAt: z.string().nullable(),
  verifiedAt: z.string().nullable(),
  /** Where it is kept (room, cabinet); null until stored. */
  location: z.string().nullable(),
  nextCheckDue: z.string().nullable(),
  /** Why it failed, in the station's words; null unless failed. */
  problem: z.string().nullable(),
  checks: DiscChecks.nullable(),
});
export type DiscCopy = z.infer<typeof DiscCopy>;

/** One disc of a request (disc n of m) in the register. */
export const DiscEntry = z.object({
  discId: z.string(),
  requestId: z.number().int(),
  caseNumber: z.string(),
  caseName: z.string(),
  reason: DiscReason,
  index: z.number().int(),
  of: z.number().int(),
  media: DiscMedia,
  /** ISO 9660 volume id, at most 32 ASCII characters. */
  volumeId: z.string(),
  files: z.number().int(),
  /** The payload's bytes (the recordings), before the image is built. */
  bytes: z.number().int(),
  /** Null until the image has been built (once, for both copies). */
  imageSha256: z.string().nullable(),
  imageBytes: z.number().int().nullable(),
  labelledAt: z.string().nullable(),
  copies: z.array(DiscCopy),
});
export type DiscEntry = z.infer<typeof DiscEntry>;

export const DiscRequest = z.object({
  requestId: z.number().int(),
  state: DiscRequestState,
  reason: DiscReason,
  caseNumber: z.string(),
  caseName: z.string(),
  /** What was asked for, as it was named. */
  source: z.object({ kind: z.enum(['ingest', 'recordings', 'checkout']), ingestId: z.string().nullable(), checkoutId: z.number().int().nullable() }),
  recordingIds: z.array(z.number().int()),
  files: z.number().int(),
  bytes: z.number().int(),
  /** The highest level among its recordings: above `none`, only the head approves. */
  confidentiality: Confidentiality,
  requestedBy: z.string(),
  requestedAt: z.string(),
  decidedBy: z.string().nullable(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
  /** SHA-256 of the signed statement of the decision. */
  statementSha256: z.string().nullable(),
  media: DiscMedia.nullable(),
  discs: z.array(DiscEntry),
});
export type DiscRequest = z.infer<typeof DiscRequest>;

export const NewDiscRequest = z
  .object({
    ingestId: z.string().min(1).optional(),
    recordingIds: z.array(z.number().int()).min(1).max(100_000).optional(),
    checkoutId: z.number().int().optional(),
    reason: DiscReason,
    caseNumber: z.string().trim().min(1).max(100),
    caseName: z.string().trim().min(1).max(300),
  })
  .refine((value) => [value.ingestId, value.recordingIds, value.checkoutId].filter((named) => named !== undefined).length === 1, {
    message: 'name one of: an ingest, recordings, a check-out',
  });
export type NewDiscRequest = z.infer<typeof NewDiscRequest>;

export const DiscPlan = z.object({
  requestId: z.number().int(),
  media: DiscMedia,
  discs: z.array(z.object({ discId: z.string(), index: z.number().int(), of: z.number().int(), bytes: z.number().int(), files: z.number().int() })),
});
export type DiscPlan = z.infer<typeof DiscPlan>;

/**
 * A drive: `stdio:PATH` (xorriso's file as drive, also a block device such as a loop device) or an
 * optical drive's device (`/dev/sr0`).
 */
export const DriveName = z.string().min(1).max(4096);

export const BurnResult = z.object({
  discId: z.string(),
  copy: DiscCopyName,
  imageSha256: z.string(),
  bytes: z.number().int(),
  verified: z.boolean(),
  checks: DiscChecks,
  /** What failed, in the station's words; null when verified. */
  problem: z.string().nullable(),
});
export type BurnResult = z.infer<typeof BurnResult>;

export const OpticalDrive = z.object({
  device: z.string(),
  vendor: z.string().nullable(),
  model: z.string().nullable(),
  media: z.object({
    /** `none` no disc (or an open tray); otherwise the profile xorriso names (`DVD+R`, `BD-R sequential recording`, …). */
    kind: z.string(),
    blank: z.boolean(),
    freeBytes: z.number().int().nullable(),
  }),
});
export type OpticalDrive = z.infer<typeof OpticalDrive>;

/** Long disc work reports about itself, about four times a second. */
export const DiscPhase = z.enum(['imaging', 'burning', 'reading', 'md5', 'manifest']);
export type DiscPhase = z.infer<typeof DiscPhase>;

export const DiscProgress = z.object({
  discId: z.string(),
  copy: DiscCopyName.nullable(),
  phase: DiscPhase,
  bytesDone: z.number(),
  bytesTotal: z.number(),
  bytesPerSecond: z.number(),
  secondsLeft: z.number().nullable(),
});
export type DiscProgress = z.infer<typeof DiscProgress>;

/** Who asks for a disc: those who hold the footage (officers through the clerk), the lead and the head. */
const requesters: readonly Role[] = ['officer', 'clerk', 'lead', 'head', 'admin'];
/** The disc staff: the clerk (内勤) prepares discs; the lead and the head may stand in. */
const discStaff: readonly Role[] = ['clerk', 'lead', 'head', 'admin'];
const readers: readonly Role[] = ['officer', 'clerk', 'lead', 'head', 'auditor', 'admin'];
const burnCopy = z.object({ discId: z.string().min(1), copy: DiscCopyName, drive: DriveName });

export const discCommands = {
  'discs.request': { input: NewDiscRequest, output: DiscRequest, roles: requesters },
  /** A lead approves or rejects, signed; footage above `none` needs the head. */
  'discs.decide': {
    input: z
      .object({
        requestId: z.number().int(),
        decision: z.enum(['approved', 'rejected']),
        reason: z.string().trim().min(1).max(2000).optional(),
        password: z.string().min(1).max(1024).optional(),
      })
      .refine((value) => value.decision === 'approved' || value.reason !== undefined, { message: 'a rejection needs a reason', path: ['reason'] }),
    output: DiscRequest,
    roles: ['lead', 'head'] as readonly Role[],
  },
  /** Splits an approved request over discs of one medium by whole files; planning again replaces discs not yet burned. */
  'discs.plan': { input: z.object({ requestId: z.number().int(), media: DiscMedia }), output: DiscPlan, roles: discStaff },
  'discs.requests': { input: z.object({}), output: z.array(DiscRequest), roles: readers },
  /** Writes the disc's image into a folder, to burn elsewhere: its copies show `image-only` until burned. */
  'discs.image': {
    input: z.object({ discId: z.string().min(1), out: z.string().min(1) }),
    output: z.object({ discId: z.string(), path: z.string(), imageSha256: z.string() }),
    roles: discStaff,
  },
  /** Burns one copy from the disc's one image, then reads it back and runs the three checks. */
  'discs.burn': { input: burnCopy, output: BurnResult, roles: discStaff },
  /** A re-check of a burned copy: the three checks again, recorded. */
  'discs.verify': { input: burnCopy, output: BurnResult, roles: discStaff },
  /** Stops a burn or a check under way. */
  'discs.cancel': { input: z.object({ discId: z.string().min(1) }), output: z.object({ cancelled: z.boolean() }), roles: discStaff },
  'discs.store': {
    input: z.object({ discId: z.string().min(1), copy: DiscCopyName, location: z.string().trim().min(1).max(300) }),
    output: DiscEntry,
    roles: discStaff,
  },
  /** The label PDF (disc face and sleeve insert, copies A and B); `path` absolute, else under the data folder's `exports/`. */
  'discs.label': { input: z.object({ discId: z.string().min(1), path: z.string().min(1).optional() }), output: z.object({ path: z.string() }), roles: discStaff },
  'discs.list': { input: z.object({}), output: z.array(DiscEntry), roles: readers },
  'discs.drives': { input: z.object({}), output: z.array(OpticalDrive), roles: discStaff },
  /** Copies whose re-check is due (the setting `discRecheckMonths` after their last good check). */
  'discs.due': { input: z.object({}), output: z.array(DiscEntry), roles: readers },
} as const;
