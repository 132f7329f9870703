import { DateTime } from 'luxon';
import type { DiscCopy, DiscEntry, DiscRequest, DiscRequestState } from '../../contract/index.js';
import type { Database } from '../db/index.js';
import { allDiscs, copiesOf, discsOf, lastCheckOf, type DiscCopyRow, type DiscRequestRow, type DiscRow } from './disc-store.js';

export interface ViewContext {
  db: Database;
  iso: (ms: number) => string;
  zone: string;
  recheckMonths: number;
  /** The request's level, read from its recordings as they are now. */
  levelOf: (row: DiscRequestRow) => DiscRequest['confidentiality'];
}

const isoOrNull = (iso: (ms: number) => string, ms: number | null): string | null => (ms === null ? null : iso(ms));

/** A copy that holds true is checked again `recheckMonths` after its last good check. */
export function nextCheckDue(copy: DiscCopyRow, context: Pick<ViewContext, 'zone' | 'recheckMonths'>): number | null {
  if ((copy.state !== 'verified' && copy.state !== 'stored') || copy.verified_at === null) return null;
  return DateTime.fromMillis(copy.verified_at, { zone: context.zone }).plus({ months: context.recheckMonths }).toMillis();
}

function copyView(copy: DiscCopyRow, context: ViewContext): DiscCopy {
  const check = lastCheckOf(context.db, copy.disc_id, copy.copy);
  const flag = (value: number | null) => (value === null ? null : value === 1);
  return {
    copy: copy.copy,
    state: copy.state,
    burnedAt: isoOrNull(context.iso, copy.burned_at),
    verifiedAt: isoOrNull(context.iso, copy.verified_at),
    location: copy.location,
    nextCheckDue: isoOrNull(context.iso, nextCheckDue(copy, context)),
    problem: copy.state === 'failed' ? copy.problem : null,
    checks: check === null ? null : { image: flag(check.image_ok), md5: flag(check.md5_ok), manifest: flag(check.manifest_ok) },
  };
}

export function discEntry(disc: DiscRow, request: DiscRequestRow, context: ViewContext): DiscEntry {
  return {
    discId: disc.id,
    requestId: disc.request_id,
    caseNumber: request.case_number,
    caseName: request.case_name,
    reason: request.reason,
    index: disc.idx,
    of: disc.of,
    media: disc.media,
    volumeId: disc.volume_id,
    files: disc.files,
    bytes: disc.bytes,
    imageSha256: disc.image_sha256,
    imageBytes: disc.image_bytes,
    labelledAt: isoOrNull(context.iso, disc.labelled_at),
    copies: copiesOf(context.db, disc.id).map((copy) => copyView(copy, context)),
  };
}

const isGood = (state: DiscCopy['state']) => state === 'verified' || state === 'stored';

/** The furthest stage all of a request's discs have reached. */
export function requestState(row: DiscRequestRow, discs: readonly DiscEntry[]): DiscRequestState {
  if (row.decision === null) return 'requested';
  if (row.decision === 'rejected') return 'rejected';
  if (discs.length === 0) return 'approved';
  const copies = discs.flatMap((disc) => disc.copies);
  if (copies.every((copy) => copy.state === 'stored')) return 'stored';
  if (copies.every((copy) => isGood(copy.state))) return discs.every((disc) => disc.labelledAt !== null) ? 'labelled' : 'verified';
  // Burning only while a copy is being written or checked; a failed or image-only copy waits, planned.
  if (copies.some((copy) => copy.state === 'burning')) return 'burning';
  return 'planned';
}

export function requestView(row: DiscRequestRow, context: ViewContext): DiscRequest {
  const discs = discsOf(context.db, row.id).map((disc) => discEntry(disc, row, context));
  return {
    requestId: row.id,
    state: requestState(row, discs),
    reason: row.reason,
    caseNumber: row.case_number,
    caseName: row.case_name,
    source: { kind: row.source_kind, ingestId: row.source_ingest_id, checkoutId: row.source_checkout_id },
    recordingIds: JSON.parse(row.recording_ids_json) as number[],
    files: row.files,
    bytes: row.bytes,
    confidentiality: context.levelOf(row),
    requestedBy: row.requested_by,
    requestedAt: context.iso(row.requested_at),
    decidedBy: row.decided_by,
    decidedAt: isoOrNull(context.iso, row.decided_at),
    decisionReason: row.decision_reason,
    statementSha256: row.statement_sha256,
    media: row.media,
    discs,
  };
}

/** Every disc of the register with its request, taken from `requests` (all of them, read once) rather than read per disc. */
export function registerEntries(context: ViewContext, requests: ReadonlyMap<number, DiscRequestRow>): DiscEntry[] {
  return allDiscs(context.db).map((disc) => {
    const request = requests.get(disc.request_id);
    // Cannot happen: every disc references its request (migration 013's foreign key).
    if (request === undefined) throw new Error(`disc ${disc.id}: no request ${disc.request_id}`);
    return discEntry(disc, request, context);
  });
}
