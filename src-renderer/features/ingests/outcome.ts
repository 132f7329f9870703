import type { IngestState, ReasonCode } from '../../../src-main/contract/index.js';

/** How an ingest ended, in the words an officer reads first: never "complete" with a file lost. */
export const outcomes = ['running', 'complete', 'complete-with-failures', 'cancelled', 'failed', 'interrupted'] as const;
export type Outcome = (typeof outcomes)[number];

export interface OutcomeFacts {
  state: IngestState;
  reasonCode: ReasonCode | null;
  totals: { archived: number; duplicate: number; failed: number };
  /** Per-file results where known (the full report): files a stop never reached are not failures. */
  files?: readonly { status: string; reasonCode: ReasonCode | null }[];
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

const stoppedBefore = (file: { status: string; reasonCode: ReasonCode | null }) =>
  file.status === 'failed' && (file.reasonCode === 'cancelled' || file.reasonCode === 'interrupted');

export function outcomeOf(facts: OutcomeFacts): OutcomeView {
  const notReached = facts.files?.filter(stoppedBefore).length ?? 0;
  const failed = facts.totals.failed - notReached;
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
