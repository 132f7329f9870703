import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Device, DeviceStatus, DeviceType } from '../../../src-main/contract/index.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { useAction } from '../../hooks/use-action.js';
import {
  deviceChanges,
  deviceFormValues,
  deviceStatuses,
  deviceTypes,
  maxLength,
  newDeviceInput,
  typedDate,
  validateDeviceForm,
  type DeviceField,
  type DeviceFormErrors,
  type DeviceFormValues,
} from './device-form.js';

interface Props {
  /** The device being edited; null registers a new one. */
  device: Device | null;
  /** A serial read from a card, offered when registering that card's device. */
  initialSerial?: string;
  onSaved(device: Device): void;
  onCancel(): void;
}

const textFields = [
  ['name', 'device-name'],
  ['model', 'device-model'],
  ['assetNumber', 'device-asset'],
] as const;

export function DeviceForm({ device, initialSerial, onSaved, onCancel }: Props) {
  const { t } = useTranslation();
  const [values, setValues] = useState<DeviceFormValues>(() => deviceFormValues(device, initialSerial));
  // Shown once the officer has tried to save, then kept current as they type.
  const [errors, setErrors] = useState<DeviceFormErrors | null>(null);
  const save = useAction();
  const formId = useId();

  const set = <K extends DeviceField>(field: K, value: DeviceFormValues[K]) => {
    const next = { ...values, [field]: value };
    setValues(next);
    if (errors) setErrors(validateDeviceForm(next));
  };
  const fieldError = (field: DeviceField) => {
    const key = errors?.[field];
    return key ? (
      <span className="field-error" id={`${formId}-${field}-error`} data-testid={`device-${field}-error`}>
        {t(key, { max: maxLength(field) })}
      </span>
    ) : null;
  };
  const invalid = (field: DeviceField) =>
    errors?.[field] ? { 'aria-invalid': true, 'aria-describedby': `${formId}-${field}-error` } : {};

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = validateDeviceForm(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const saved = device ? await save.run('devices.update', deviceChanges(device.id, values)) : await save.run('devices.add', newDeviceInput(values));
    if (saved) onSaved(saved);
  };

  return (
    <form className="panel device-form" onSubmit={(event) => void submit(event)} noValidate data-testid="device-form" aria-labelledby={`${formId}-title`}>
      <h3 id={`${formId}-title`}>{device ? t('deviceForm.titleEdit', { serial: device.serial }) : t('deviceForm.titleAdd')}</h3>
      {save.error ? <ErrorMessage error={save.error} testId="device-form-error" /> : null}
      <div className="form-grid">
        <label>
          <span>{t('devices.columns.type')}</span>
          <select value={values.type} onChange={(event) => set('type', event.target.value as DeviceType)} data-testid="device-type">
            {deviceTypes.map((type) => (
              <option key={type} value={type}>
                {t(`deviceType.${type}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>
            {t('devices.columns.serial')} <span className="required">{t('deviceForm.required')}</span>
          </span>
          <input
            className="mono"
            value={values.serial}
            onChange={(event) => set('serial', event.target.value)}
            readOnly={device !== null}
            autoComplete="off"
            spellCheck={false}
            data-testid="device-serial"
            {...invalid('serial')}
          />
          {device ? <span className="muted hint">{t('deviceForm.serialFixed')}</span> : null}
          {fieldError('serial')}
        </label>
        {textFields.map(([field, testId]) => (
          <label key={field}>
            <span>{t(`devices.columns.${field}`)}</span>
            <input value={values[field]} onChange={(event) => set(field, event.target.value)} autoComplete="off" data-testid={testId} {...invalid(field)} />
            {fieldError(field)}
          </label>
        ))}
        <label>
          <span>{t('devices.columns.purchaseDate')}</span>
          {/* Typed as officers write dates (2025/3/15), or picked from the browser's calendar beside it. */}
          <span className="date-field">
            <input
              value={values.purchaseDate}
              onChange={(event) => set('purchaseDate', event.target.value)}
              placeholder={t('deviceForm.datePlaceholder')}
              autoComplete="off"
              data-testid="device-purchase-date"
              {...invalid('purchaseDate')}
            />
            <input
              type="date"
              value={typedDate(values.purchaseDate) ?? ''}
              onChange={(event) => set('purchaseDate', event.target.value)}
              aria-label={t('deviceForm.pickDate')}
              data-testid="device-purchase-date-picker"
            />
          </span>
          {fieldError('purchaseDate')}
        </label>
        <label>
          <span>{t('devices.columns.status')}</span>
          <select value={values.status} onChange={(event) => set('status', event.target.value as DeviceStatus)} data-testid="device-status">
            {deviceStatuses.map((status) => (
              <option key={status} value={status}>
                {t(`deviceStatus.${status}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="actions">
        <button type="button" onClick={onCancel} data-testid="device-cancel">
          {t('deviceForm.cancel')}
        </button>
        <button type="submit" className="primary" disabled={save.busy} data-testid="device-save">
          {save.busy ? t('deviceForm.saving') : t('deviceForm.save')}
        </button>
      </div>
    </form>
  );
}
