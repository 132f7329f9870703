import { useTranslation } from 'react-i18next';
import { formatBytes, formatSpeed } from '../../format/bytes.js';
import { useTimeLeftText } from '../../hooks/use-time-left-text.js';
import { isReadingSource } from '../../state/ingest-phase.js';
import type { JobView } from '../../state/ingest-jobs.js';
import { IngestSteps } from './IngestSteps.js';

/**
 * Stays on screen after the end, frozen at the last numbers, above the summary. The bar and its
 * percentage go once it ended: a bar stuck at 99% over a failed file would say "almost done" where
 * the summary says what happened.
 */
export function IngestProgressPanel({ job, finished }: { job: JobView | null; finished: boolean }) {
  const { t } = useTranslation();
  const timeLeft = useTimeLeftText();
  if (!job?.progress) {
    return (
      <section className="panel progress" data-testid="ingest-progress" aria-busy={!finished}>
        <p>{finished ? t('progress.ended') : t('progress.waiting')}</p>
      </section>
    );
  }
  const { progress } = job;
  const fraction = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  const reading = isReadingSource(progress.phase);
  return (
    <section className="panel progress" data-testid="ingest-progress" aria-labelledby="progress-heading">
      <h3 id="progress-heading">
        {finished ? t('progress.ended') : t(`phase.${progress.phase}`)}
        {finished ? null : <span className="percent">{Math.floor(fraction * 100)}%</span>}
      </h3>
      {finished ? null : (
        <progress
          value={progress.bytesDone}
          max={Math.max(progress.bytesTotal, 1)}
          aria-label={t('progress.bar')}
          data-testid="progress-bar"
        />
      )}
      {finished ? null : <IngestSteps phase={progress.phase} />}
      <dl className="facts">
        <dt>{t('progress.files')}</dt>
        <dd data-testid="progress-files">
          {t('progress.ofTotal', { done: progress.filesDone, total: progress.filesTotal })}
        </dd>
        <dt>{t('progress.bytes')}</dt>
        <dd data-testid="progress-bytes">
          {t('progress.ofTotal', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}
        </dd>
        {finished || !reading ? null : (
          <>
            <dt>{t('progress.speed')}</dt>
            <dd data-testid="progress-speed">{formatSpeed(progress.bytesPerSecond)}</dd>
            <dt>{t('progress.timeLeft')}</dt>
            <dd data-testid="progress-time-left">{timeLeft(progress.secondsLeft)}</dd>
            <dt>{t('progress.currentFile')}</dt>
            <dd className="mono ellipsis" data-testid="progress-current" title={progress.currentFile ?? ''}>
              {progress.currentFile ?? '—'}
            </dd>
          </>
        )}
      </dl>
    </section>
  );
}
