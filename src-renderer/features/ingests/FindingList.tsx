import { useTranslation } from 'react-i18next';
import type { Finding } from '../../../src-main/contract/index.js';
import type { TimeFormatter } from '../../format/station-time.js';
import { useAmountText } from '../../hooks/use-drift-text.js';
import { ConfirmLocalTime } from './ConfirmLocalTime.js';
import { missingNumbers } from './findings.js';

function FindingText({ finding, formatTime }: { finding: Finding; formatTime: TimeFormatter }) {
  const { t } = useTranslation();
  const amount = useAmountText();
  switch (finding.kind) {
    case 'timezone-mismatch':
      return <>{t('findings.timezone-mismatch', { source: finding.source, hours: Math.abs(finding.hours) })}</>;
    case 'future-recording':
      return (
        <>
          {t(finding.reference === 'plug-in' ? 'findings.future-recording' : 'findings.future-recording-ingest-start', {
            source: finding.source,
            endsAt: formatTime(finding.endsAt),
            referenceAt: formatTime(finding.referenceAt),
          })}
        </>
      );
    case 'sequence-gap': {
      const { list, more } = missingNumbers(finding.missing);
      const missing = more > 0 ? t('findings.missingMore', { list, n: finding.missing.length }) : list;
      return <>{t('findings.sequence-gap', { serial: finding.serial, day: finding.day, after: finding.after, before: finding.before, missing })}</>;
    }
    case 'recording-gap': {
      const gap = amount(finding.gapSeconds);
      if (!finding.activity) return <>{t('findings.recording-gap', { previous: finding.previous, source: finding.source, gap })}</>;
      const span = { from: formatTime(finding.activity.from), to: formatTime(finding.activity.to), gap, previous: finding.previous, source: finding.source };
      if (finding.previous === null) return <>{t('findings.activity-gap-start', span)}</>;
      if (finding.source === null) return <>{t('findings.activity-gap-end', span)}</>;
      return <>{t('findings.activity-gap', span)}</>;
    }
    case 'officer-mismatch':
      return <>{t('findings.officer-mismatch', { source: finding.source, nameOfficer: finding.nameOfficer, ledgerOfficer: finding.ledgerOfficer })}</>;
    case 'outside-checkout':
      return <>{t('findings.outside-checkout', { source: finding.source, recordedAt: formatTime(finding.recordedAt) })}</>;
  }
}

/**
 * What an ingest noticed for the lead's review, each in plain words (Art. 7, 12, 18). With a
 * time-zone finding, the clerk may confirm that the ingest's device writes local time.
 */
export function FindingList({ findings, formatTime, deviceId }: { findings: readonly Finding[]; formatTime: TimeFormatter; deviceId: number | null }) {
  const { t } = useTranslation();
  const zoneOff = findings.some((finding) => finding.kind === 'timezone-mismatch');
  return (
    <section aria-labelledby="findings-heading" data-testid="findings">
      <h4 id="findings-heading">{t('findings.heading')}</h4>
      {findings.length === 0 ? (
        <p className="muted" data-testid="no-findings">
          {t('findings.none')}
        </p>
      ) : (
        <ul className="findings">
          {findings.map((finding, index) => (
            <li key={index} data-kind={finding.kind} data-testid="finding">
              <FindingText finding={finding} formatTime={formatTime} />
            </li>
          ))}
        </ul>
      )}
      {zoneOff ? <ConfirmLocalTime deviceId={deviceId} /> : null}
    </section>
  );
}
