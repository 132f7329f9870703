import { useTranslation } from 'react-i18next';
import { useStationNow } from '../../hooks/use-station-now.js';
import { useStation } from '../../state/station-context.js';
import { countdownFigures, countdownTone } from './countdown.js';

/** Time left to a deadline on the station's clock, ticking each second: amber under four hours, red once past. */
export function Countdown({ deadline, testId = 'countdown' }: { deadline: string; testId?: string }) {
  const { t } = useTranslation();
  const { offsetMs } = useStation();
  const now = useStationNow(offsetMs);
  const secondsLeft = (Date.parse(deadline) - now) / 1000;
  const tone = countdownTone(secondsLeft);
  const figures = countdownFigures(secondsLeft);
  return (
    <span className={`countdown countdown-${tone}`} data-testid={testId} data-tone={tone}>
      {tone === 'overdue' ? t('board.overdueBy', { figures }) : t('board.left', { figures })}
    </span>
  );
}
