import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { IngestQuery } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { ariaSort, nextSort, SortButton, type SortOrder } from '../../components/SortButton.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStationEvents } from '../../hooks/use-station-events.js';
import { useStation } from '../../state/station-context.js';
import { IngestFilters, type IngestFilterInputs } from './IngestFilters.js';
import { IngestHistoryRow } from './IngestHistoryRow.js';

type IngestSort = IngestQuery['sort'];

/** Every column, and the ones the history can be ordered by (the others are several figures each). */
const columns = ['started', 'finished', 'source', 'device', 'operator', 'state', 'counts', 'bytes', 'clock', 'actions'] as const;
const sortable: Partial<Record<(typeof columns)[number], IngestSort>> = {
  started: 'started',
  finished: 'finished',
  source: 'source',
  device: 'device',
  operator: 'operator',
  state: 'state',
  bytes: 'bytes',
};
const descendingFirst: readonly IngestSort[] = ['started', 'finished', 'bytes'];
const pageSize = 50;

export function IngestsPage() {
  const { t, i18n } = useTranslation();
  const { formatTime } = useStation();
  const [filters, setFilters] = useState<IngestFilterInputs>({ state: null, deviceId: null, from: '', to: '' });
  const [order, setOrder] = useState<{ sort: IngestSort; order: SortOrder }>({ sort: 'started', order: 'desc' });
  const [offset, setOffset] = useState(0);
  const list = useCommand('ingest.page', {
    limit: pageSize,
    offset,
    ...order,
    ...(filters.state ? { state: filters.state } : {}),
    ...(filters.deviceId !== null ? { deviceId: filters.deviceId } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  });
  const [openId, setOpenId] = useState<string | null>(null);
  const { reload } = list;
  // A new filter or order starts again from the first page.
  const filter = useCallback((change: Partial<IngestFilterInputs>) => {
    setFilters((previous) => ({ ...previous, ...change }));
    setOffset(0);
  }, []);
  const sortBy = (column: IngestSort) => {
    setOrder(nextSort(order, column, descendingFirst));
    setOffset(0);
  };

  useStationEvents((event) => {
    if (event.type === 'ingest.started' || event.type === 'ingest.completed' || event.type === 'ingest.failed') reload();
  }, reload);

  const page = list.value;
  const number = (n: number) => n.toLocaleString(i18n.language);
  return (
    <div className="page" data-testid="ingests-page">
      <div className="page-head">
        <h2>{t('ingests.title')}</h2>
        <button type="button" className="link" onClick={reload}>
          {t('common.refresh')}
        </button>
      </div>
      <IngestFilters inputs={filters} onChange={filter} />
      {list.state === 'failed' ? <ErrorMessage error={list.error} /> : null}
      {page && page.total === 0 ? (
        <p className="muted" data-testid="ingests-empty">
          {filters.state || filters.deviceId !== null || filters.from || filters.to ? t('ingests.noMatch') : t('ingests.empty')}
        </p>
      ) : null}
      {page && page.rows.length > 0 ? (
        <>
          <table className="history" data-testid="ingests-table">
            <thead>
              <tr>
                {columns.map((column) => {
                  const sort = sortable[column];
                  const active = sort === order.sort;
                  return (
                    <th key={column} scope="col" aria-sort={sort ? ariaSort(active, order.order) : undefined}>
                      {sort ? (
                        <SortButton label={t(`ingests.columns.${column}`)} active={active} order={order.order} onClick={() => sortBy(sort)} testId={`ingests-sort-${column}`} />
                      ) : (
                        t(`ingests.columns.${column}`)
                      )}
                    </th>
                  );
                })}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((ingest) => (
                <IngestHistoryRow
                  key={ingest.ingestId}
                  ingest={ingest}
                  open={openId === ingest.ingestId}
                  formatTime={formatTime}
                  onToggle={() => setOpenId(openId === ingest.ingestId ? null : ingest.ingestId)}
                />
              ))}
            </tbody>
          </table>
          <div className="pager">
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - pageSize))} data-testid="ingests-previous">
              {t('ingests.previous')}
            </button>
            <span className="muted" data-testid="ingests-pager">
              {t('ingests.page', { first: number(offset + 1), last: number(offset + page.rows.length), total: number(page.total) })}
            </span>
            <button type="button" disabled={offset + page.rows.length >= page.total} onClick={() => setOffset(offset + pageSize)} data-testid="ingests-next">
              {t('ingests.next')}
            </button>
          </div>
        </>
      ) : null}
    </div>
  );
}
