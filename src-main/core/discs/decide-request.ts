import type { Caller, Credentials } from '../../contract/index.js';
import { StationError } from '../errors.js';
import type { StationServices } from '../services.js';
import { signingPassword, type Signer } from '../signing/index.js';
import { recordDecision, requestById, type DiscRequestRow } from './disc-store.js';
import { writeTransaction } from '../db/index.js';

export interface DecideInput {
  requestId: number;
  decision: 'approved' | 'rejected';
  reason?: string | undefined;
  password?: string | undefined;
}

/**
 * A lead's (for confidential footage, the head's) decision on a disc request, signed with their
 * key over what the disc will hold: the case, the reason, and each recording with its hash.
 */
export async function decideRequest(
  services: StationServices,
  signer: Signer,
  input: DecideInput,
  caller: Caller,
  credentials: Credentials,
  context: { level: string; recordings: readonly { id: number; sha256: string }[] },
): Promise<DiscRequestRow> {
  const { db, iso } = services;
  const row = requestById(db, input.requestId);
  if (row === null) throw new StationError('not-found', `no disc request ${input.requestId}`);
  if (row.decision === 'approved') throw new StationError('invalid-input', `disc request ${row.id} is already approved`);
  if (context.level !== 'none' && caller.role !== 'head') {
    throw new StationError('forbidden', `disc request ${row.id} holds ${context.level} footage: only the head of the unit approves it (Art. 14)`);
  }
  const decidedAt = services.now();
  const reason = input.reason ?? null;
  const signed = await signer.sign(caller, signingPassword(input.password, credentials), (keyId) => ({
    type: 'disc-request-decision',
    version: 1,
    requestId: row.id,
    decision: input.decision,
    reason,
    request: { reason: row.reason, caseNumber: row.case_number, caseName: row.case_name, level: context.level, recordings: context.recordings },
    signer: { personId: caller.personId ?? null, name: caller.name, role: caller.role, keyId },
    decidedAt: iso(decidedAt),
  }));
  writeTransaction(db, () => {
    const stored = recordDecision(db, row.id, {
      decision: input.decision,
      decided_by: caller.name,
      decided_at: decidedAt,
      decision_reason: reason,
      key_id: signed.keyId,
      statement: signed.text,
      statement_sha256: signed.sha256,
      signature: signed.signature,
    });
    if (!stored) throw new StationError('invalid-input', `disc request ${row.id} was approved meanwhile`);
    services.audit?.record({
      actor: caller.name,
      role: caller.role,
      action: 'discs.decide',
      object: `disc-request:${row.id}`,
      details: { kind: 'change', decision: input.decision, reason, level: context.level, keyId: signed.keyId, statementSha256: signed.sha256 },
    });
  });
  return requestById(db, row.id)!;
}
