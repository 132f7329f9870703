import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { IngestReport } from '../../../src-main/contract/index.js';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { useCommand } from '../../hooks/use-command.js';
import { routeHref } from '../../state/route.js';

/**
 * The ended ingest's report, asked for once the card has one to show (`ingestId` non-null) and
 * again when the job's end is heard (`heard` changes): a card pulled out is reported before its
 * ingest has failed.
 */
export function useCardReport(ingestId: string | null, heard: string): IngestReport | null {
  const report = useCommand('ingest.get', ingestId === null ? null : { ingestId });
  const { reload } = report;
  const seen = useRef(heard);
  useEffect(() => {
    if (seen.current === heard) return;
    seen.current = heard;
    reload();
  }, [heard, reload]);
  return ingestId === null ? null : report.value;
}

/**
 * What the card's ingest came to: counts, the recorder's clock, what needs review, the way to its
 * recordings. `all` on a roomy card; a compact card shows the `glance` (counts, findings, and the
 * clock only when it is beyond tolerance) and keeps the rest in its `details`.
 */
export function VolumeCardOutcome({ report, part }: { report: IngestReport | null; part: 'all' | 'glance' | 'details' }) {
  const { t } = useTranslation();
  if (!report) return null;
  // A clock beyond tolerance is a warning the lead will see: it stays in view on a compact card.
  const exceeds = report.clockDrift.exceedsTolerance;
  const driftHere = part === 'all' || (part === 'glance' ? exceeds : !exceeds);
  const drift = driftHere ? <ClockDriftLine drift={report.clockDrift} testId="card-drift" /> : null;
  const link =
    part === 'glance' ? null : (
      <p>
        <a href={routeHref({ page: 'recordings', ingestId: report.ingestId })} data-testid="card-recordings-link">
          {t('summary.viewRecordings')}
        </a>
      </p>
    );
  if (part === 'details') {
    return (
      <>
        {drift}
        {link}
      </>
    );
  }
  return (
    <div className="card-outcome" data-testid="card-outcome">
      <p className="num">
        {t('ingests.counts', {
          archived: report.totals.archived,
          duplicate: report.totals.duplicate,
          skipped: report.totals.skipped,
          failed: report.totals.failed,
        })}
      </p>
      {part === 'all' ? drift : null}
      {report.findings.length > 0 ? (
        <p>
          <span className="pill pill-warn" data-testid="card-findings">
            {t('findings.count', { n: report.findings.length })}
          </span>
        </p>
      ) : null}
      {part === 'glance' ? drift : null}
      {link}
    </div>
  );
}
