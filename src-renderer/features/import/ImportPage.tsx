import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useIngestTracker, useJob } from '../../state/ingest-tracker.js';
import { IngestSummary } from '../ingests/IngestSummary.js';
import { useIngestReport } from '../ingests/use-ingest-report.js';
import { DeadlineBoard } from '../ledger/DeadlineBoard.js';
import { FileEventLog } from './FileEventLog.js';
import { IngestProgressPanel } from './IngestProgressPanel.js';
import { SourcePicker } from './SourcePicker.js';

export function ImportPage() {
  const { t } = useTranslation();
  const { currentId, setCurrentId } = useIngestTracker();
  const job = useJob(currentId);
  const { report, error: reportError } = useIngestReport(currentId, job?.outcome ?? null);
  // Starting and cancelling an ingest; either one's failure shows at the top of the page.
  const action = useAction();
  const [confirmCancel, setConfirmCancel] = useState(false);

  useAdoptRunningIngest(currentId, setCurrentId);

  const finished = report !== null && report.state !== 'running';
  // An ingest that ends while the question is open has nothing left to cancel: the summary shows instead.
  useEffect(() => {
    if (finished) setConfirmCancel(false);
  }, [finished]);

  const start = async (sourcePath: string) => {
    const started = await action.run('ingest.start', { sourcePath });
    if (started) setCurrentId(started.ingestId);
  };

  const cancel = async () => {
    setConfirmCancel(false);
    if (!currentId) return;
    await action.run('ingest.cancel', { ingestId: currentId });
  };

  return (
    <div className="page" data-testid="import-page">
      <h2>{t('import.title')}</h2>
      <DeadlineBoard />
      {action.error ? <ErrorMessage error={action.error} testId="import-error" /> : null}
      {currentId === null ? (
        <SourcePicker starting={action.busy} onStart={(path) => void start(path)} onPathChange={action.clearError} />
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
    void api.call('ingest.list', { state: 'running', limit: 1 }).then((result) => {
      const running = result.ok ? result.value[0] : undefined;
      if (live && running) setCurrentId(running.ingestId);
    });
    return () => {
      live = false;
    };
    // Only on arrival at the page: after "new import" the officer wants the picker.
  }, [api]);
}
