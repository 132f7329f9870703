import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../api/context.js';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { ReasonText } from '../../components/ReasonText.js';
import { routeHref } from '../../state/route.js';
import { useStation } from '../../state/station-context.js';
import { RegisterSerial } from '../devices/RegisterSerial.js';
import { LateIngestReason } from '../ledger/LateIngestReason.js';
import { DamagedRecordings } from './DamagedRecordings.js';
import { FileOutcomeTable } from './FileOutcomeTable.js';
import { FindingList } from './FindingList.js';
import { IngestTotalsView } from './IngestTotalsView.js';
import { outcomeOf } from './outcome.js';
import type { IngestReport } from './use-ingest-report.js';

/** The end of an ingest: totals, the recorder's clock and what needs review, then every file that was not archived and why. */
export function IngestSummary({ report }: { report: IngestReport }) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const receiptUrl = useApi().receiptUrl;
  const [receiptFailed, setReceiptFailed] = useState(false);
  // Asked for on the click: the URL is good only for a short while. The tab opens within the
  // click's user activation, which outlasts the one request.
  const openReceipt = (ask: (ingestId: string) => Promise<string>) => {
    setReceiptFailed(false);
    ask(report.ingestId).then(
      (url) => window.open(url, '_blank', 'noopener'),
      () => setReceiptFailed(true),
    );
  };
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
      {report.state === 'completed' ? <LateIngestReason deviceId={report.deviceId} /> : null}
      <IngestTotalsView totals={report.totals} />
      {report.unregisteredSerial !== null ? <RegisterSerial serial={report.unregisteredSerial} testId="summary-register" /> : null}
      <h4>{t('clock.heading')}</h4>
      <ClockDriftLine drift={report.clockDrift} />
      <FindingList findings={report.findings} formatTime={formatTime} deviceId={report.deviceId} />
      <DamagedRecordings files={report.files} />
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
        {receiptUrl ? (
          <>
            {' · '}
            <button type="button" className="link" onClick={() => openReceipt(receiptUrl)} data-testid="summary-receipt">
              {t('summary.receipt')}
            </button>
          </>
        ) : null}
      </p>
      {receiptFailed ? (
        <p className="error" role="alert" data-testid="receipt-failed">
          {t('summary.receiptFailed')}
        </p>
      ) : null}
    </section>
  );
}
