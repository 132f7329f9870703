import { useTranslation } from 'react-i18next';
import type { IngestProgress } from '../../../src-main/contract/index.js';
import { formatBytes, formatSpeed } from '../../format/bytes.js';
import { useTimeLeftText } from '../../hooks/use-time-left-text.js';

const percentOf = (progress: IngestProgress) => (progress.bytesTotal > 0 ? Math.floor((progress.bytesDone / progress.bytesTotal) * 100) : 0);

/**
 * A card's copy in numbers: how far, how fast, how long still. On a compact rack card, one bar
 * with its percent and one line (phase, speed, time left); the counts go to the card's details.
 */
export function VolumeCardProgress({ progress, compact }: { progress: IngestProgress | null; compact: boolean }) {
  const { t } = useTranslation();
  const timeLeft = useTimeLeftText();
  if (!progress) return <p className="muted">{t('progress.waiting')}</p>;
  const phase = t(`phase.${progress.phase}`);
  const bar = <progress value={progress.bytesDone} max={Math.max(progress.bytesTotal, 1)} aria-label={t('progress.bar')} />;
  if (compact) {
    const left = progress.secondsLeft !== null && Number.isFinite(progress.secondsLeft) ? t('volumeCard.timeLeft', { time: timeLeft(progress.secondsLeft) }) : timeLeft(null);
    return (
      <div className="card-progress card-progress-glance" data-testid="card-progress">
        <div className="card-bar">
          {bar}
          <span className="percent">{percentOf(progress)}%</span>
        </div>
        <p className="card-rate">
          <span className="card-rate-phase" title={phase}>
            {phase}
          </span>
          <span className="card-rate-figures num">
            <span data-testid="card-progress-speed">{formatSpeed(progress.bytesPerSecond)}</span>
            {' · '}
            <span data-testid="card-progress-time-left">{left}</span>
          </span>
        </p>
      </div>
    );
  }
  return (
    <div className="card-progress" data-testid="card-progress">
      <p className="card-phase">
        {phase}
        <span className="percent">{percentOf(progress)}%</span>
      </p>
      {bar}
      <dl className="facts compact">
        <ProgressCounts progress={progress} />
        <dt>{t('progress.speed')}</dt>
        <dd data-testid="card-progress-speed">{formatSpeed(progress.bytesPerSecond)}</dd>
        <dt>{t('progress.timeLeft')}</dt>
        <dd data-testid="card-progress-time-left">{timeLeft(progress.secondsLeft)}</dd>
      </dl>
    </div>
  );
}

/** Files and bytes so far, as `<dt>`/`<dd>` pairs: in the roomy card's list, or in a compact card's details. */
export function ProgressCounts({ progress }: { progress: IngestProgress }) {
  const { t } = useTranslation();
  return (
    <>
      <dt>{t('progress.files')}</dt>
      <dd data-testid="card-progress-files">{t('progress.ofTotal', { done: progress.filesDone, total: progress.filesTotal })}</dd>
      <dt>{t('progress.bytes')}</dt>
      <dd data-testid="card-progress-bytes">{t('progress.ofTotal', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}</dd>
    </>
  );
}
