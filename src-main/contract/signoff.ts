import { z } from 'zod';
import { IngestReport } from './ingest.js';
import type { Role } from './roles.js';

/** Who signs: the enforcement team lead (执法队负责人) reviews ingests; the head (主要领导) may stand in. */
export const signers: readonly Role[] = ['lead', 'head'];
const readers: readonly Role[] = ['clerk', 'lead', 'head', 'auditor', 'admin'];

export const SignoffDecision = z.enum(['approved', 'rejected']);
export type SignoffDecision = z.infer<typeof SignoffDecision>;
export const SignoffState = z.enum(['pending', 'approved', 'rejected']);
export type SignoffState = z.infer<typeof SignoffState>;

/** A reason is required to reject (the clerk reads it) and optional to approve. */
export const SignoffReason = z.string().trim().min(1).max(2000);

/**
 * What a signature covers (`signoff.json`, canonical JSON: keys sorted, no spaces, UTF-8). The bag's
 * tag manifest is hashed without the lines of the sign-off's own tag files, so it reads the same
 * before and after they are added: `grep -v -E '  (signoff\.json|signoff\.sig|signer\.pem)$'
 * tagmanifest-sha256.txt | sha256sum`.
 */
export const SignoffStatement = z.object({
  type: z.literal('ingest-signoff'),
  version: z.literal(1),
  ingestId: z.string(),
  tagManifestSha256: z.string(),
  decision: SignoffDecision,
  reason: z.string().nullable(),
  signer: z.object({ personId: z.number().int(), name: z.string(), role: z.string(), keyId: z.string() }),
  signedAt: z.string(),
  auditHead: z.object({ seq: z.number().int(), hash: z.string() }).nullable(),
});
export type SignoffStatement = z.infer<typeof SignoffStatement>;

export const SignoffReceipt = z.object({
  ingestId: z.string(),
  decision: SignoffDecision,
  signer: z.string(),
  signedAt: z.string(),
  /** SHA-256 of `signoff.json` as written into the bag (the exact bytes signed). */
  statementSha256: z.string(),
});
export type SignoffReceipt = z.infer<typeof SignoffReceipt>;

export const SignoffEntry = z.object({
  ingestId: z.string(),
  state: SignoffState,
  signer: z.string().nullable(),
  signedAt: z.string().nullable(),
  reason: z.string().nullable(),
  /** For the lead's list: what was ingested, by whom, from which device. */
  operator: z.string(),
  device: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  files: z.number().int(),
  findingCount: z.number().int(),
});
export type SignoffEntry = z.infer<typeof SignoffEntry>;

export const SignoffHistoryItem = SignoffReceipt.extend({ reason: z.string().nullable(), keyId: z.string() });

/** Everything the lead reads before signing (Art. 13): the ingest, who had the device, lateness, the decisions so far. */
export const SignoffReview = z.object({
  ingest: IngestReport,
  operator: z.string(),
  state: SignoffState,
  history: z.array(SignoffHistoryItem),
  officers: z.array(z.object({ id: z.number().int(), name: z.string(), officerNumber: z.string().nullable() })),
  checkouts: z.array(
    z.object({
      checkoutId: z.number().int(),
      officer: z.string(),
      checkedOutAt: z.string(),
      returnedAt: z.string().nullable(),
      deadline: z.string().nullable(),
      late: z.boolean(),
      lateReason: z.string().nullable(),
    }),
  ),
  /** Why the caller may not sign it (own ingest, not finished, sealed, not a signer); null when they may. */
  cannotSign: z.enum(['own-ingest', 'not-finished', 'sealed', 'not-a-signer']).nullable(),
});
export type SignoffReview = z.infer<typeof SignoffReview>;

export const SignoffProblem = z.object({
  ingestId: z.string(),
  problem: z.enum(['bad-signature', 'bag-changed', 'unknown-key']),
  detail: z.string(),
});
export const SignoffVerifyReport = z.object({ checked: z.number().int(), ok: z.number().int(), problems: z.array(SignoffProblem) });
export type SignoffVerifyReport = z.infer<typeof SignoffVerifyReport>;

export const SigningKey = z.object({
  keyId: z.string(),
  personId: z.number().int(),
  name: z.string(),
  publicKeyPem: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
});
export type SigningKey = z.infer<typeof SigningKey>;

/**
 * A password to unlock the signer's key. The command line passes the one it signed in with; the
 * desktop and browser ask for it again at the moment of signing.
 */
const SigningPassword = z.string().min(1).max(1024).optional();

export const signoffCommands = {
  'signoff.list': {
    input: z.object({ pending: z.boolean().optional(), limit: z.number().int().min(1).max(10_000).default(500) }),
    output: z.array(SignoffEntry),
    roles: readers,
  },
  /** The review screen's data; opening it is a view of evidence (audited). */
  'signoff.review': { input: z.object({ ingestId: z.string() }), output: SignoffReview, roles: readers },
  /** Approve or reject an ingest, signed with the caller's key; the operator of the ingest may not. */
  'signoff.decide': {
    input: z
      .object({ ingestId: z.string(), decision: SignoffDecision, reason: SignoffReason.optional(), password: SigningPassword })
      .refine((value) => value.decision === 'approved' || value.reason !== undefined, { message: 'a rejection needs a reason', path: ['reason'] }),
    output: SignoffReceipt,
    roles: signers,
  },
  /** Every signed bag against its signature, its signer's kept key and its files. */
  'signoff.verify': { input: z.object({}), output: SignoffVerifyReport, roles: readers },
  /** Every signing key the station made, revoked ones too (old signatures verify against them). */
  'signoff.keys': { input: z.object({}), output: z.array(SigningKey), roles: readers },
} as const;
