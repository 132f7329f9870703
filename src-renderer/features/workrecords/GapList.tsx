import { useTranslation } from 'react-i18next';
import type { UncoveredGap } from '../../../src-main/contract/index.js';
import { deviceLabel } from '../../format/people.js';
import { useStation } from '../../state/station-context.js';

interface Props {
  gaps: readonly UncoveredGap[];
  mayAdd: boolean;
  onFill(gap: UncoveredGap): void;
}

/** Each detected pause with no work record: "需要补录停录工作记录", and the button that starts one. */
export function GapList({ gaps, mayAdd, onFill }: Props) {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  return (
    <table className="history" data-testid="workrecords-gap-table">
      <thead>
        <tr>
          <th scope="col">{t('workRecords.columns.device')}</th>
          <th scope="col">{t('workRecords.columns.officer')}</th>
          <th scope="col">{t('workRecords.columns.span')}</th>
          <th scope="col">{t('workRecords.columns.length')}</th>
          <th scope="col">{t('workRecords.columns.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {gaps.map((gap) => (
          <tr key={gap.findingId} data-testid="workrecords-gap" data-finding-id={gap.findingId}>
            <td data-testid="workrecords-gap-device">{gap.device ? deviceLabel(gap.device) : '—'}</td>
            <td>{gap.officer ?? '—'}</td>
            <td className="num nowrap">
              {formatTime(gap.from)} – {formatTime(gap.to)}
            </td>
            <td className="num">{t('workRecords.seconds', { n: Math.round(gap.gapSeconds) })}</td>
            <td className="actions">
              <span className="pill pill-warn">{t('workRecords.needsRecord')}</span>{' '}
              {mayAdd ? (
                <button type="button" onClick={() => onFill(gap)} data-testid="workrecords-fill">
                  {t('workRecords.fill')}
                </button>
              ) : null}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
