import { useTranslation } from 'react-i18next';
import type { IngestTotals } from '../../../src-main/contract/index.js';
import { formatBytes } from '../../format/bytes.js';

export function IngestTotalsView({ totals }: { totals: IngestTotals }) {
  const { t } = useTranslation();
  const cells = [
    ['files', String(totals.files)],
    ['bytes', formatBytes(totals.bytes)],
    ['archived', String(totals.archived)],
    ['duplicate', String(totals.duplicate)],
    ['skipped', String(totals.skipped)],
    ['failed', String(totals.failed)],
    ['notReached', String(totals.notReached)],
  ] as const;
  return (
    <dl className="totals" data-testid="ingest-totals">
      {/* "Not reached" only means something after a stop: an ordinary import never shows it. */}
      {cells.filter(([key]) => key !== 'notReached' || totals.notReached > 0).map(([key, value]) => (
        <div key={key} className={`total total-${key}`} data-testid={`total-${key}`}>
          <dt>{t(`totals.${key}`)}</dt>
          <dd>{value}</dd>
        </div>
      ))}
    </dl>
  );
}
