import { useState } from 'react';
import type { SignoffEntry } from '../../../src-main/contract/index.js';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStationEvents } from '../../hooks/use-station-events.js';
import { SignoffList } from './SignoffList.js';
import { SignoffReviewPanel } from './SignoffReviewPanel.js';
import { pendingFirst } from './signoff-view.js';

/**
 * The lead's sign-off (Art. 13): the imports waiting for a decision, and for the chosen one
 * everything the lead reads before signing with their own key.
 */
export function SignoffPage() {
  const { t } = useTranslation();
  const [pendingOnly, setPendingOnly] = useState(true);
  const [chosenEntry, setChosenEntry] = useState<SignoffEntry | null>(null);
  const list = useCommand('signoff.list', pendingOnly ? { pending: true, limit: 500 } : { limit: 500 });
  const [round, setRound] = useState(0);
  const { reload } = list;
  const entries = pendingFirst(list.value ?? []);
  // The list's newer row when it has one; kept after a decision moves it out of the pending list.
  const chosen = chosenEntry ? (entries.find((entry) => entry.ingestId === chosenEntry.ingestId) ?? chosenEntry) : null;
  // A decision anywhere (another window, the command line) or an import that ends changes the list;
  // the open review is read again only for a decision on that import, so a dialog being filled in stays.
  useStationEvents((event) => {
    if (event.type === 'signoff.changed' || event.type === 'ingest.completed' || event.type === 'ingest.failed') reload();
    if (event.type === 'signoff.changed' && event.ingestId === chosen?.ingestId) setRound((r) => r + 1);
  }, reload);
  return (
    <div className="page" data-testid="signoff-page">
      <div className="page-head">
        <h2>{t('signoff.title')}</h2>
        <button type="button" className="link" onClick={reload}>
          {t('common.refresh')}
        </button>
      </div>
      <div className="filters" role="group" aria-label={t('signoff.filter')}>
        <label>
          <input type="radio" name="signoff-filter" checked={pendingOnly} onChange={() => setPendingOnly(true)} data-testid="signoff-filter-pending" />
          {t('signoff.pendingOnly')}
        </label>
        <label>
          <input type="radio" name="signoff-filter" checked={!pendingOnly} onChange={() => setPendingOnly(false)} data-testid="signoff-filter-all" />
          {t('signoff.all')}
        </label>
      </div>
      {list.state === 'failed' ? <ErrorMessage error={list.error} /> : null}
      {list.state === 'ready' && entries.length === 0 ? (
        <p className="muted" data-testid="signoff-empty">
          {pendingOnly ? t('signoff.nonePending') : t('signoff.none')}
        </p>
      ) : null}
      {entries.length > 0 ? <SignoffList entries={entries} chosen={chosen?.ingestId ?? null} onChoose={setChosenEntry} /> : null}
      {chosen ? (
        <SignoffReviewPanel
          key={`${chosen.ingestId}:${round}`}
          entry={chosen}
          onDecided={() => {
            reload();
            setRound((r) => r + 1);
          }}
        />
      ) : null}
    </div>
  );
}
