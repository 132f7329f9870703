import type { IngestProgress } from '../../src-main/contract/index.js';

type Phase = IngestProgress['phase'];

/** The steps an ingest works through, in order; `queued` is said by the heading alone. */
const ingestStepOrder: readonly Phase[] = ['scanning', 'copying', 'verifying', 'metadata', 'clock', 'finishing'];

/** Speed and time left describe reading the card; after it they would read 0.0 MB/s and "1 s". */
export const isReadingSource = (phase: Phase): boolean => phase === 'scanning' || phase === 'copying' || phase === 'checking';

/** Each step's state against the current phase: done, current, or still to come. Checking files archived before is part of the copy step. */
export function stepStates(phase: Phase): { step: Phase; state: 'done' | 'current' | 'pending' }[] {
  const at = ingestStepOrder.indexOf(phase === 'checking' ? 'copying' : phase);
  return ingestStepOrder.map((step, index) => ({
    step,
    state: at < 0 || index > at ? 'pending' : index < at ? 'done' : 'current',
  }));
}
