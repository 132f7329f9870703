import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SessionStatus } from '../src-main/contract/index.js';
import type { CommandError } from './api/types.js';
import { AppHeader } from './components/AppHeader.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { AuditPage } from './features/audit/AuditPage.js';
import { CalibrationClockPage } from './features/calibration/CalibrationClockPage.js';
import { DevicesPage } from './features/devices/DevicesPage.js';
import { ImportPage } from './features/import/ImportPage.js';
import { IngestsPage } from './features/ingests/IngestsPage.js';
import { LedgerPage } from './features/ledger/LedgerPage.js';
import { PeoplePage } from './features/people/PeoplePage.js';
import { RecordingsPage } from './features/recordings/RecordingsPage.js';
import { LockScreen } from './features/session/LockScreen.js';
import { OpenModeBanner } from './features/session/OpenModeBanner.js';
import { SignoffPage } from './features/signoff/SignoffPage.js';
import { WorkRecordsPage } from './features/workrecords/WorkRecordsPage.js';
import { DiscsPage } from './features/discs/DiscsPage.js';
import { SignInScreen } from './features/session/SignInScreen.js';
import { useIdleLock } from './features/session/use-idle-lock.js';
import { useApi } from './api/context.js';
import { useRoute } from './hooks/use-route.js';
import { IngestTrackerProvider } from './state/ingest-tracker.js';
import type { Route } from './state/route.js';
import { SessionProvider, useSession } from './state/session.js';
import { StationProvider, useStationInfoLoad } from './state/station-context.js';

function Page({ route }: { route: Route }) {
  switch (route.page) {
    case 'import':
      return <ImportPage />;
    case 'devices':
      return <DevicesPage />;
    case 'ledger':
      return <LedgerPage />;
    case 'recordings':
      return <RecordingsPage key={route.ingestId ?? ''} ingestId={route.ingestId} />;
    case 'ingests':
      return <IngestsPage />;
    case 'signoff':
      return <SignoffPage />;
    case 'workrecords':
      return <WorkRecordsPage />;
    case 'discs':
      return <DiscsPage />;
    case 'audit':
      return <AuditPage />;
    case 'people':
      return <PeoplePage />;
    case 'clock':
      return <CalibrationClockPage />;
  }
}

function Startup({ error }: { error: CommandError | null }) {
  const { t } = useTranslation();
  return (
    <main className="startup" data-testid="startup">
      <LanguageSwitch />
      {error ? (
        <>
          <h1>{t('app.connectFailed')}</h1>
          <ErrorMessage error={error} />
        </>
      ) : (
        <p>{t('app.connecting')}</p>
      )}
    </main>
  );
}

/** The station's pages, for whoever the session lets in (anyone while it runs open). */
function Station() {
  const { t } = useTranslation();
  const route = useRoute();
  const load = useStationInfoLoad();
  const { status } = useSession();
  const stationName = load.state === 'ready' ? load.view.info.stationName : null;
  useEffect(() => {
    document.title = stationName ? `${stationName} · ${t('app.title')}` : t('app.title');
  }, [stationName, t]);
  if (load.state !== 'ready') return <Startup error={load.state === 'failed' ? load.error : null} />;
  return (
    <StationProvider view={load.view}>
      <IngestTrackerProvider>
        {/* The calibration clock is filmed: nothing but the clock and its code on screen. */}
        {route.page === 'clock' ? (
          <Page route={route} />
        ) : (
          <>
            {status.state === 'open' ? <OpenModeBanner /> : null}
            <AppHeader route={route} />
            <main className="app-main">
              <Page route={route} />
            </main>
          </>
        )}
      </IngestTrackerProvider>
    </StationProvider>
  );
}

/** Who the pages were last shown to: a lock keeps them (under the lock screen) for that person only. */
const viewerOf = (status: SessionStatus): string => (status.person ? `person:${status.person.id}` : 'open');

function Gate() {
  const { status, apply, refresh } = useSession();
  const api = useApi();
  const [shownTo, setShownTo] = useState<string | null>(null);
  const viewer = viewerOf(status);
  // Derived as it renders: the pages were opened for this viewer once the session let them in.
  if ((status.state === 'open' || status.state === 'signed-in') && shownTo !== viewer) setShownTo(viewer);
  const lockNow = useCallback(() => {
    void api.call('session.lock', {}).then((result) => (result.ok ? apply(result.value) : refresh()));
  }, [api, apply, refresh]);
  useIdleLock(status.state === 'signed-in' ? status.idleLockMinutes : null, lockNow);

  if (status.state === 'signed-out') return <SignInScreen />;
  // Locked before the pages were ever shown here (a reload while locked): the lock screen alone.
  const pagesShown = status.state !== 'locked' || shownTo === viewer;
  return (
    <>
      {pagesShown ? (
        <div className="station-frame" inert={status.state === 'locked'} aria-hidden={status.state === 'locked' || undefined}>
          <Station key={viewer} />
        </div>
      ) : null}
      {status.state === 'locked' && status.person ? <LockScreen person={status.person} /> : null}
    </>
  );
}

export function App() {
  return <SessionProvider>{(load) => (load.state === 'ready' ? <Gate /> : <Startup error={load.state === 'failed' ? load.error : null} />)}</SessionProvider>;
}
