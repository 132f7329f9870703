import { useTranslation } from 'react-i18next';
import type { RecordingSort } from '../../../src-main/contract/index.js';
import { ariaSort, SortButton, type SortOrder } from '../../components/SortButton.js';

const recordingColumns = ['time', 'file', 'device', 'officer', 'kind', 'duration', 'size', 'hash', 'status'] as const satisfies readonly RecordingSort[];

interface Props {
  sort: RecordingSort;
  order: SortOrder;
  onSort(column: RecordingSort): void;
}

export function RecordingHeader({ sort, order, onSort }: Props) {
  const { t } = useTranslation();
  return (
    <div className="rec-grid rec-header" role="row" aria-rowindex={1}>
      <span role="columnheader" className="col-thumb" aria-label={t('recordings.columns.thumb')} />
      {recordingColumns.map((column) => (
        <span key={column} role="columnheader" className={`col-${column}`} aria-sort={ariaSort(sort === column, order)}>
          <SortButton label={t(`recordings.columns.${column}`)} active={sort === column} order={order} onClick={() => onSort(column)} testId={`sort-${column}`} />
        </span>
      ))}
    </div>
  );
}
