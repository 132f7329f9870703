import type { FileStatus, IngestProgress, IngestTotals, ReasonCode } from '../../src-main/contract/index.js';
import type { StationEvent } from '../api/types.js';

export interface FileEvent {
  /** Order of arrival within the job; a stable key for lists. */
  seq: number;
  source: string;
  status: FileStatus;
  reason: string | null;
  reasonCode: ReasonCode | null;
}

export type JobOutcome = { kind: 'completed'; totals: IngestTotals } | { kind: 'failed'; reason: string; reasonCode: ReasonCode };

/** What the interface has heard about one ingest from the event stream. */
export interface JobView {
  ingestId: string;
  source: string | null;
  progress: IngestProgress | null;
  /** Newest first, capped: the full list comes from `ingest.get` once the job ends. */
  recentFiles: FileEvent[];
  counts: Record<FileStatus, number>;
  outcome: JobOutcome | null;
}

export type Jobs = Readonly<Record<string, JobView>>;

export const recentFileLimit = 200;

function emptyJob(ingestId: string): JobView {
  return {
    ingestId,
    source: null,
    progress: null,
    recentFiles: [],
    counts: { archived: 0, duplicate: 0, skipped: 0, failed: 0 },
    outcome: null,
  };
}

function seen(job: JobView): number {
  return job.counts.archived + job.counts.duplicate + job.counts.skipped + job.counts.failed;
}

function eventIngestId(event: StationEvent): string | null {
  if (event.type === 'ingest.progress') return event.progress.ingestId;
  return 'ingestId' in event ? event.ingestId : null;
}

/** Pure: folds one station event into the jobs seen so far. */
export function applyEvent(jobs: Jobs, event: StationEvent): Jobs {
  const id = eventIngestId(event);
  if (id === null) return jobs;
  const job = jobs[id] ?? emptyJob(id);
  let next: JobView;
  switch (event.type) {
    case 'ingest.started':
      next = { ...job, source: event.source };
      break;
    case 'ingest.progress':
      next = { ...job, progress: event.progress };
      break;
    case 'ingest.file':
      next = {
        ...job,
        recentFiles: [
          { seq: seen(job), source: event.source, status: event.status, reason: event.reason, reasonCode: event.reasonCode },
          ...job.recentFiles,
        ].slice(0, recentFileLimit),
        counts: { ...job.counts, [event.status]: job.counts[event.status] + 1 },
      };
      break;
    case 'ingest.completed':
      next = { ...job, outcome: { kind: 'completed', totals: event.totals } };
      break;
    case 'ingest.failed':
      next = { ...job, outcome: { kind: 'failed', reason: event.reason, reasonCode: event.reasonCode } };
      break;
    default:
      return jobs;
  }
  return { ...jobs, [id]: next };
}
