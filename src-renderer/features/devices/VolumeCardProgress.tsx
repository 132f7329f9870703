import { useTranslation } from 'react-i18next';
import type { IngestProgress } from '../../../src-main/contract/index.js';
import { formatBytes, formatSpeed } from '../../format/bytes.js';
import { useTimeLeftText } from '../../hooks/use-time-left-text.js';

/** A card's copy in numbers: how far, how fast, how long still. */
export function VolumeCardProgress({ progress }: { progress: IngestProgress | null }) {
  const { t } = useTranslation();
  const timeLeft = useTimeLeftText();
  if (!progress) return <p className="muted">{t('progress.waiting')}</p>;
  return (
    <div className="card-progress" data-testid="card-progress">
      <p className="card-phase">
        {t(`phase.${progress.phase}`)}
        <span className="percent">{progress.bytesTotal > 0 ? Math.floor((progress.bytesDone / progress.bytesTotal) * 100) : 0}%</span>
      </p>
      <progress value={progress.bytesDone} max={Math.max(progress.bytesTotal, 1)} aria-label={t('progress.bar')} />
      <dl className="facts compact">
        <dt>{t('progress.files')}</dt>
        <dd data-testid="card-progress-files">{t('progress.ofTotal', { done: progress.filesDone, total: progress.filesTotal })}</dd>
        <dt>{t('progress.bytes')}</dt>
        <dd data-testid="card-progress-bytes">
          {t('progress.ofTotal', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })}
        </dd>
        <dt>{t('progress.speed')}</dt>
        <dd data-testid="card-progress-speed">{formatSpeed(progress.bytesPerSecond)}</dd>
        <dt>{t('progress.timeLeft')}</dt>
        <dd data-testid="card-progress-time-left">{timeLeft(progress.secondsLeft)}</dd>
      </dl>
    </div>
  );
}
