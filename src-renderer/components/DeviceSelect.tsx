import { useTranslation } from 'react-i18next';
import { useCommand } from '../hooks/use-command.js';

interface Props {
  deviceId: number | null;
  onChange(deviceId: number | null): void;
  testId: string;
}

/** Narrows a list to one registered device. */
export function DeviceSelect({ deviceId, onChange, testId }: Props) {
  const { t } = useTranslation();
  const devices = useCommand('devices.list', {});
  return (
    <label>
      <span>{t('filters.device')}</span>
      <select value={deviceId ?? ''} onChange={(event) => onChange(event.target.value === '' ? null : Number(event.target.value))} data-testid={testId}>
        <option value="">{t('filters.allDevices')}</option>
        {(devices.value ?? []).map((device) => (
          <option key={device.id} value={device.id}>
            {device.name ? `${device.name} (${device.serial})` : device.serial}
          </option>
        ))}
      </select>
    </label>
  );
}
