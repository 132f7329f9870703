import { useTranslation } from 'react-i18next';
import { SessionBar } from '../features/session/SessionBar.js';
import { useIngestTracker } from '../state/ingest-tracker.js';
import type { SessionStatus } from '../../src-main/contract/index.js';
import type { Route } from '../state/route.js';
import { routeHref } from '../state/route.js';
import { managesPeople, readsAudit, readsSignoff, readsWorkRecords, useSession } from '../state/session.js';
import { useStation } from '../state/station-context.js';
import { LanguageSwitch } from './LanguageSwitch.js';
import { StationClock } from './StationClock.js';

const pages = ['import', 'devices', 'ledger', 'recordings', 'ingests', 'signoff', 'workrecords', 'discs', 'audit', 'people', 'clock'] as const;
type Page = (typeof pages)[number];

/**
 * The pages offered only to some roles; the others are offered to all. The core refuses people.*
 * to anyone else anyway, so that entry is left out where it cannot work; the audit log is for the
 * head, the auditor and the admin (the core refuses anyone else, and the page says so).
 */
const gate: Partial<Record<Page, (status: SessionStatus) => boolean>> = {
  people: managesPeople,
  audit: readsAudit,
  signoff: readsSignoff,
  workrecords: readsWorkRecords,
};

export function AppHeader({ route }: { route: Route }) {
  const { t } = useTranslation();
  const { info } = useStation();
  const { jobs } = useIngestTracker();
  const { status } = useSession();
  const shown = pages.filter((page) => gate[page]?.(status) ?? true);
  // Seen from every page: while an import runs, the card must stay in.
  const importing = Object.values(jobs).some((job) => job.outcome === null);
  return (
    <header className="app-header">
      <div className="identity">
        <h1 data-testid="station-name">{info.stationName}</h1>
        <p className="muted">
          {t('app.dataDir')} <span className="mono" data-testid="data-dir">{info.dataDir}</span>
        </p>
      </div>
      <nav aria-label={t('app.nav.label')}>
        <ul>
          {shown.map((page) => (
            <li key={page}>
              <a
                href={routeHref(page === 'recordings' ? { page, ingestId: null } : { page })}
                aria-current={route.page === page ? 'page' : undefined}
                data-testid={`nav-${page}`}
              >
                {t(`app.nav.${page}`)}
                {page === 'import' && importing ? (
                  <span className="nav-running" role="status" title={t('app.nav.running')} aria-label={t('app.nav.running')} data-testid="nav-import-running" />
                ) : null}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      <div className="header-tools">
        {status.person ? <SessionBar person={status.person} /> : null}
        <StationClock />
        <LanguageSwitch />
      </div>
    </header>
  );
}
