import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceForm } from './DeviceForm.js';

/**
 * Footage of an unregistered recorder shows the folder's name as its device: offer to register
 * the serial its file names carry. Once registered, the station ties this and the earlier
 * imports whose names carry that serial to the device.
 */
export function RegisterSerial({ serial, testId }: { serial: string; testId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const [registered, setRegistered] = useState(false);
  if (registered) {
    return (
      <p role="status" data-testid={`${testId}-done`}>
        {t('registerSerial.done', { serial })}
      </p>
    );
  }
  return (
    <div className="register-serial" data-testid={testId}>
      <p className="muted">{t('registerSerial.hint', { serial })}</p>
      {open ? (
        <DeviceForm device={null} initialSerial={serial} onSaved={() => setRegistered(true)} onCancel={() => setOpen(false)} />
      ) : (
        <button type="button" onClick={() => setOpen(true)} data-testid={`${testId}-button`}>
          {t('registerSerial.button', { serial })}
        </button>
      )}
    </div>
  );
}
