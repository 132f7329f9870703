import { useTranslation } from 'react-i18next';
import type { IngestSummary } from '../../../src-main/contract/index.js';
import { ClockDriftLine } from '../../components/ClockDriftLine.js';
import { PathText } from '../../components/PathText.js';
import { ReasonText } from '../../components/ReasonText.js';
import { formatBytes } from '../../format/bytes.js';
import type { TimeFormatter } from '../../format/station-time.js';
import { outcomeOf } from './outcome.js';
import { routeHref } from '../../state/route.js';
import { IngestFiles } from './IngestFiles.js';

interface Props {
  ingest: IngestSummary;
  open: boolean;
  formatTime: TimeFormatter;
  onToggle(): void;
}

export function IngestHistoryRow({ ingest, open, formatTime, onToggle }: Props) {
  const { t } = useTranslation();
  const { totals } = ingest;
  const outcome = outcomeOf(ingest);
  return (
    <>
      <tr data-testid="ingest-row" data-ingest-id={ingest.ingestId} className={open ? 'open' : undefined}>
        <td className="num nowrap">{formatTime(ingest.startedAt)}</td>
        <td className="num nowrap">{formatTime(ingest.finishedAt)}</td>
        <td className="mono">
          <PathText path={ingest.source} />
        </td>
        <td className="ellipsis device-cell" title={ingest.device ?? undefined} data-testid="ingest-row-device">
          {ingest.device ?? '—'}
        </td>
        <td>{ingest.operator}</td>
        <td>
          <span className={`badge outcome-${outcome.outcome}`} data-testid="ingest-row-outcome">
            {t(`outcome.badge.${outcome.outcome}`, { n: outcome.failed })}
          </span>
          {ingest.reason ? (
            <div>
              <ReasonText code={ingest.reasonCode} reason={ingest.reason} />
            </div>
          ) : null}
        </td>
        {/* Words between the figures: this cell may wrap, the numbers beside it may not. */}
        <td>
          {t('ingests.counts', {
            archived: totals.archived,
            duplicate: totals.duplicate,
            skipped: totals.skipped,
            failed: totals.failed,
          })}
          {totals.notReached > 0 ? ` · ${t('ingests.notReached', { n: totals.notReached })}` : null}
        </td>
        <td className="num nowrap">{formatBytes(totals.bytes)}</td>
        <td className="clock-cell">
          <ClockDriftLine drift={ingest.clockDrift} testId="ingest-row-drift" />
          {ingest.findingCount > 0 ? (
            <span className="pill pill-warn" data-testid="ingest-row-findings">
              {t('findings.count', { n: ingest.findingCount })}
            </span>
          ) : null}
        </td>
        <td className="actions">
          <button type="button" onClick={onToggle} aria-expanded={open} data-testid="ingest-toggle">
            {open ? t('ingests.hideFiles') : t('ingests.showFiles')}
          </button>
          <a href={routeHref({ page: 'recordings', ingestId: ingest.ingestId })} data-testid="ingest-recordings-link">
            {t('ingests.recordings')}
          </a>
        </td>
      </tr>
      {open ? (
        <tr className="files-row">
          <td colSpan={10}>
            <IngestFiles ingestId={ingest.ingestId} />
          </td>
        </tr>
      ) : null}
    </>
  );
}
