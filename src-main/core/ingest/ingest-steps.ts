import type { IngestProgress, IngestState } from '../../contract/index.js';
import type { Transitions } from '../jobs/index.js';

/**
 * An ingest's one state. Copies and read-backs overlap (the read-back of one file runs beside the
 * copy of the next), so `copying` holds both; `verifying` is the wait for the last read-backs.
 * Every working step may end early in `finishing` (a stop, a full disk, a crash in a step), and
 * every ingest passes through `finishing`, where its bag and its row are closed.
 */
export type IngestStep =
  | 'queued'
  | 'scanning'
  | 'copying'
  | 'verifying'
  | 'describing'
  | 'clock'
  | 'finishing'
  | 'done'
  | 'failed'
  | 'cancelled';

export const ingestSteps: Transitions<IngestStep> = {
  queued: ['scanning', 'finishing'],
  scanning: ['copying', 'finishing'],
  copying: ['verifying', 'finishing'],
  verifying: ['describing', 'finishing'],
  describing: ['clock', 'finishing'],
  clock: ['finishing'],
  finishing: ['done', 'failed', 'cancelled'],
  done: [],
  failed: [],
  cancelled: [],
};

type WorkingStep = Exclude<IngestStep, 'done' | 'failed' | 'cancelled'>;
export type IngestPhase = IngestProgress['phase'];

/** What the interface is told of each working step. */
export const phaseOf: Record<WorkingStep, IngestPhase> = {
  queued: 'queued',
  scanning: 'scanning',
  copying: 'copying',
  verifying: 'verifying',
  describing: 'metadata',
  clock: 'clock',
  finishing: 'finishing',
};

export const isWorking = (step: IngestStep): step is WorkingStep => ingestSteps[step].length > 0;

/** How the index and the contract record an ended ingest: a cancelled one failed, with its reason. */
export const recordedState = (end: 'done' | 'failed' | 'cancelled'): Extract<IngestState, 'completed' | 'failed'> => (end === 'done' ? 'completed' : 'failed');
