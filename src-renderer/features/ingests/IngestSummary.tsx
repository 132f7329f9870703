import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.js';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { ReasonText } from '../../components/ReasonText.js';
import { routeHref } from '../../state/route.js';
import { useStation } from '../../state/station-context.js';
import { RegisterSerial } from '../devices/RegisterSerial.js';
import { FileOutcomeTable } from './FileOutcomeTable.js';
import { FindingList } from './FindingList.js';
import { IngestTotalsView } from './IngestTotalsView.js';
import { outcomeOf } from './outcome.js';
import type { IngestReport } from './use-ingest-report.js';

/** The end of an ingest: totals, the recorder's clock and what needs review, then every file that was not archived and why. */
export function IngestSummary({ report }: { report: IngestReport }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const receipt = useApi().receiptUrl(report.ingestId);
  const outcome = outcomeOf(report);
  // Failures first: they are what the officer must act on; set-aside litter comes after.
  const problems = [
    ...report.files.filter((file) => file.status === 'failed'),
    ...report.files.filter((file) => file.status === 'skipped'),
  ];
  return (
    <section className="panel summary" data-testid="ingest-summary" data-state={report.state} data-outcome={outcome.outcome}>
      <h3 className={`outcome outcome-${outcome.outcome}`} data-testid="summary-outcome">
        {t(`outcome.summary.${outcome.outcome}`, { n: outcome.failed, safe: outcome.safe, notReached: outcome.notReached })}
      </h3>
      {report.reason ? (
        <p className="error" role="alert" data-testid="ingest-reason">
          <ReasonText code={report.reasonCode} reason={report.reason} />
        </p>
      ) : null}
      <p className="mono muted">
        {report.source} → {report.archivePath}
      </p>
      {report.importedBefore ? (
        <p data-testid="imported-before">{t('summary.importedBefore', { time: formatTime(report.importedBefore) })}</p>
      ) : null}
      <IngestTotalsView totals={report.totals} />
      {report.unregisteredSerial !== null ? <RegisterSerial serial={report.unregisteredSerial} testId="summary-register" /> : null}
      <h4>{t('clock.heading')}</h4>
      <ClockDriftLine drift={report.clockDrift} />
      <FindingList findings={report.findings} formatTime={formatTime} deviceId={report.deviceId} />
      <h4>{t('summary.problems')}</h4>
      {problems.length === 0 ? (
        <p className="muted" data-testid="no-problems">
          {t('summary.noProblems')}
        </p>
      ) : (
        <FileOutcomeTable files={problems} testId="problem-files" />
      )}
      <p>
        <a href={routeHref({ page: 'recordings', ingestId: report.ingestId })} data-testid="summary-recordings-link">
          {t('summary.viewRecordings')}
        </a>
        {receipt ? (
          <>
            {' · '}
            <a href={receipt} target="_blank" rel="noopener" data-testid="summary-receipt">
              {t('summary.receipt')}
            </a>
          </>
        ) : null}
      </p>
    </section>
  );
}
