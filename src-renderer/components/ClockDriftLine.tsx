import { useTranslation } from 'react-i18next';
import type { ClockDrift } from '../../src-main/contract/index.js';
import { useDriftText } from '../hooks/use-drift-text.js';

/** One ingest's clock verdict (Art. 7); beyond the tolerance it is a warning the lead will see. */
export function ClockDriftLine({ drift, testId = 'clock-drift' }: { drift: ClockDrift; testId?: string }) {
  const { t } = useTranslation();
  const driftText = useDriftText();
  return (
    <p
      className={drift.exceedsTolerance ? 'drift drift-warning' : 'drift'}
      role={drift.exceedsTolerance ? 'alert' : undefined}
      data-testid={testId}
      data-exceeds={drift.exceedsTolerance}
      data-basis={drift.basis ?? 'none'}
    >
      <span>{driftText(drift.seconds, drift.basis)}</span>
      {drift.evidence ? (
        <span className="muted" data-testid={`${testId}-evidence`}>
          {t('drift.evidence', { source: drift.evidence })}
        </span>
      ) : null}
      {drift.metadataZone !== 'UTC' ? (
        <span className="muted" data-testid={`${testId}-metadata-zone`}>
          {t('drift.metadataZone', { zone: drift.metadataZone })}
        </span>
      ) : null}
      {drift.exceedsTolerance ? <span className="pill pill-bad">{t('drift.exceedsTolerance')}</span> : null}
    </p>
  );
}
