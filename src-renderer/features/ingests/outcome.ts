import type { IngestState, ReasonCode } from '../../../src-main/contract/index.js';

/** How an ingest ended, in the words an officer reads first: never "complete" with a file lost. */
export const outcomes = ['running', 'complete', 'complete-with-failures', 'cancelled', 'failed', 'interrupted'] as const;
export type Outcome = (typeof outcomes)[number];

export interface OutcomeFacts {
  state: IngestState;
  reasonCode: ReasonCode | null;
  /** `failed` never counts the files a cancel or a crash stopped before: those are `notReached`. */
  totals: { archived: number; duplicate: number; failed: number; notReached: number };
}

export interface OutcomeView {
  outcome: Outcome;
  /** Files that could not be archived for a reason of their own. */
  failed: number;
  /** Files a cancel or a stop never came to. */
  notReached: number;
  /** Safe in the archive now: copied and verified, or found there already. */
  safe: number;
}

export function outcomeOf(facts: OutcomeFacts): OutcomeView {
  const { failed, notReached } = facts.totals;
  const safe = facts.totals.archived + facts.totals.duplicate;
  const view = (outcome: Outcome): OutcomeView => ({ outcome, failed, notReached, safe });
  switch (facts.state) {
    case 'running':
      return view('running');
    case 'completed':
      return view(failed > 0 ? 'complete-with-failures' : 'complete');
    case 'interrupted':
      return view('interrupted');
    case 'failed':
      return view(facts.reasonCode === 'cancelled' ? 'cancelled' : 'failed');
  }
}
