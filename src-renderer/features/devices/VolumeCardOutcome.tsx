import { useTranslation } from 'react-i18next';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { useCommand } from '../../hooks/use-command.js';
import { routeHref } from '../../state/route.js';

/** What the card's ingest came to, in one glance: counts, the recorder's clock, what needs review. */
export function VolumeCardOutcome({ ingestId }: { ingestId: string }) {
  const { t } = useTranslation();
  const report = useCommand('ingest.get', { ingestId });
  const value = report.value;
  if (!value) return null;
  return (
    <div className="card-outcome" data-testid="card-outcome">
      <p className="num">
        {t('ingests.counts', {
          archived: value.totals.archived,
          duplicate: value.totals.duplicate,
          skipped: value.totals.skipped,
          failed: value.totals.failed,
        })}
      </p>
      <ClockDriftLine drift={value.clockDrift} testId="card-drift" />
      {value.findings.length > 0 ? (
        <p>
          <span className="pill pill-warn" data-testid="card-findings">
            {t('findings.count', { n: value.findings.length })}
          </span>
        </p>
      ) : null}
      <p>
        <a href={routeHref({ page: 'recordings', ingestId })} data-testid="card-recordings-link">
          {t('summary.viewRecordings')}
        </a>
      </p>
    </div>
  );
}
