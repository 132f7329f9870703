import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DiscProgress } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useStationEvents } from '../../hooks/use-station-events.js';
import { useSession } from '../../state/session.js';
import { DiscRequestCard } from './DiscRequestCard.js';
import { DiscRequestForm } from './DiscRequestForm.js';
import { DueList } from './DueList.js';
import { mayRequestDisc, queueOrder } from './disc-view.js';

type View = 'queue' | 'due';

/**
 * 光盘刻录 (Art. 16): footage of a disputed, obstructed or major case kept on two identical,
 * verified, labelled discs. The queue of requests with their discs and copies, what each user may
 * do next, and the copies whose re-check is due.
 */
export function DiscsPage() {
  const { t } = useTranslation();
  const { status } = useSession();
  const requests = useCommand('discs.requests', {});
  const due = useCommand('discs.due', {});
  const [view, setView] = useState<View>('queue');
  const [drafting, setDrafting] = useState(false);
  // The latest progress of each disc at work, from the station's events (about four a second).
  const [progress, setProgress] = useState<Record<string, DiscProgress>>({});
  const reload = () => {
    requests.reload();
    due.reload();
  };
  useStationEvents((event) => {
    if (event.type === 'discs.changed') reload();
    else if (event.type === 'discs.progress') setProgress((previous) => ({ ...previous, [event.progress.discId]: event.progress }));
  }, reload);
  const dueCount = due.value?.length ?? 0;
  return (
    <div className="page" data-testid="discs-page">
      <div className="page-head">
        <h2>{t('discs.title')}</h2>
        <button type="button" className="link" onClick={reload}>
          {t('common.refresh')}
        </button>
        {mayRequestDisc(status) && !drafting ? (
          <button type="button" className="primary" onClick={() => setDrafting(true)} data-testid="discs-new">
            {t('discs.new')}
          </button>
        ) : null}
      </div>
      <p className="muted hint">{t('discs.intro')}</p>
      {drafting ? (
        <DiscRequestForm
          onCancel={() => setDrafting(false)}
          onDone={() => {
            setDrafting(false);
            reload();
          }}
        />
      ) : null}
      <div className="disc-tabs" role="tablist" aria-label={t('discs.views')}>
        <button type="button" role="tab" aria-selected={view === 'queue'} className={view === 'queue' ? 'primary' : undefined} onClick={() => setView('queue')} data-testid="discs-view-queue">
          {t('discs.queueTitle')}
        </button>
        <button type="button" role="tab" aria-selected={view === 'due'} className={view === 'due' ? 'primary' : undefined} onClick={() => setView('due')} data-testid="discs-view-due">
          {t('discs.dueTitle')}
          {dueCount > 0 ? (
            <span className="pill pill-warn" data-testid="discs-due-count">
              {dueCount}
            </span>
          ) : null}
        </button>
      </div>
      {view === 'queue' ? (
        <section aria-label={t('discs.queueTitle')} data-testid="discs-queue">
          {requests.state === 'failed' ? <ErrorMessage error={requests.error} /> : null}
          {requests.state === 'ready' && requests.value.length === 0 ? (
            <p className="muted panel" data-testid="discs-none">
              {t('discs.none')}
            </p>
          ) : null}
          {queueOrder(requests.value ?? []).map((request) => (
            <DiscRequestCard key={request.requestId} request={request} progress={progress} onChanged={reload} />
          ))}
        </section>
      ) : (
        <section className="panel" aria-labelledby="discs-due-title" data-testid="discs-due">
          <h3 id="discs-due-title">{t('discs.dueTitle')}</h3>
          <p className="muted hint">{t('discs.dueIntro')}</p>
          {due.state === 'failed' ? <ErrorMessage error={due.error} /> : null}
          {due.state === 'ready' && due.value.length === 0 ? (
            <p className="muted" data-testid="discs-none-due">
              {t('discs.noneDue')}
            </p>
          ) : null}
          {due.value && due.value.length > 0 ? <DueList discs={due.value} progress={progress} onChanged={reload} /> : null}
        </section>
      )}
    </div>
  );
}
