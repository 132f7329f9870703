import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RecordingSort } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { nextSort } from '../../components/SortButton.js';
import { VirtualRows } from '../../components/VirtualRows.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { useStationEvents } from '../../hooks/use-station-events.js';
import { routeHref } from '../../state/route.js';
import { useSession } from '../../state/session.js';
import { useStation } from '../../state/station-context.js';
import { decidesExports, exports } from '../custody/custody-view.js';
import { ExportApprovals } from '../custody/ExportApprovals.js';
import { ExportButton } from '../custody/ExportDialog.js';
import { RecordingDetailPanel } from './RecordingDetailPanel.js';
import { RecordingFilters, type FilterInputs } from './RecordingFilters.js';
import { RecordingHeader } from './RecordingHeader.js';
import { RecordingRow } from './RecordingRow.js';
import { useRecordingPages, type RecordingFilter } from './use-recording-pages.js';

const rowHeight = 36;

const noFilter: FilterInputs = {
  search: '',
  kind: null,
  officer: '',
  importantOnly: false,
  deviceId: null,
  from: '',
  to: '',
  damagedOnly: false,
  sort: 'time',
  order: 'desc',
};
/** Columns whose first press shows the largest (newest, longest) first. */
const descendingFirst: readonly RecordingSort[] = ['time', 'duration', 'size'];

export function RecordingsPage({ ingestId }: { ingestId: string | null }) {
  const { t, i18n } = useTranslation();
  const { formatTime } = useStation();
  const { status } = useSession();
  const [inputs, setInputs] = useState<FilterInputs>(noFilter);
  const [openId, setOpenId] = useState<number | null>(null);
  const settledSearch = useDebounced(inputs.search.trim(), 300);
  const settledOfficer = useDebounced(inputs.officer.trim(), 300);
  const filter: RecordingFilter = { ...inputs, search: settledSearch, officer: settledOfficer, ingestId };
  const change = useCallback((next: Partial<FilterInputs>) => setInputs((previous) => ({ ...previous, ...next })), []);
  const sortBy = (column: RecordingSort) => change(nextSort(inputs, column, descendingFirst));
  const pages = useRecordingPages(filter);
  const { refresh } = pages;

  // New recordings land when an ingest ends; show them without a reload.
  useStationEvents((event) => {
    if (event.type === 'ingest.completed' || event.type === 'ingest.failed') refresh();
  });
  const close = useCallback(() => setOpenId(null), []);

  return (
    <div className={openId === null ? 'page recordings' : 'page recordings with-detail'} data-testid="recordings-page">
      <div className="recordings-main">
        <div className="page-head">
          <h2>{t('recordings.title')}</h2>
          <p className="muted" data-testid="recordings-total" aria-live="polite">
            {pages.total === null ? t('common.loading') : t('recordings.total', { n: pages.total.toLocaleString(i18n.language) })}
          </p>
        </div>
        <RecordingFilters inputs={inputs} onChange={change} />
        {ingestId ? (
          <p className="filter-chip" data-testid="ingest-filter">
            {t('recordings.fromIngest', { id: ingestId })} <a href={routeHref({ page: 'recordings', ingestId: null })}>{t('recordings.showAll')}</a>{' '}
            {/* Filtered to one import: its recordings can go out as one package; otherwise one recording from its detail. */}
            {exports(status) ? <ExportButton target={{ ingestId }} /> : null}
          </p>
        ) : null}
        {pages.error ? <ErrorMessage error={pages.error} /> : null}
        <div
          className="rec-table"
          role="table"
          aria-label={t('recordings.title')}
          aria-rowcount={(pages.total ?? 0) + 1}
          data-testid="recordings-table"
        >
          <VirtualRows
            rowCount={pages.total ?? 0}
            rowHeight={rowHeight}
            header={<RecordingHeader sort={inputs.sort} order={inputs.order} onSort={sortBy} />}
            resetKey={JSON.stringify(filter)}
            onRange={pages.setRange}
            renderRow={(index, style) => (
              <RecordingRow
                key={index}
                index={index}
                recording={pages.row(index)}
                style={style}
                selected={pages.row(index)?.id === openId}
                formatTime={formatTime}
                viewedIngestId={ingestId}
                onOpen={setOpenId}
              />
            )}
          />
          {pages.total === 0 ? (
            <p className="muted empty" data-testid="recordings-empty">
              {t('recordings.empty')}
            </p>
          ) : null}
        </div>
        {decidesExports(status) ? <ExportApprovals /> : null}
      </div>
      {openId !== null ? <RecordingDetailPanel id={openId} onClose={close} onChanged={refresh} /> : null}
    </div>
  );
}
