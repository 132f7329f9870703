import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { useStationEvents } from '../hooks/use-station-events.js';
import { applyEvent, type JobView, type Jobs } from './ingest-jobs.js';

interface IngestTracker {
  jobs: Jobs;
  /** The ingest the Import page shows; kept here so leaving the page does not lose it. */
  currentId: string | null;
  setCurrentId(ingestId: string | null): void;
}

const TrackerContext = createContext<IngestTracker | null>(null);

/**
 * Listens from the moment the app starts, for every ingest: events that arrive before
 * `ingest.start` has even answered are kept, not lost.
 */
export function IngestTrackerProvider({ children }: { children: ReactNode }) {
  const [jobs, setJobs] = useState<Jobs>({});
  const [currentId, setCurrent] = useState<string | null>(null);
  useStationEvents((event) => setJobs((previous) => applyEvent(previous, event)));
  const setCurrentId = useCallback((ingestId: string | null) => setCurrent(ingestId), []);
  const value = useMemo(() => ({ jobs, currentId, setCurrentId }), [jobs, currentId, setCurrentId]);
  return <TrackerContext.Provider value={value}>{children}</TrackerContext.Provider>;
}

export function useIngestTracker(): IngestTracker {
  const tracker = useContext(TrackerContext);
  if (!tracker) throw new Error('useIngestTracker outside IngestTrackerProvider');
  return tracker;
}

export function useJob(ingestId: string | null): JobView | null {
  const { jobs } = useIngestTracker();
  return ingestId ? (jobs[ingestId] ?? null) : null;
}
