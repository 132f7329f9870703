import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { AppHeader } from './components/AppHeader.js';
import { ErrorMessage } from './components/ErrorMessage.js';
import { LanguageSwitch } from './components/LanguageSwitch.js';
import { CalibrationClockPage } from './features/calibration/CalibrationClockPage.js';
import { DevicesPage } from './features/devices/DevicesPage.js';
import { ImportPage } from './features/import/ImportPage.js';
import { IngestsPage } from './features/ingests/IngestsPage.js';
import { LedgerPage } from './features/ledger/LedgerPage.js';
import { RecordingsPage } from './features/recordings/RecordingsPage.js';
import { useRoute } from './hooks/use-route.js';
import { IngestTrackerProvider } from './state/ingest-tracker.js';
import type { Route } from './state/route.js';
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
    case 'clock':
      return <CalibrationClockPage />;
  }
}

export function App() {
  const { t } = useTranslation();
  const route = useRoute();
  const load = useStationInfoLoad();
  const stationName = load.state === 'ready' ? load.view.info.stationName : null;
  useEffect(() => {
    document.title = stationName ? `${stationName} · ${t('app.title')}` : t('app.title');
  }, [stationName, t]);
  if (load.state !== 'ready') {
    return (
      <main className="startup" data-testid="startup">
        <LanguageSwitch />
        {load.state === 'loading' ? <p>{t('app.connecting')}</p> : null}
        {load.state === 'failed' ? (
          <>
            <h1>{t('app.connectFailed')}</h1>
            <ErrorMessage error={load.error} />
          </>
        ) : null}
      </main>
    );
  }
  return (
    <StationProvider view={load.view}>
      <IngestTrackerProvider>
        {/* The calibration clock is filmed: nothing but the clock and its code on screen. */}
        {route.page === 'clock' ? (
          <Page route={route} />
        ) : (
          <>
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
