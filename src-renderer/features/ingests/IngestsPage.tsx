import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStationEvents } from '../../hooks/use-station-events.js';
import { useStation } from '../../state/station-context.js';
import { IngestHistoryRow } from './IngestHistoryRow.js';

const columns = ['started', 'finished', 'source', 'operator', 'state', 'counts', 'bytes', 'clock', 'actions'] as const;

export function IngestsPage() {
  const { t } = useTranslation();
  const { formatTime } = useStation();
  const list = useCommand('ingest.list', { limit: 500 });
  const [openId, setOpenId] = useState<string | null>(null);
  const { reload } = list;

  useStationEvents((event) => {
    if (event.type === 'ingest.started' || event.type === 'ingest.completed' || event.type === 'ingest.failed') reload();
  });

  return (
    <div className="page" data-testid="ingests-page">
      <div className="page-head">
        <h2>{t('ingests.title')}</h2>
        <button type="button" className="link" onClick={reload}>
          {t('common.refresh')}
        </button>
      </div>
      {list.state === 'failed' ? <ErrorMessage error={list.error} /> : null}
      {list.value && list.value.length === 0 ? (
        <p className="muted" data-testid="ingests-empty">
          {t('ingests.empty')}
        </p>
      ) : null}
      {list.value && list.value.length > 0 ? (
        <table className="history" data-testid="ingests-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(`ingests.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {list.value.map((ingest) => (
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
      ) : null}
    </div>
  );
}
