import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../api/context.js';
import type { CommandError } from '../api/types.js';
import { ConfirmDialog } from '../components/ConfirmDialog.js';
import { ErrorMessage } from '../components/ErrorMessage.js';
import { FileEventLog } from '../components/FileEventLog.js';
import { IngestProgressPanel } from '../components/IngestProgressPanel.js';
import { IngestSummary } from '../components/IngestSummary.js';
import { SourcePicker } from '../components/SourcePicker.js';
import { useIngestReport } from '../hooks/use-ingest-report.js';
import { useIngestTracker, useJob } from '../state/ingest-tracker.js';

export function ImportPage() {
  const { t } = useTranslation();
  const api = useApi();
  const { currentId, setCurrentId } = useIngestTracker();
  const job = useJob(currentId);
  const { report, error: reportError } = useIngestReport(currentId, job?.outcome ?? null);
  const [starting, setStarting] = useState(false);
  const [error, setError] = useState<CommandError | null>(null);
  const [confirmCancel, setConfirmCancel] = useState(false);

  useAdoptRunningIngest(currentId, setCurrentId);

  const finished = report !== null && report.state !== 'running';

  const start = async (sourcePath: string) => {
    setStarting(true);
    setError(null);
    const result = await api.call('ingest.start', { sourcePath });
    setStarting(false);
    if (result.ok) setCurrentId(result.value.ingestId);
    else setError(result.error);
  };

  const cancel = async () => {
    setConfirmCancel(false);
    if (!currentId) return;
    const result = await api.call('ingest.cancel', { ingestId: currentId });
    if (!result.ok) setError(result.error);
  };

  return (
    <div className="page" data-testid="import-page">
      <h2>{t('import.title')}</h2>
      {error ? <ErrorMessage error={error} testId="import-error" /> : null}
      {currentId === null ? (
        <SourcePicker starting={starting} onStart={(path) => void start(path)} />
      ) : (
        <>
          <div className="job-head">
            <p className="mono" data-testid="current-ingest">
              {job?.source ?? report?.source ?? ''} <span className="muted">({currentId})</span>
            </p>
            {finished ? (
              <button type="button" className="primary" onClick={() => setCurrentId(null)} data-testid="new-ingest">
                {t('import.newImport')}
              </button>
            ) : (
              <button type="button" className="danger" onClick={() => setConfirmCancel(true)} data-testid="cancel-ingest">
                {t('import.cancel')}
              </button>
            )}
          </div>
          {reportError ? <ErrorMessage error={reportError} testId="report-error" /> : null}
          <IngestProgressPanel job={job} finished={finished} />
          {finished ? <IngestSummary report={report} /> : null}
          <FileEventLog files={job?.recentFiles ?? []} />
        </>
      )}
      {confirmCancel ? (
        <ConfirmDialog
          title={t('import.cancelTitle')}
          body={t('import.cancelBody')}
          confirmLabel={t('import.cancelConfirm')}
          onConfirm={() => void cancel()}
          onCancel={() => setConfirmCancel(false)}
        />
      ) : null}
    </div>
  );
}

/** An ingest started before this window opened (another window, the CLI) is shown, not hidden. */
function useAdoptRunningIngest(currentId: string | null, setCurrentId: (id: string) => void): void {
  const api = useApi();
  useEffect(() => {
    if (currentId !== null) return;
    let live = true;
    void api.call('ingest.list', { limit: 20 }).then((result) => {
      const running = result.ok ? result.value.find((ingest) => ingest.state === 'running') : undefined;
      if (live && running) setCurrentId(running.ingestId);
    });
    return () => {
      live = false;
    };
    // Only on arrival at the page: after "new import" the officer wants the picker.
  }, [api]);
}
