import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { useCommand } from '../../hooks/use-command.js';

/**
 * Offered with a time-zone finding: many body cameras write local time where MP4 keeps UTC. The
 * clerk confirms it once for the device; its later ingests are read in the station's zone. An
 * older ingest of a device confirmed since says so instead of offering it again.
 */
export function ConfirmLocalTime({ deviceId }: { deviceId: number | null }) {
  const { t } = useTranslation();
  const action = useAction();
  const [confirmed, setConfirmed] = useState(false);
  const devices = useCommand('devices.list', deviceId === null ? null : {});
  const confirmedBefore = devices.value?.some((device) => device.id === deviceId && device.metadataLocalTime) === true;
  if (deviceId === null) {
    return (
      <p className="muted" data-testid="local-time-unregistered">
        {t('findings.localTime.unregistered')}
      </p>
    );
  }
  if (confirmed || confirmedBefore) {
    return (
      <p className="muted" role="status" data-testid="local-time-confirmed">
        {t('findings.localTime.confirmed')}
      </p>
    );
  }
  const confirm = async () => {
    const device = await action.run('devices.setMetadataLocalTime', { id: deviceId, localTime: true });
    if (device) setConfirmed(true);
  };
  return (
    <div data-testid="local-time-offer">
      <p className="muted">{t('findings.localTime.explain')}</p>
      <button type="button" disabled={action.busy} onClick={() => void confirm()} data-testid="confirm-local-time">
        {t('findings.localTime.confirm')}
      </button>
      {action.error ? <ErrorMessage error={action.error} /> : null}
    </div>
  );
}
