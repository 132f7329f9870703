import type { SignoffDecision, SignoffEntry, SignoffReview } from '../../../src-main/contract/index.js';

/** Pending first (the lead's work), then the decided ones; newest import first within each. */
export function pendingFirst(entries: readonly SignoffEntry[]): SignoffEntry[] {
  const rank = (entry: SignoffEntry) => (entry.state === 'pending' ? 0 : 1);
  return [...entries].sort((a, b) => rank(a) - rank(b) || b.startedAt.localeCompare(a.startedAt));
}

export type DecideInput = { ingestId: string; decision: SignoffDecision; reason?: string; password: string };
export type DecideProblem = 'reason-needed' | 'password-needed';

/**
 * What the dialog sends, or why it cannot yet: a rejection needs its reason (the clerk reads it),
 * and every signature the signer's password, asked for now and kept nowhere after this call.
 */
export function decideInput(
  ingestId: string,
  decision: SignoffDecision,
  reason: string,
  password: string,
): { ok: true; input: DecideInput } | { ok: false; problems: DecideProblem[] } {
  const text = reason.trim();
  const problems: DecideProblem[] = [];
  if (decision === 'rejected' && text === '') problems.push('reason-needed');
  if (password === '') problems.push('password-needed');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { ingestId, decision, password, ...(text ? { reason: text } : {}) } };
}

/** The latest rejection's reason, shown large on a rejected import (the clerk reads it there). */
export function rejection(review: Pick<SignoffReview, 'state' | 'history'>): { reason: string | null; signer: string; signedAt: string } | null {
  if (review.state !== 'rejected') return null;
  const last = [...review.history].reverse().find((item) => item.decision === 'rejected');
  return last ? { reason: last.reason, signer: last.signer, signedAt: last.signedAt } : null;
}
