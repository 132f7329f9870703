import { useTranslation } from 'react-i18next';
import type { RecordingDetail } from '../../../src-main/contract/index.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { timeSourceKey } from '../../format/reason.js';
import type { TimeFormatter } from '../../format/station-time.js';

/**
 * When it was recorded and where that time came from, with the import's warning beside it when
 * the name and the metadata disagreed by whole hours: the time shown may be that far out.
 */
export function RecordedAtFacts({ detail, formatTime }: { detail: RecordingDetail; formatTime: TimeFormatter }) {
  const { t } = useTranslation();
  const source = detail.recordedAtSource;
  return (
    <>
      <dt>{t('detail.recordedAt')}</dt>
      <dd>
        <span data-testid="detail-recorded-at">{formatTime(detail.recordedAt)}</span>
        {detail.nameTimeOffHours === null ? null : (
          <span className="drift-warning name-time-off" role="note" data-testid="detail-name-time-off">
            {t('detail.nameTimeOff', { hours: Math.abs(detail.nameTimeOffHours) })}
          </span>
        )}
      </dd>
      <dt>{t('detail.recordedAtSource')}</dt>
      <dd data-testid="detail-time-source">
        {source === null ? '—' : t(timeSourceKey(source))}
        {source === null || source === 'file-name' ? null : <TechnicalDetail text={source} />}
      </dd>
    </>
  );
}
