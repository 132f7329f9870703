import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device } from '../../../src-main/contract/index.js';
import type { CommandError } from '../../api/types.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { DeviceForm } from './DeviceForm.js';

const columns = ['type', 'serial', 'name', 'model', 'assetNumber', 'purchaseDate', 'status', 'actions'] as const;

interface Props {
  devices: readonly Device[] | null;
  error: CommandError | null;
  onChanged(): void;
}

type Editing = { mode: 'add' } | { mode: 'edit'; device: Device } | null;

/** The office's recording equipment (Art. 2, 3): what it is, which one, and whether it is in service. */
export function DeviceRegistry({ devices, error, onChanged }: Props) {
  const { t } = useTranslation();
  const [editing, setEditing] = useState<Editing>(null);
  // The form closes on saving: this says it worked, until another edit begins.
  const [savedSerial, setSavedSerial] = useState<string | null>(null);
  const edit = (next: Editing) => {
    setSavedSerial(null);
    setEditing(next);
  };
  const saved = (device: Device) => {
    setEditing(null);
    setSavedSerial(device.serial);
    onChanged();
  };
  return (
    <section className="panel registry" aria-labelledby="registry-heading" data-testid="device-registry">
      <div className="panel-head">
        <h3 id="registry-heading">{t('devices.registry')}</h3>
        <button type="button" className="primary" onClick={() => edit({ mode: 'add' })} disabled={editing?.mode === 'add'} data-testid="device-add">
          {t('devices.add')}
        </button>
      </div>
      {error ? <ErrorMessage error={error} /> : null}
      {savedSerial ? (
        <p className="saved" role="status" data-testid="device-saved">
          {t('devices.saved', { serial: savedSerial })}
        </p>
      ) : null}
      {editing ? (
        <DeviceForm
          key={editing.mode === 'edit' ? editing.device.id : 'new'}
          device={editing.mode === 'edit' ? editing.device : null}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      ) : null}
      {devices && devices.length === 0 ? (
        <p className="muted" data-testid="devices-empty">
          {t('devices.empty')}
        </p>
      ) : null}
      {devices && devices.length > 0 ? (
        <table className="devices" data-testid="devices-table">
          <thead>
            <tr>
              {columns.map((column) => (
                <th key={column} scope="col">
                  {t(`devices.columns.${column}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {devices.map((device) => (
              <tr key={device.id} data-testid="device-row" data-serial={device.serial} data-status={device.status}>
                <td>{t(`deviceType.${device.type}`)}</td>
                <td className="mono">{device.serial}</td>
                <td>{device.name ?? '—'}</td>
                <td>{device.model ?? '—'}</td>
                <td>{device.assetNumber ?? '—'}</td>
                <td className="num">{device.purchaseDate ?? '—'}</td>
                <td>
                  <span className={`badge device-${device.status}`}>{t(`deviceStatus.${device.status}`)}</span>
                </td>
                <td className="actions">
                  <button type="button" className="link" onClick={() => edit({ mode: 'edit', device })} data-testid="device-edit">
                    {t('devices.edit')}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : null}
    </section>
  );
}
