/** A signed approve-or-reject: sign-off, work record, export approval, disc request. */
export type Decision = 'approved' | 'rejected';
export type DecisionProblem = 'reason-needed' | 'password-needed';
/** What every signed decision sends, besides what it decides on. */
export interface SignedDecision {
  decision: Decision;
  reason?: string;
  password: string;
}

/**
 * What the dialog sends, or why it cannot yet: a rejection needs its reason (whoever asked reads
 * it), an empty note is left out, and every signature needs the signer's password, asked for now
 * and kept nowhere after this call.
 */
export function signedDecisionInput(decision: Decision, reason: string, password: string): { ok: true; input: SignedDecision } | { ok: false; problems: DecisionProblem[] } {
  const text = reason.trim();
  const problems: DecisionProblem[] = [];
  if (decision === 'rejected' && text === '') problems.push('reason-needed');
  if (password === '') problems.push('password-needed');
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, input: { decision, password, ...(text ? { reason: text } : {}) } };
}
