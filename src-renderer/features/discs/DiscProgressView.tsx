import { useTranslation } from 'react-i18next';
import type { DiscProgress } from '../../../src-main/contract/index.js';
import { formatBytes, formatSpeed } from '../../format/bytes.js';
import { useTimeLeftText } from '../../hooks/use-time-left-text.js';
import { discPhases } from './disc-view.js';

/** Where a burn or a check stands: its step among the five, a bar, the speed and the time left. */
export function DiscProgressView({ progress }: { progress: DiscProgress | null }) {
  const { t } = useTranslation();
  const timeLeft = useTimeLeftText();
  if (!progress) {
    return (
      <p className="muted" role="status" data-testid="disc-progress-waiting">
        {t('progress.waiting')}
      </p>
    );
  }
  const fraction = progress.bytesTotal > 0 ? progress.bytesDone / progress.bytesTotal : 0;
  const current = discPhases.indexOf(progress.phase);
  return (
    <div className="progress disc-progress" data-testid="disc-progress" data-phase={progress.phase}>
      <ol className="disc-phases">
        {discPhases.map((phase, index) => (
          <li key={phase} className={index < current ? 'done' : index === current ? 'current' : undefined} aria-current={index === current ? 'step' : undefined}>
            {t(`discs.phase.${phase}`)}
          </li>
        ))}
      </ol>
      <progress value={progress.bytesDone} max={Math.max(progress.bytesTotal, 1)} aria-label={t(`discs.phase.${progress.phase}`)} data-testid="disc-progress-bar" />
      <dl className="facts">
        <dt>{t('progress.bytes')}</dt>
        <dd data-testid="disc-progress-bytes">
          {t('progress.ofTotal', { done: formatBytes(progress.bytesDone), total: formatBytes(progress.bytesTotal) })} ({Math.floor(fraction * 100)}%)
        </dd>
        <dt>{t('progress.speed')}</dt>
        <dd data-testid="disc-progress-speed">{formatSpeed(progress.bytesPerSecond)}</dd>
        <dt>{t('progress.timeLeft')}</dt>
        <dd data-testid="disc-progress-time-left">{timeLeft(progress.secondsLeft)}</dd>
      </dl>
    </div>
  );
}
