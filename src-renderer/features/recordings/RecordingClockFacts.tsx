import { useTranslation } from 'react-i18next';
import type { FileClock } from '../../../src-main/contract/index.js';
import type { TimeFormatter } from '../../format/station-time.js';
import { useDriftText } from '../../hooks/use-drift-text.js';

/** The recorder's own time, the time it really was, and how we know (Art. 7). The file itself is never changed. */
export function RecordingClockFacts({ clock, formatTime }: { clock: FileClock | null; formatTime: TimeFormatter }) {
  const { t } = useTranslation();
  const driftText = useDriftText();
  return (
    <section aria-labelledby="clock-heading">
      <h4 id="clock-heading">{t('clock.heading')}</h4>
      <dl className="facts">
        <dt>{t('clock.deviceTime')}</dt>
        <dd data-testid="detail-device-time">{formatTime(clock?.deviceTime)}</dd>
        <dt>{t('clock.correctedTime')}</dt>
        <dd data-testid="detail-corrected-time">{formatTime(clock?.correctedTime)}</dd>
        <dt>{t('clock.basis')}</dt>
        <dd data-testid="detail-clock-basis">{clock?.basis ? t(`drift.basis.${clock.basis}`) : t('clock.noBasis')}</dd>
        <dt>{t('clock.drift')}</dt>
        <dd data-testid="detail-drift">{driftText(clock?.driftSeconds ?? null, clock?.basis ?? null)}</dd>
      </dl>
    </section>
  );
}
