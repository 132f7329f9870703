import type { Caller, Credentials, ExportApproval } from '../../contract/index.js';
import { StationError } from '../errors.js';
import { personById } from '../people/index.js';
import type { StationServices } from '../services.js';
import { signingPassword, type Signer } from '../signing/index.js';
import { approvalById, decideApproval, insertApprovalRequest, usableApproval, waitingRequest, type ApprovalRow } from './export-store.js';
import { writeTransaction } from '../db/index.js';

export const toApproval = (row: ApprovalRow, iso: (ms: number) => string): ExportApproval => ({
  id: row.id,
  state: row.state,
  recordingIds: JSON.parse(row.recording_ids_json) as number[],
  requestedBy: row.requested_by,
  requestedAt: iso(row.requested_at),
  decidedBy: row.decided_by,
  decidedAt: row.decided_at === null ? null : iso(row.decided_at),
  reason: row.reason,
});

const requesterOf = (caller: Caller) => ({ personId: caller.personId ?? null, name: caller.name });

/**
 * The approval an export of confidential recordings uses, or, without one, a request filed for
 * the head (recorded in the audit chain) and the export refused with its number.
 */
export function approvalFor(services: StationServices, caller: Caller, recordingIds: readonly number[]): ApprovalRow {
  const { db } = services;
  const requester = requesterOf(caller);
  const approved = usableApproval(db, recordingIds, requester);
  if (approved !== null) return approved;
  const id = writeTransaction(db, () => {
    const waiting = waitingRequest(db, recordingIds, requester);
    if (waiting !== null) return waiting.id;
    const filed = insertApprovalRequest(db, recordingIds, requester, services.now());
    services.audit?.record({
      actor: caller.name,
      role: caller.role,
      action: 'export.request',
      object: `export-approval:${filed}`,
      details: { kind: 'change', recordingIds: [...recordingIds].sort((a, b) => a - b) },
    });
    return filed;
  });
  throw new StationError('approval-needed', `approval request ${id} filed: the head approves it with \`station export approve ${id}\``);
}

export interface DecideInput {
  id: number;
  decision: 'approved' | 'rejected';
  reason?: string | undefined;
  password?: string | undefined;
}

/** The head's decision on a request, signed with the head's key; the statement and signature are kept as signed. */
export async function decide(services: StationServices, signer: Signer, input: DecideInput, caller: Caller, credentials: Credentials): Promise<ExportApproval> {
  const { db, iso } = services;
  const row = approvalById(db, input.id);
  if (row === null) throw new StationError('not-found', `no export approval request ${input.id}`);
  if (row.state !== 'requested') throw new StationError('invalid-input', `export approval request ${input.id} is already ${row.state}`);
  if (input.decision === 'rejected' && input.reason === undefined) throw new StationError('invalid-input', 'a rejection says why: give a reason');
  const person = caller.personId == null ? null : personById(db, caller.personId);
  const decidedAt = services.now();
  const recordingIds = JSON.parse(row.recording_ids_json) as number[];
  const signed = await signer.sign(caller, signingPassword(input.password, credentials), (keyId) => ({
    type: 'export-approval',
    version: 1,
    approvalId: row.id,
    recordingIds,
    decision: input.decision,
    reason: input.reason ?? null,
    signer: { personId: caller.personId ?? null, name: person?.name ?? caller.name, role: caller.role, keyId },
    decidedAt: iso(decidedAt),
  }));
  writeTransaction(db, () => {
    const stored = decideApproval(db, row.id, {
      state: input.decision,
      by: person?.name ?? caller.name,
      at: decidedAt,
      reason: input.reason ?? null,
      keyId: signed.keyId,
      statement: signed.text,
      signature: signed.signature,
    });
    if (!stored) throw new StationError('invalid-input', `export approval request ${row.id} was decided meanwhile`);
    services.audit?.record({
      actor: caller.name,
      role: caller.role,
      action: 'export.decide',
      object: `export-approval:${row.id}`,
      details: { kind: 'change', decision: input.decision, recordingIds, keyId: signed.keyId, statementSha256: signed.sha256 },
    });
  });
  return toApproval(approvalById(db, row.id)!, iso);
}
