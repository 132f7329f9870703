import { useTranslation } from 'react-i18next';
import type { RackSummary } from './volume-rack.js';

/** The rack in one sentence, read from across the desk: what may be unplugged, what still runs, what needs a person. */
export function RackSummaryLine({ summary }: { summary: RackSummary }) {
  const { t } = useTranslation();
  const { counts, secondsLeft } = summary;
  const parts: string[] = [];
  if (counts.verified > 0) parts.push(t('rack.verified', { n: counts.verified }));
  if (counts.copying > 0) {
    if (secondsLeft === null) parts.push(t('rack.copyingEstimating', { n: counts.copying }));
    else if (secondsLeft < 60) parts.push(t('rack.copyingUnderMinute', { n: counts.copying }));
    else parts.push(t('rack.copying', { n: counts.copying, minutes: Math.ceil(secondsLeft / 60) }));
  }
  if (counts.waiting > 0) parts.push(t('rack.waiting', { n: counts.waiting }));
  if (counts.attention > 0) parts.push(t('rack.attention', { n: counts.attention }));
  return (
    <p
      className="rack-summary"
      role="status"
      data-testid="rack-summary"
      data-attention={counts.attention}
      data-verified={counts.verified}
      data-copying={counts.copying}
      data-waiting={counts.waiting}
    >
      {parts.join(t('rack.separator'))}
    </p>
  );
}
