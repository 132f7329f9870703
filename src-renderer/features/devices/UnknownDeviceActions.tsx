import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AttachedVolume, Device } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import { DeviceForm } from './DeviceForm.js';
import { useDeviceName } from './DeviceName.js';

interface Props {
  volume: AttachedVolume;
  devices: readonly Device[];
  /**
   * On a compact rack card: the hint in the tooltip, the choice of a device on one row, and
   * "register" beside `start` (the card's own start button) on the next.
   */
  compact: { start: ReactNode } | null;
  onDevicesChanged(): void;
}

/** A card no registered device claims: register its device, or say which registered one it is. Either answer is remembered. */
export function UnknownDeviceActions({ volume, devices, compact, onDevicesChanged }: Props) {
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

  const register = (
    <button type="button" onClick={() => setRegistering(true)} data-testid="register-device">
      {t('volumeCard.registerNew')}
    </button>
  );
  const select = (
    <select
      value={chosen}
      onChange={(event) => setChosen(event.target.value)}
      aria-label={compact ? t('volumeCard.matchLabel') : undefined}
      data-testid="match-device"
    >
      <option value="">{t('volumeCard.matchChoose')}</option>
      {candidates.map((device) => (
        <option key={device.id} value={String(device.id)}>
          {deviceName(device)}
        </option>
      ))}
    </select>
  );
  const confirm = (
    <button type="button" disabled={chosen === '' || matching.busy} onClick={() => void match(Number(chosen))} data-testid="match-confirm">
      {t('volumeCard.matchConfirm')}
    </button>
  );

  return (
    <div className="unknown-actions" data-testid="unknown-actions" title={compact ? t('volumeCard.unknownHint') : undefined}>
      {compact ? null : <p>{t('volumeCard.unknownHint')}</p>}
      {matching.error ? <ErrorMessage error={matching.error} testId="match-error" /> : null}
      {registering ? (
        <DeviceForm device={null} initialSerial={volume.serial ?? ''} onSaved={registered} onCancel={() => setRegistering(false)} />
      ) : compact ? (
        <>
          <div className="match-row">
            {select}
            {confirm}
          </div>
          <div className="match-row">
            {register}
            {compact.start}
          </div>
        </>
      ) : (
        <div className="match-row">
          {register}
          <label>
            <span>{t('volumeCard.matchLabel')}</span>
            {select}
          </label>
          {confirm}
        </div>
      )}
    </div>
  );
}
