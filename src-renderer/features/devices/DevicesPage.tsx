import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { TechnicalDetail } from '../../components/TechnicalDetail.js';
import { useCommand } from '../../hooks/use-command.js';
import { useIngestTracker } from '../../state/ingest-tracker.js';
import { StationSettingsPanel } from '../settings/StationSettingsPanel.js';
import { DeviceRegistry } from './DeviceRegistry.js';
import { RackSummaryLine } from './RackSummaryLine.js';
import { VolumeCard } from './VolumeCard.js';
import { useAttachedVolumes } from './use-attached-volumes.js';
import { useRackLedger } from './use-rack-ledger.js';
import { rackIsCompact, rackOrder, rackSummary } from './volume-rack.js';

export function DevicesPage() {
  const { t } = useTranslation();
  const volumes = useAttachedVolumes();
  const devices = useCommand('devices.list', {});
  const ledger = useRackLedger();
  const { jobs } = useIngestTracker();
  const places = rackOrder(volumes.cards, ledger);
  const compact = rackIsCompact(places.length);
  return (
    <div className="page" data-testid="devices-page">
      <h2>{t('devices.title')}</h2>
      <section aria-labelledby="attached-heading" className="attached">
        <h3 id="attached-heading">{t('devices.attached')}</h3>
        {volumes.error ? <ErrorMessage error={volumes.error} testId="volumes-error" /> : null}
        {volumes.stationError ? (
          <p className="error" role="alert" data-testid="station-error">
            <strong>{t('devices.stationError')}</strong>
            <TechnicalDetail text={volumes.stationError} />
          </p>
        ) : null}
        {volumes.loaded && volumes.cards.length === 0 ? (
          <p className="muted" data-testid="no-volumes">
            {t('devices.noVolumes')}
          </p>
        ) : null}
        {places.length > 0 ? <RackSummaryLine summary={rackSummary(places, jobs)} /> : null}
        <div className="volume-cards" aria-live="polite">
          {places.map(({ card, group }) => (
            <VolumeCard
              key={`${card.volume.mountpoint}@${card.volume.attachedAt}`}
              card={card}
              devices={devices.value ?? []}
              officer={card.volume.deviceId === null ? null : ledger.officerOf(card.volume.deviceId)}
              group={group}
              compact={compact}
              lateWithoutReason={card.volume.deviceId !== null && ledger.lateWithoutReason(card.volume.deviceId)}
              onDevicesChanged={devices.reload}
              onDismiss={() => volumes.dismiss(card.volume.mountpoint)}
            />
          ))}
        </div>
      </section>
      <StationSettingsPanel />
      <DeviceRegistry devices={devices.value} error={devices.state === 'failed' ? devices.error : null} onChanged={devices.reload} />
    </div>
  );
}
