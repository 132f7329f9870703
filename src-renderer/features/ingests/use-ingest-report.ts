import { useEffect, useState } from 'react';
import { useApi } from '../../api/context.js';
import type { CommandError, CommandOutput } from '../../api/types.js';
import type { JobOutcome } from '../../state/ingest-jobs.js';

export type IngestReport = CommandOutput<'ingest.get'>;

const pollMs = 2000;

/**
 * The station's own account of an ingest. Fetched at once when the end event arrives; also
 * polled slowly while it runs, so a dropped event stream cannot leave the page waiting forever.
 */
export function useIngestReport(
  ingestId: string | null,
  outcome: JobOutcome | null,
): { report: IngestReport | null; error: CommandError | null } {
  const api = useApi();
  const [report, setReport] = useState<IngestReport | null>(null);
  const [error, setError] = useState<CommandError | null>(null);

  useEffect(() => {
    setReport(null);
    setError(null);
  }, [ingestId]);

  useEffect(() => {
    if (!ingestId) return;
    let live = true;
    let timer = 0;
    const fetchReport = async () => {
      const result = await api.call('ingest.get', { ingestId });
      if (!live) return;
      if (result.ok) {
        setReport(result.value);
        setError(null);
        if (result.value.state !== 'running') return;
      } else if (result.error.code !== 'not-found') {
        // not-found only means the station has not written the ingest's first row yet.
        setError(result.error);
      }
      timer = window.setTimeout(() => void fetchReport(), pollMs);
    };
    void fetchReport();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [api, ingestId, outcome]);

  return { report, error };
}
