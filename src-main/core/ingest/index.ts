// Verified ingests: the job (a state machine), the one scheduler, the index of what each found.
export type { IngestActor, IngestOrigin, IngestOutcome } from './ingest-job.js';
export { ingestModule, type IngestModule } from './ingest-module.js';
export type { IngestRequest, ScheduledIngest } from './ingest-scheduler.js';
export { runningIngests, type Reason } from './ingest-store.js';
