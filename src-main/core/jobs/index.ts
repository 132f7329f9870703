// Long work (an ingest, later a burn or a purge): one state per job, one progress tracker.
export { JobState, type Transitions } from './job-state.js';
export { ProgressTracker, type JobProgress } from './progress-tracker.js';
