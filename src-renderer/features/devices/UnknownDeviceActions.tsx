import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachedVolume, Device } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { DeviceForm } from './DeviceForm.js';
import { useDeviceName } from './DeviceName.js';

interface Props {
  volume: AttachedVolume;
  devices: readonly Device[];
  onDevicesChanged(): void;
}

/** A card no registered device claims: register its device, or say which registered one it is. Either answer is remembered. */
export function UnknownDeviceActions({ volume, devices, onDevicesChanged }: Props) {
  const { t } = useTranslation();
  const deviceName = useDeviceName();
  const [registering, setRegistering] = useState(false);
  const [chosen, setChosen] = useState('');
  const matching = useAction();
  // A retired recorder does not come back into service by being plugged in.
  const candidates = devices.filter((device) => device.status !== 'retired');

  // The card itself changes with the station's volume.updated event; a failure shows here.
  const match = (deviceId: number) => matching.run('volumes.match', { mountpoint: volume.mountpoint, deviceId });

  const registered = (device: Device) => {
    setRegistering(false);
    onDevicesChanged();
    void match(device.id);
  };

  return (
    <div className="unknown-actions" data-testid="unknown-actions">
      <p>{t('volumeCard.unknownHint')}</p>
      {matching.error ? <ErrorMessage error={matching.error} testId="match-error" /> : null}
      {registering ? (
        <DeviceForm device={null} initialSerial={volume.serial ?? ''} onSaved={registered} onCancel={() => setRegistering(false)} />
      ) : (
        <div className="match-row">
          <button type="button" onClick={() => setRegistering(true)} data-testid="register-device">
            {t('volumeCard.registerNew')}
          </button>
          <label>
            <span>{t('volumeCard.matchLabel')}</span>
            <select value={chosen} onChange={(event) => setChosen(event.target.value)} data-testid="match-device">
              <option value="">{t('volumeCard.matchChoose')}</option>
              {candidates.map((device) => (
                <option key={device.id} value={String(device.id)}>
                  {deviceName(device)}
                </option>
              ))}
            </select>
          </label>
          <button type="button" disabled={chosen === '' || matching.busy} onClick={() => void match(Number(chosen))} data-testid="match-confirm">
            {t('volumeCard.matchConfirm')}
          </button>
        </div>
      )}
    </div>
  );
}
