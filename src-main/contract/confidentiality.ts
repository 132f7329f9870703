import { z } from 'zod';
import type { Role } from './roles.js';

/**
 * Art. 14: footage touching state secrets, commercial secrets or personal privacy is kept apart.
 * Ordered from least to most restricted; a recording's level is the higher of its own and its
 * activity's (check-out's).
 */
export const Confidentiality = z.enum(['none', 'personal-privacy', 'commercial-secret', 'state-secret']);
export type Confidentiality = z.infer<typeof Confidentiality>;

export const ClassifyRequest = z
  .object({
    level: Confidentiality,
    recordingId: z.number().int().optional(),
    /** Every recording the ingest archived. */
    ingestId: z.string().optional(),
    /** The activity: the check-out's level applies to the recordings of its window. */
    checkoutId: z.number().int().optional(),
  })
  .refine((value) => [value.recordingId, value.ingestId, value.checkoutId].filter((one) => one !== undefined).length === 1, {
    message: 'name exactly one of a recording, an ingest or a check-out',
  });
export type ClassifyRequest = z.infer<typeof ClassifyRequest>;

export const ClassifyReceipt = z.object({ level: Confidentiality, recordings: z.number().int() });

/** The head lets a named person see state-secret footage until a time. */
export const AccessGrant = z.object({
  id: z.number().int(),
  personId: z.number().int(),
  name: z.string(),
  recordingId: z.number().int().nullable(),
  ingestId: z.string().nullable(),
  until: z.string(),
  grantedBy: z.string(),
  grantedAt: z.string(),
});
export type AccessGrant = z.infer<typeof AccessGrant>;

const classifiers: readonly Role[] = ['clerk', 'lead', 'head'];

export const confidentialityCommands = {
  'confidentiality.classify': { input: ClassifyRequest, output: ClassifyReceipt, roles: classifiers },
  'confidentiality.grant': {
    input: z
      .object({ personId: z.number().int(), recordingId: z.number().int().optional(), ingestId: z.string().optional(), until: z.iso.datetime({ offset: true }) })
      .refine((value) => (value.recordingId === undefined) !== (value.ingestId === undefined), { message: 'name a recording or an ingest' }),
    output: AccessGrant,
    roles: ['head'] as readonly Role[],
  },
  'confidentiality.grants': { input: z.object({}), output: z.array(AccessGrant), roles: ['head', 'auditor'] as readonly Role[] },
} as const;
