import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useCommand } from '../../hooks/use-command.js';
import { useDebounced } from '../../hooks/use-debounced.js';
import { AuditChainState } from './AuditChainState.js';
import { AuditFilters, noAuditFilters, type AuditFilterInputs } from './AuditFilters.js';
import { AuditTable } from './AuditTable.js';

const pageSize = 100;

/**
 * The audit log (Art. 18), newest first. A year is hundreds of thousands of rows: each page is
 * asked for below the last row shown (no offset to count through), and the pages walked so far are
 * kept so "newer" goes back the way it came.
 */
export function AuditPage() {
  const { t, i18n } = useTranslation();
  const [filters, setFilters] = useState<AuditFilterInputs>(noAuditFilters);
  // Each page's upper bound: undefined for the newest page, else the seq it starts below.
  const [pages, setPages] = useState<(number | undefined)[]>([undefined]);
  const typed = useDebounced({ actor: filters.actor.trim(), object: filters.object.trim() }, 300);
  const beforeSeq = pages.at(-1);
  const list = useCommand('audit.list', {
    order: 'desc',
    // One more than shown: whether an older page exists, without counting the log.
    limit: pageSize + 1,
    ...(beforeSeq === undefined ? {} : { beforeSeq }),
    ...(typed.actor ? { actor: typed.actor } : {}),
    ...(typed.object ? { object: typed.object } : {}),
    ...(filters.action ? { action: filters.action } : {}),
    ...(filters.from ? { from: filters.from } : {}),
    ...(filters.to ? { to: filters.to } : {}),
  });
  const filter = useCallback((change: Partial<AuditFilterInputs>) => {
    setFilters((previous) => ({ ...previous, ...change }));
    setPages([undefined]);
  }, []);

  const fetched = list.value ?? [];
  const rows = fetched.slice(0, pageSize);
  const hasOlder = fetched.length > pageSize;
  const filtered = Object.values(filters).some((value) => value !== '');
  const number = (n: number) => n.toLocaleString(i18n.language);
  const forbidden = list.state === 'failed' && list.error.code === 'forbidden';
  return (
    <div className="page" data-testid="audit-page">
      <div className="page-head">
        <h2>{t('audit.title')}</h2>
        <button type="button" className="link" onClick={list.reload}>
          {t('common.refresh')}
        </button>
      </div>
      <AuditChainState />
      {forbidden ? (
        <p className="error" role="alert" data-testid="audit-forbidden">
          {t('audit.forbidden')}
        </p>
      ) : (
        <>
          <AuditFilters inputs={filters} onChange={filter} />
          {list.state === 'failed' ? <ErrorMessage error={list.error} /> : null}
          {list.state === 'ready' && rows.length === 0 ? (
            <p className="muted" data-testid="audit-empty">
              {filtered ? t('audit.noMatch') : t('audit.empty')}
            </p>
          ) : null}
          {rows.length > 0 ? (
            <>
              <AuditTable rows={rows} />
              <div className="pager">
                <button type="button" disabled={pages.length === 1} onClick={() => setPages(pages.slice(0, -1))} data-testid="audit-newer">
                  {t('audit.newer')}
                </button>
                <span className="muted" data-testid="audit-pager">
                  {t('audit.page', { page: number(pages.length), first: number(rows[0]?.seq ?? 0), last: number(rows.at(-1)?.seq ?? 0) })}
                </span>
                <button type="button" disabled={!hasOlder} onClick={() => setPages([...pages, rows.at(-1)?.seq])} data-testid="audit-older">
                  {t('audit.older')}
                </button>
              </div>
            </>
          ) : null}
        </>
      )}
    </div>
  );
}
