import type { SignoffEntry, SignoffReview } from '../../../src-main/contract/index.js';

/** Pending first (the lead's work), then the decided ones; newest import first within each. */
export function pendingFirst(entries: readonly SignoffEntry[]): SignoffEntry[] {
  const rank = (entry: SignoffEntry) => (entry.state === 'pending' ? 0 : 1);
  return [...entries].sort((a, b) => rank(a) - rank(b) || b.startedAt.localeCompare(a.startedAt));
}

/** The latest rejection's reason, shown large on a rejected import (the clerk reads it there). */
export function rejection(review: Pick<SignoffReview, 'state' | 'history'>): { reason: string | null; signer: string; signedAt: string } | null {
  if (review.state !== 'rejected') return null;
  const last = [...review.history].reverse().find((item) => item.decision === 'rejected');
  return last ? { reason: last.reason, signer: last.signer, signedAt: last.signedAt } : null;
}
